import { InputError } from "../errors.ts";
import { isCjkCode } from "../text/script.ts";
import type { SourceWord } from "../types.ts";
import { isCoordinate, readValue, usableBox } from "./coordinates.ts";
import { isSpace } from "./hocr-title.ts";
import { type GeoLine, type Graphic, type IngestedPage, newGeoLine } from "./ingest.ts";
import { PageBox, PageWord } from "./records.ts";
import { describeElement, IngestWarnings } from "./warnings.ts";
import { readXml, type XmlAttributes } from "./xml-reader.ts";

/**
 * ALTO ingest (1.x, v2, v3, v4), strict XML through `readXml`. `TextLine/@ID` is the line id;
 * `String` elements are the words (`CONTENT`, `WC` confidence in [0, 1], box from
 * HPOS/VPOS/WIDTH/HEIGHT); `SP` is a space; `HYP` or `SUBS_TYPE="HypPart1"` marks the line's
 * last word as hyphenated (the printed hyphen is kept in the text). Coordinates are turned
 * into pixels: `pixel` as is, `mm10` (1/10 mm) and `inch1200` (1/1200 inch) at `dpi`. Font
 * sizes come from `TextStyle/@FONTSIZE` (points, at `dpi`) through `STYLEREFS`/`STYLE`.
 * A box with a value that is not a usable coordinate (see `coordinates.ts`) is not taken: a
 * word takes its line's box, a line goes without one, a picture or rule is left out; the page
 * says so in its warnings.
 */

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

interface OpenBlock {
  id?: string;
  styles: string[];
  type?: string;
}

const boxNames = ["HPOS", "VPOS", "WIDTH", "HEIGHT"] as const;

/**
 * Parses ALTO into lines (document order), page size, and illustrations/graphical elements.
 * Broken XML or a root that is not `alto` is an `InputError("malformed")`.
 */
export function ingestAlto(text: string, dpi = defaultAltoDpi): IngestedPage {
  const lines: GeoLine[] = [];
  const graphics: Graphic[] = [];
  const fontSizes = new Map<string, number>();
  const warnings = new IngestWarnings();
  let scale = 1;
  let unitText: string | null = null;
  let root: string | null = null;
  let width: number | undefined;
  let height: number | undefined;
  let language: string | undefined;
  const blocks: OpenBlock[] = [];
  let open: OpenLine | null = null;
  let anonymous = 0;

  /** The element's box in pixels; undefined when it has none or one that is not usable (noted as `problem`). */
  const boxOf = (name: string, a: XmlAttributes, problem: string): PageBox | undefined => {
    const x = a.get("HPOS");
    const y = a.get("VPOS");
    const w = a.get("WIDTH");
    const h = a.get("HEIGHT");
    if (x === undefined || y === undefined || w === undefined || h === undefined) return undefined;
    const box = usableBox(
      readValue(x) * scale,
      readValue(y) * scale,
      readValue(w) * scale,
      readValue(h) * scale,
    );
    if (box === null) warnings.note(problem, () => described(name, a, boxNames));
    return box ?? undefined;
  };
  const sizeOf = (refs: readonly string[]): number | undefined => {
    for (const r of refs) {
      const pt = fontSizes.get(r);
      if (pt) return (pt * dpi) / 72;
    }
    return undefined;
  };

  readXml(text, "ALTO", {
    open(name, a) {
      if (root === null) {
        root = name;
        if (name !== "alto") throw new InputError("malformed", `not ALTO: the root element is <${name}>`);
        return;
      }
      switch (name) {
        // Words first: most elements are `String`s.
        case "String": {
          if (!open) break;
          const content = a.get("CONTENT")?.trim();
          if (!content) break;
          const box =
            boxOf(
              name,
              a,
              open.line.box
                ? "a word box that is not a usable coordinate: the word takes its line's box"
                : "a word box that is not a usable coordinate, in a line without a box: the word gets a zero box",
            ) ??
            open.line.box ??
            new PageBox(0, 0, 0, 0);
          const wc = a.number("WC");
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
          open.lastHypPart1 = a.get("SUBS_TYPE") === "HypPart1";
          if (open.styles.length === 0 || !sizeOf(open.styles)) styleRefs(a, open.styles);
          break;
        }
        case "MeasurementUnit":
          unitText = "";
          break;
        case "TextStyle": {
          const size = a.get("FONTSIZE");
          const pt = size === undefined ? Number.NaN : readValue(size);
          const id = a.get("ID");
          if (size !== undefined && !isCoordinate((pt * dpi) / 72))
            warnings.note("a font size that is not a usable size: not taken", () =>
              described(name, a, ["ID", "FONTSIZE"]),
            );
          else if (id && pt > 0) fontSizes.set(id, pt);
          break;
        }
        case "Page": {
          const w = a.get("WIDTH");
          const h = a.get("HEIGHT");
          if (w === undefined || h === undefined) break;
          const pw = readValue(w) * scale;
          const ph = readValue(h) * scale;
          if (!isCoordinate(pw) || !isCoordinate(ph))
            warnings.note("a page size that is not a usable coordinate: not taken", () =>
              described(name, a, ["WIDTH", "HEIGHT"]),
            );
          else if (pw > 0 && ph > 0 && width === undefined) {
            width = pw;
            height = ph;
          }
          break;
        }
        case "TextBlock": {
          const block: OpenBlock = { styles: styleRefs(a, []) };
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
          const box = boxOf(name, a, "a picture or rule box that is not a usable coordinate: left out");
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
          const line = newGeoLine(a.get("ID") || `alto-line-${++anonymous}`);
          const box = boxOf(
            name,
            a,
            "a line box that is not a usable coordinate: the line goes without a box (read after the boxed lines)",
          );
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
            styles: styleRefs(a, []).concat(block?.styles ?? []),
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
    text(t) {
      if (unitText !== null) unitText += t;
    },
    close(name) {
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
  });
  if (root === null) throw new InputError("malformed", "not ALTO: no root element");
  if (lines.length === 0) throw new InputError("malformed", "the ALTO has no text lines (TextLine/String)");
  const page: IngestedPage = { format: "alto", lines, graphics };
  if (width !== undefined && height !== undefined) {
    page.width = width;
    page.height = height;
  }
  if (language) page.language = language;
  const found = warnings.list();
  if (found.length) page.warnings = found;
  return page;
}

/** The element with the attributes `names` and its position, for a warning. */
function described(name: string, a: XmlAttributes, names: readonly string[]): string {
  return describeElement(
    name,
    names.map((n) => [n, a.get(n)] as const),
    a.position(),
  );
}

/**
 * Adds to `out` the style ids of `STYLEREFS` and then `STYLE`, split at white space (what `\s`
 * matches); returns `out`.
 */
function styleRefs(a: XmlAttributes, out: string[]): string[] {
  const refs = a.get("STYLEREFS");
  const style = a.get("STYLE");
  if (refs !== undefined) splitSpaces(refs, out);
  if (style !== undefined) splitSpaces(style, out);
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
