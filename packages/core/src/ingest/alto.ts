import { InputError } from "../errors.ts";
import { isCjkCode } from "../text/script.ts";
import type { Box, SourceWord } from "../types.ts";
import { AttributeSlots } from "./attribute-slots.ts";
import type { GeoLine, Graphic, IngestedPage } from "./ingest.ts";
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
 * Broken XML or a root that is not `alto` is an `InputError("malformed")`.
 */
export function ingestAlto(text: string, dpi = defaultAltoDpi): IngestedPage {
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
    return { x, y, w: Math.max(0, w), h: Math.max(0, h) };
  };
  const styleRefs = (a: XmlAttributes): string[] => {
    const refs = a.get("STYLEREFS");
    const style = a.get("STYLE");
    if (refs === undefined && style === undefined) return [];
    return `${refs ?? ""} ${style ?? ""}`.split(/\s+/).filter(Boolean);
  };
  // A page's `String`s share one layout or a few: their attributes are found once per layout.
  const stringSlots = new AttributeSlots(stringNames);
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
          const block: { id?: string; styles: string[]; type?: string } = { styles: styleRefs(a) };
          const id = a.get("ID");
          const type = a.get("TYPE");
          if (id) block.id = id;
          if (type) block.type = type;
          if (!language) language = a.get("LANG") || undefined;
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
          const line: GeoLine = { id: a.get("ID") || `alto-line-${++anonymous}`, text: "" };
          const box = boxOf(a);
          if (box) line.box = box;
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
            styles: [...styleRefs(a), ...(block?.styles ?? [])],
          };
          break;
        }
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
              ? (open.line.box ?? { x: 0, y: 0, w: 0, h: 0 })
              : { x, y, w: Math.max(0, w), h: Math.max(0, h) };
          const word: SourceWord = { text: content, box };
          // NaN when absent, as `Number` of the value otherwise.
          const wc = a.numberAt(at[5]!);
          if (Number.isFinite(wc)) word.conf = Math.min(1, Math.max(0, wc));
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
            open.styles.push(...styleRefs(a));
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
  new XmlScanner(text, "ALTO", handlers, false).run();
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

/** Pixels per ALTO unit for a `MeasurementUnit` value at `dpi`; unknown units count as pixels. */
export function unitScale(unit: string, dpi: number): number {
  if (unit === "mm10") return dpi / 254;
  if (unit === "inch1200") return dpi / 1200;
  return 1;
}
