import { InputError } from "../errors.ts";
import type { SourceWord } from "../types.ts";
import { type HocrTitle, isSpace } from "./hocr-title.ts";
import { type GeoLine, type Graphic, type IngestedPage, newGeoLine } from "./ingest.ts";
import { PageBox, PageWord } from "./records.ts";
import { smallInt } from "./small-int.ts";
import { WordJoiner } from "./words.ts";
import { isAt } from "./xml-chars.ts";

/**
 * What hOCR means, element by element, whatever parser delivers the elements: line elements are
 * `ocr_line`, `ocr_caption`, `ocr_header`, `ocr_textfloat` (and `ocrx_line`); words `ocrx_word`
 * with `bbox` and `x_wconf` (0–100, stored as 0–1). `x_size` gives the line's font size in
 * pixels, `baseline` its slope. `ocr_photo`/`ocr_image` become image regions and
 * `ocr_separator` ruled lines.
 */

const lineClasses = new Set(["ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat", "ocrx_line"]);
const imageClasses = new Set(["ocr_photo", "ocr_image", "ocr_graphic", "ocr_linedrawing"]);
const separatorClasses = new Set(["ocr_separator", "ocr_hseparator", "ocr_vseparator"]);
const regionClasses = new Set(["ocr_carea", "ocrx_block", "ocr_column"]);

const testedClasses = [
  "ocrx_word",
  "ocr_page",
  "ocr_par",
  ...lineClasses,
  ...imageClasses,
  ...separatorClasses,
  ...regionClasses,
];

/** What an open element is to the reader; every element gets one, popped at its end tag. */
type Frame = "page" | "region" | "par" | "line" | "word" | "other";

interface OpenLine {
  line: GeoLine;
  words: SourceWord[];
  /** The line's text outside words, kept only until its first word (then it is not used). */
  loose: string;
}

/** Receives a parser's events for one hOCR document; `finish` gives the page. */
export interface HocrReader {
  /**
   * An element opens: `cls` is its first hOCR class (see `ocrClass`; "" when none), `title`
   * holds its title's properties when it has a class (read nothing otherwise), and
   * `attribute(name)` reads its other attributes by (lower-case) name.
   */
  open(cls: string, title: HocrTitle, attribute: (name: string) => string | undefined): void;
  text(data: string): void;
  /** The innermost open element closes. */
  close(): void;
  /**
   * The page read. Throws `InputError("malformed")` when no hOCR line or word was found, and
   * `InputError("unsupported")` for a file with several `ocr_page`s.
   */
  finish(): IngestedPage;
}

/** A fresh `HocrReader`. */
export function createHocrReader(): HocrReader {
  const lines: GeoLine[] = [];
  const graphics: Graphic[] = [];
  const stack: Frame[] = [];
  let width: number | undefined;
  let height: number | undefined;
  let pages = 0;
  let region: string | undefined;
  let paragraph: string | undefined;
  let language: string | undefined;
  let open: OpenLine | null = null;
  let word: SourceWord | null = null;
  let anonymous = 0;
  // The open line's word texts: one line is open at a time.
  const joiner = new WordJoiner();

  const finishLine = (current: OpenLine) => {
    const { line, words } = current;
    if (words.length) {
      line.words = words;
      line.text = joiner.text();
    } else {
      line.text = current.loose.replace(/\s+/g, " ").trim();
    }
    if (line.text) lines.push(line);
  };

  return {
    open(cls, title, attribute) {
      let kind: Frame = "other";
      // Words first: most elements are words, and no other class test can match theirs.
      if (cls === "ocrx_word") {
        if (open && !word) {
          kind = "word";
          const box = title.box() ?? open.line.box ?? new PageBox(0, 0, 0, 0);
          const conf = title.number("x_wconf");
          word = new PageWord(
            "",
            box,
            title.has("x_wconf") && Number.isFinite(conf) ? Math.min(1, Math.max(0, conf / 100)) : undefined,
          );
        }
      } else if (cls === "ocr_page") {
        kind = "page";
        pages++;
        const box = title.box();
        if (pages === 1 && box) {
          width = box.x + box.w;
          height = box.y + box.h;
        }
      } else if (regionClasses.has(cls)) {
        kind = "region";
        region = attribute("id") ?? region;
      } else if (cls === "ocr_par") {
        kind = "par";
        paragraph = attribute("id");
        if (!language) language = attribute("lang") || undefined;
      } else if (lineClasses.has(cls) && !open) {
        kind = "line";
        const line = newGeoLine(attribute("id") || `hocr-line-${++anonymous}`);
        const box = title.box();
        if (box) line.box = box;
        const size = title.number("x_size");
        if (size > 0) line.fontSize = smallInt(size);
        const slope = title.number("baseline");
        if (Number.isFinite(slope) && title.has("baseline")) line.slope = slope;
        if (region) line.region = region;
        if (cls !== "ocr_line" && cls !== "ocrx_line") line.regionType = cls;
        if (paragraph) line.paragraph = paragraph;
        open = { line, words: [], loose: "" };
      } else if (imageClasses.has(cls) || separatorClasses.has(cls)) {
        const box = title.box();
        if (box) {
          const graphic: Graphic = { kind: imageClasses.has(cls) ? "image" : "separator", box };
          const id = attribute("id");
          if (id) graphic.id = id;
          graphics.push(graphic);
        }
      }
      stack.push(kind);
    },
    text(data) {
      if (word) word.text += data;
      else if (open && open.words.length === 0) open.loose += data;
    },
    close() {
      const frame = stack.pop();
      if (!frame) return;
      if (frame === "word" && word && open) {
        const text = hasSpace(word.text) ? word.text.replace(/\s+/g, " ").trim() : word.text;
        if (text) {
          // The word object is the reader's own: set its text rather than copy it.
          word.text = text;
          open.words.push(word);
          joiner.add(text);
        }
        word = null;
      } else if (frame === "line" && open) {
        finishLine(open);
        open = null;
      } else if (frame === "par") paragraph = undefined;
      else if (frame === "region") region = undefined;
    },
    finish() {
      if (open) finishLine(open);
      open = null;
      if (pages > 1) {
        throw new InputError("unsupported", `the hOCR holds ${pages} pages; reconstruct one page at a time`);
      }
      if (lines.length === 0)
        throw new InputError("malformed", "the hOCR has no text lines (ocr_line/ocrx_word)");
      const page: IngestedPage = { format: "hocr", lines, graphics };
      if (width !== undefined && height !== undefined) {
        page.width = width;
        page.height = height;
      }
      if (language) page.language = language;
      return page;
    },
  };
}

/**
 * The first class starting with "ocr" in a `class` attribute (classes are separated by
 * whitespace), or "" when there is none.
 */
export function ocrClass(classes: string): string {
  return new OcrClasses().at(classes, 0, classes.length);
}

/**
 * `ocrClass` of class attributes read where they stand in the document. A page has a handful
 * of classes, so each is sliced once and then recognised in place.
 */
export class OcrClasses {
  private readonly known: string[] = [];
  /** Attribute values read before, as they stand, each followed by its class: a page has a few. */
  private readonly seen: string[] = [];

  /** `ocrClass(text.slice(from, to))`. */
  at(text: string, from: number, to: number): string {
    const seen = this.seen;
    const length = to - from;
    for (let k = 0; k < seen.length; k += 2) {
      const raw = seen[k]!;
      if (raw.length === length && isAt(text, from, raw)) return seen[k + 1]!;
    }
    const cls = this.find(text, from, to);
    // Long values are rare and not worth keeping, nor more than a handful.
    if (length <= 64 && seen.length < 16) seen.push(text.slice(from, to), cls);
    return cls;
  }

  private find(text: string, from: number, to: number): string {
    for (let at = from; at + 3 <= to; at++) {
      if (text.charCodeAt(at) !== 0x6f || !text.startsWith("ocr", at)) continue;
      if (at > from && !isSpace(text.charCodeAt(at - 1))) continue;
      let end = at + 3;
      while (end < to && !isSpace(text.charCodeAt(end))) end++;
      return this.intern(text, at, end);
    }
    return "";
  }

  private intern(text: string, start: number, end: number): string {
    const known = this.known;
    for (let i = 0; i < known.length; i++) {
      const name = known[i]!;
      if (name.length === end - start && isAt(text, start, name)) return name;
    }
    const slice = text.slice(start, end);
    // The classes tested for, as the constants they are tested against: equal by identity.
    const name = testedClasses.find((c) => c === slice) ?? slice;
    known.push(name);
    return name;
  }
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}
