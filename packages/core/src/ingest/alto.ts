import { InputError } from "../errors.ts";
import type { ByteText } from "../input/byte-text.ts";
import { isCjkCode } from "../text/script.ts";
import type { Box, SourceWord } from "../types.ts";
import { AttributeSlots } from "./attribute-slots.ts";
import { isSpace } from "./hocr-title.ts";
import { type GeoLine, type Graphic, type IngestedPage, newGeoLine } from "./ingest.ts";
import { PageBox, PageWord } from "./records.ts";
import { smallInt } from "./small-int.ts";
import type { AttributeList, XmlAttributes } from "./xml-attributes.ts";
import { XmlScanner } from "./xml-scanner.ts";

/**
 * ALTO ingest (1.x, v2, v3, v4), strict XML through `readXml`. `TextLine/@ID` is the line id;
 * `String` elements are the words (`CONTENT`, `WC` confidence in [0, 1], box from
 * HPOS/VPOS/WIDTH/HEIGHT); `SP` is a space; `HYP` or `SUBS_TYPE="HypPart1"` marks the line's
 * last word as hyphenated (the printed hyphen is kept in the text). Coordinates are turned
 * into pixels: `pixel` as is, `mm10` (1/10 mm) and `inch1200` (1/1200 inch) at `dpi`. Font
 * sizes come from `TextStyle/@FONTSIZE` (points, at `dpi`) through `STYLEREFS`/`STYLE`.
 */

/** The attributes of a `String` that ingest reads, in `stringSlots` order. */
const stringNames = ["HPOS", "VPOS", "WIDTH", "HEIGHT", "CONTENT", "WC", "SUBS_TYPE", "STYLEREFS", "STYLE"];

/** The attributes of a `TextLine` that ingest reads, in `lineSlots` order. */
const lineNames = ["ID", "HPOS", "VPOS", "WIDTH", "HEIGHT", "STYLEREFS", "STYLE"];

/** The attributes of a `TextBlock` that ingest reads, in `blockSlots` order. */
const blockNames = ["ID", "TYPE", "LANG", "STYLEREFS", "STYLE"];

/** The resolution ALTO ingest assumes for unit conversion when the caller gives none. */
export const defaultAltoDpi = 300;

interface OpenLine {
  line: GeoLine;
  words: SourceWord[];
  text: string;
  /** The last code unit of `text` (NaN while empty): read here, not from the growing string. */
  last: number;
  spaced: boolean;
  hyphen: boolean;
  lastHypPart1: boolean;
  styles: string[];
}

/**
 * Parses ALTO into lines (document order), page size, and illustrations/graphical elements.
 * Broken XML or a root that is not `alto` is an `InputError("malformed")`. `bytes`: `text` is
 * the document read byte for byte (see `byte-text.ts`).
 */
export function ingestAlto(text: string, dpi = defaultAltoDpi, bytes: ByteText | null = null): IngestedPage {
  const lines: GeoLine[] = [];
  const graphics: Graphic[] = [];
  const fontSizes = new Map<string, number>();
  let scale = 1;
  let unitText: string | null = null;
  let root: string | null = null;
  let width: number | undefined;
  let height: number | undefined;
  let language: string | undefined;
  const blocks: Array<{ id?: string; styles: string[]; type?: string }> = [];
  let open: OpenLine | null = null;
  let anonymous = 0;

  const num = (a: XmlAttributes, name: string): number => {
    const n = a.number(name);
    return Number.isFinite(n) ? n * scale : Number.NaN;
  };
  const boxOf = (a: XmlAttributes): Box | undefined => {
    const x = num(a, "HPOS");
    const y = num(a, "VPOS");
    const w = num(a, "WIDTH");
    const h = num(a, "HEIGHT");
    if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(w) || Number.isNaN(h)) return undefined;
    return new PageBox(smallInt(x), smallInt(y), smallInt(Math.max(0, w)), smallInt(Math.max(0, h)));
  };
  // A page's `String`s share one layout or a few, as do its lines and blocks: their attributes
  // are found once per layout.
  const stringSlots = new AttributeSlots(stringNames);
  const lineSlots = new AttributeSlots(lineNames);
  const blockSlots = new AttributeSlots(blockNames);
  /** The value of the attribute at `i` (-1: absent). */
  const valueAt = (a: AttributeList, i: number): string | undefined => (i < 0 ? undefined : a.valueOf(i));
  const slotNumber = (a: AttributeList, i: number): number => {
    const n = a.numberAt(i);
    return Number.isFinite(n) ? n * scale : Number.NaN;
  };
  const sizeOf = (refs: readonly string[]): number | undefined => {
    for (const r of refs) {
      const pt = fontSizes.get(r);
      if (pt) return (pt * dpi) / 72;
    }
    return undefined;
  };

  const handlers = {
    open(name: string, a: AttributeList) {
      if (root === null) {
        root = name;
        if (name !== "alto") throw new InputError("malformed", `not ALTO: the root element is <${name}>`);
        return;
      }
      switch (name) {
        // Words first: most elements are `String`s.
        case "String": {
          if (!open) break;
          const at = stringSlots.read(a);
          const c = at[4]!;
          const content = c < 0 ? "" : a.valueOf(c).trim();
          if (!content) break;
          const x = slotNumber(a, at[0]!);
          const y = slotNumber(a, at[1]!);
          const w = slotNumber(a, at[2]!);
          const h = slotNumber(a, at[3]!);
          const box =
            Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(w) || Number.isNaN(h)
              ? (open.line.box ?? new PageBox(0, 0, 0, 0))
              : new PageBox(smallInt(x), smallInt(y), smallInt(Math.max(0, w)), smallInt(Math.max(0, h)));
          // NaN when absent, as `Number` of the value otherwise.
          const wc = a.numberAt(at[5]!);
          const word = new PageWord(
            content,
            box,
            Number.isFinite(wc) ? Math.min(1, Math.max(0, wc)) : undefined,
          );
          if (open.text && open.spaced && !isCjkCode(open.last) && !isCjkCode(content.charCodeAt(0)))
            open.text += " ";
          open.text += content;
          open.last = content.charCodeAt(content.length - 1);
          open.words.push(word);
          open.spaced = false;
          open.hyphen = false;
          const subs = at[6]!;
          open.lastHypPart1 = subs >= 0 && a.valueOf(subs) === "HypPart1";
          if ((open.styles.length === 0 || !sizeOf(open.styles)) && (at[7]! >= 0 || at[8]! >= 0))
            styleRefs(a, at[7]!, at[8]!, open.styles);
          break;
        }
        case "MeasurementUnit":
          unitText = "";
          break;
        case "TextStyle": {
          const pt = Number(a.get("FONTSIZE"));
          const id = a.get("ID");
          if (id && pt > 0) fontSizes.set(id, pt);
          break;
        }
        case "Page": {
          const w = num(a, "WIDTH");
          const h = num(a, "HEIGHT");
          if (w > 0 && h > 0 && width === undefined) {
            width = w;
            height = h;
          }
          break;
        }
        case "TextBlock": {
          const at = blockSlots.read(a);
          const block: { id?: string; styles: string[]; type?: string } = {
            styles: styleRefs(a, at[3]!, at[4]!, []),
          };
          const id = valueAt(a, at[0]!);
          const type = valueAt(a, at[1]!);
          if (id) block.id = id;
          if (type) block.type = type;
          if (!language) language = valueAt(a, at[2]!) || undefined;
          blocks.push(block);
          break;
        }
        case "Illustration":
        case "GraphicalElement": {
          const box = boxOf(a);
          if (box) {
            const thin = box.w > 8 * box.h || box.h > 8 * box.w;
            const g: Graphic = { kind: name === "GraphicalElement" && thin ? "separator" : "image", box };
            const id = a.get("ID");
            if (id) g.id = id;
            graphics.push(g);
          }
          break;
        }
        case "TextLine": {
          const block = blocks[blocks.length - 1];
          const at = lineSlots.read(a);
          const line = newGeoLine(valueAt(a, at[0]!) || `alto-line-${++anonymous}`);
          const x = slotNumber(a, at[1]!);
          const y = slotNumber(a, at[2]!);
          const w = slotNumber(a, at[3]!);
          const h = slotNumber(a, at[4]!);
          if (!Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(w) && !Number.isNaN(h))
            line.box = new PageBox(
              smallInt(x),
              smallInt(y),
              smallInt(Math.max(0, w)),
              smallInt(Math.max(0, h)),
            );
          if (block?.id) line.region = block.id;
          if (block?.type) line.regionType = block.type;
          open = {
            line,
            words: [],
            text: "",
            last: Number.NaN,
            spaced: false,
            hyphen: false,
            lastHypPart1: false,
            styles: styleRefs(a, at[5]!, at[6]!, []).concat(block?.styles ?? []),
          };
          break;
        }
        case "SP":
          if (open) open.spaced = true;
          break;
        case "HYP":
          if (open) {
            const hyphen = a.get("CONTENT") || "-";
            open.text += hyphen;
            open.last = hyphen.charCodeAt(hyphen.length - 1);
            open.hyphen = true;
          }
          break;
      }
    },
    text(t: string) {
      if (unitText !== null) unitText += t;
    },
    close(name: string) {
      if (name === "MeasurementUnit" && unitText !== null) {
        scale = unitScale(unitText.trim(), dpi);
        unitText = null;
      } else if (name === "TextBlock") blocks.pop();
      else if (name === "TextLine" && open) {
        const { line } = open;
        line.text = open.text;
        if (open.words.length) line.words = open.words;
        if (open.hyphen || open.lastHypPart1) line.hyphenated = true;
        const size = sizeOf(open.styles);
        if (size) line.fontSize = size;
        if (line.text) lines.push(line);
        open = null;
      }
    },
  };
  new XmlScanner(text, "ALTO", handlers, false, bytes).run();
  if (root === null) throw new InputError("malformed", "not ALTO: no root element");
  if (lines.length === 0) throw new InputError("malformed", "the ALTO has no text lines (TextLine/String)");
  const page: IngestedPage = { format: "alto", lines, graphics };
  if (width !== undefined && height !== undefined) {
    page.width = width;
    page.height = height;
  }
  if (language) page.language = language;
  return page;
}

/**
 * Adds to `out` the style ids of `STYLEREFS` (at `refs`) and then `STYLE` (at `style`), the
 * attributes' positions in `a` (-1: absent), split at white space (what `\s` matches); returns
 * `out`.
 */
function styleRefs(a: AttributeList, refs: number, style: number, out: string[]): string[] {
  if (refs >= 0) splitSpaces(a.valueOf(refs), out);
  if (style >= 0) splitSpaces(a.valueOf(style), out);
  return out;
}

/** Adds to `out` the runs of `text` between white space (what `\s` matches). */
function splitSpaces(text: string, out: string[]): void {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i > start) out.push(text.slice(start, i));
  }
}

/** Pixels per ALTO unit for a `MeasurementUnit` value at `dpi`; unknown units count as pixels. */
export function unitScale(unit: string, dpi: number): number {
  if (unit === "mm10") return dpi / 254;
  if (unit === "inch1200") return dpi / 1200;
  return 1;
}
