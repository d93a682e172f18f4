import { InputError } from "../errors.ts";
import type { SourceWord } from "../types.ts";
import { isCoordinate } from "./coordinates.ts";
import { type HocrTitle, isSpace } from "./hocr-title.ts";
import { type GeoLine, type Graphic, type IngestedPage, newGeoLine } from "./ingest.ts";
import { PageBox, PageWord } from "./records.ts";
import { smallInt } from "./small-int.ts";
import { describeElement, IngestWarnings } from "./warnings.ts";
import { WordJoiner } from "./words.ts";

/**
 * What hOCR means, element by element, whatever parser delivers the elements: line elements are
 * `ocr_line`, `ocr_caption`, `ocr_header`, `ocr_textfloat` (and `ocrx_line`); words `ocrx_word`
 * with `bbox` and `x_wconf` (0–100, stored as 0–1). `x_size` gives the line's font size in
 * pixels, `baseline` its slope. `ocr_photo`/`ocr_image` become image regions and
 * `ocr_separator` ruled lines. A `bbox` or `x_size` that is not a usable coordinate (see
 * `coordinates.ts`) is not taken: a word takes its line's box, a line goes without one, a
 * picture or rule is left out; the page says so in its warnings.
 */

const lineClasses = new Set(["ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat", "ocrx_line"]);
const imageClasses = new Set(["ocr_photo", "ocr_image", "ocr_graphic", "ocr_linedrawing"]);
const separatorClasses = new Set(["ocr_separator", "ocr_hseparator", "ocr_vseparator"]);
const regionClasses = new Set(["ocr_carea", "ocrx_block", "ocr_column"]);

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
   * holds its title's properties when it has a class (read nothing otherwise),
   * `attribute(name)` reads its other attributes by (lower-case) name, and `position()` tells
   * where the element stands ("line:col L:C"), for warnings.
   */
  open(
    cls: string,
    title: HocrTitle,
    attribute: (name: string) => string | undefined,
    position: () => string,
  ): void;
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
  const warnings = new IngestWarnings();

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

  /** The element's box; noted as `problem` when its `bbox` is there but not usable. */
  const boxOf = (
    cls: string,
    title: HocrTitle,
    attribute: (name: string) => string | undefined,
    position: () => string,
    problem: string,
  ): PageBox | undefined => {
    if (title.isBoxBroken()) warnings.note(problem, () => described(cls, attribute, position));
    return title.box();
  };

  return {
    open(cls, title, attribute, position) {
      let kind: Frame = "other";
      // Words first: most elements are words, and no other class test can match theirs.
      if (cls === "ocrx_word") {
        if (open && !word) {
          kind = "word";
          const box =
            boxOf(
              cls,
              title,
              attribute,
              position,
              open.line.box
                ? "a word box that is not a usable coordinate: the word takes its line's box"
                : "a word box that is not a usable coordinate, in a line without a box: the word gets a zero box",
            ) ??
            open.line.box ??
            new PageBox(0, 0, 0, 0);
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
        const box = boxOf(
          cls,
          title,
          attribute,
          position,
          "a page box that is not a usable coordinate: not taken",
        );
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
        const box = boxOf(
          cls,
          title,
          attribute,
          position,
          "a line box that is not a usable coordinate: the line goes without a box (read after the boxed lines)",
        );
        if (box) line.box = box;
        const size = title.number("x_size");
        if (title.has("x_size") && !isCoordinate(size))
          warnings.note("a font size (x_size) that is not a usable size: not taken", () =>
            described(cls, attribute, position),
          );
        else if (size > 0) line.fontSize = smallInt(size);
        const slope = title.number("baseline");
        if (Number.isFinite(slope) && title.has("baseline")) line.slope = slope;
        if (region) line.region = region;
        if (cls !== "ocr_line" && cls !== "ocrx_line") line.regionType = cls;
        if (paragraph) line.paragraph = paragraph;
        open = { line, words: [], loose: "" };
      } else if (imageClasses.has(cls) || separatorClasses.has(cls)) {
        const box = boxOf(
          cls,
          title,
          attribute,
          position,
          "a picture or rule box that is not a usable coordinate: left out",
        );
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
      const found = warnings.list();
      if (found.length) page.warnings = found;
      return page;
    },
  };
}

/**
 * The first class starting with "ocr" in a `class` attribute (classes are separated by
 * whitespace), or "" when there is none.
 */
export function ocrClass(classes: string): string {
  for (let at = classes.indexOf("ocr"); at >= 0; at = classes.indexOf("ocr", at + 3)) {
    if (at > 0 && !isSpace(classes.charCodeAt(at - 1))) continue;
    let end = at + 3;
    while (end < classes.length && !isSpace(classes.charCodeAt(end))) end++;
    return classes.slice(at, end);
  }
  return "";
}

/** An element with a broken title, by its hOCR class, with its title and position, for a warning. */
function described(
  cls: string,
  attribute: (name: string) => string | undefined,
  position: () => string,
): string {
  return describeElement(cls, [["title", attribute("title")]], position());
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}
