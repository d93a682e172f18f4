import { Parser } from "htmlparser2";
import { InputError } from "../errors.ts";
import { isCjk } from "../text/script.ts";
import type { Box, SourceWord } from "../types.ts";
import type { GeoLine, Graphic, IngestedPage } from "./ingest.ts";

/**
 * hOCR ingest (Tesseract, OCRopus, kraken, …), parsed with htmlparser2. Line elements are
 * `ocr_line`, `ocr_caption`, `ocr_header`, `ocr_textfloat` (and `ocrx_line`); words
 * `ocrx_word` with `bbox` and `x_wconf` (0–100, stored as 0–1). `x_size` gives the line's
 * font size in pixels, `baseline` its slope. `ocr_photo`/`ocr_image` become image regions and
 * `ocr_separator` ruled lines.
 */

const lineClasses = new Set(["ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat", "ocrx_line"]);
const imageClasses = new Set(["ocr_photo", "ocr_image", "ocr_graphic", "ocr_linedrawing"]);
const separatorClasses = new Set(["ocr_separator", "ocr_hseparator", "ocr_vseparator"]);
const regionClasses = new Set(["ocr_carea", "ocrx_block", "ocr_column"]);

/** Properties of an hOCR `title` attribute ("bbox 1 2 3 4; x_wconf 93"), by name. */
export function parseHocrTitle(title: string): Map<string, string[]> {
  const props = new Map<string, string[]>();
  for (const part of title.split(";")) {
    const tokens = part.trim().split(/\s+/);
    const key = tokens.shift();
    if (key) props.set(key, tokens);
  }
  return props;
}

function bboxOf(props: Map<string, string[]>): Box | undefined {
  const b = props.get("bbox");
  if (!b || b.length < 4) return undefined;
  const [x0, y0, x1, y1] = b.map(Number) as [number, number, number, number];
  if (![x0, y0, x1, y1].every(Number.isFinite)) return undefined;
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

interface Frame {
  kind: "page" | "region" | "par" | "line" | "word" | "other";
}

interface OpenLine {
  line: GeoLine;
  words: SourceWord[];
  loose: string;
}

/**
 * Parses hOCR into lines (document order) with word boxes and confidences, page size, image
 * and separator regions. Throws `InputError("malformed")` when no hOCR line or word is found,
 * and `InputError("unsupported")` for a file with several `ocr_page`s.
 */
export function ingestHocr(text: string): IngestedPage {
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

  const finishLine = (current: OpenLine) => {
    const { line, words } = current;
    if (words.length) {
      line.words = words;
      line.text = joinWords(words.map((w) => w.text));
    } else {
      line.text = current.loose.replace(/\s+/g, " ").trim();
    }
    if (line.text) lines.push(line);
  };

  const parser = new Parser(
    {
      onopentag(_name, attribs) {
        const classes = (attribs.class ?? "").split(/\s+/);
        const cls = classes.find((c) => c.startsWith("ocr")) ?? "";
        const props = cls ? parseHocrTitle(attribs.title ?? "") : null;
        let kind: Frame["kind"] = "other";
        if (cls === "ocr_page") {
          kind = "page";
          pages++;
          const box = props && bboxOf(props);
          if (pages === 1 && box) {
            width = box.x + box.w;
            height = box.y + box.h;
          }
        } else if (regionClasses.has(cls)) {
          kind = "region";
          region = attribs.id ?? region;
        } else if (cls === "ocr_par") {
          kind = "par";
          paragraph = attribs.id;
          if (!language && attribs.lang) language = attribs.lang;
        } else if (lineClasses.has(cls) && !open) {
          kind = "line";
          const line: GeoLine = { id: attribs.id || `hocr-line-${++anonymous}`, text: "" };
          const box = props && bboxOf(props);
          if (box) line.box = box;
          const size = Number(props?.get("x_size")?.[0]);
          if (size > 0) line.fontSize = size;
          const slope = Number(props?.get("baseline")?.[0]);
          if (Number.isFinite(slope) && props?.has("baseline")) line.slope = slope;
          if (region) line.region = region;
          if (cls !== "ocr_line" && cls !== "ocrx_line") line.regionType = cls;
          if (paragraph) line.paragraph = paragraph;
          open = { line, words: [], loose: "" };
        } else if (cls === "ocrx_word" && open && !word) {
          kind = "word";
          const box = (props && bboxOf(props)) ?? open.line.box ?? { x: 0, y: 0, w: 0, h: 0 };
          word = { text: "", box };
          const conf = Number(props?.get("x_wconf")?.[0]);
          if (props?.has("x_wconf") && Number.isFinite(conf))
            word.conf = Math.min(1, Math.max(0, conf / 100));
        } else if (imageClasses.has(cls) || separatorClasses.has(cls)) {
          const box = props && bboxOf(props);
          if (box) {
            const graphic: Graphic = { kind: imageClasses.has(cls) ? "image" : "separator", box };
            if (attribs.id) graphic.id = attribs.id;
            graphics.push(graphic);
          }
        }
        stack.push({ kind });
      },
      ontext(data) {
        if (word) word.text += data;
        else if (open) open.loose += data;
      },
      onclosetag() {
        const frame = stack.pop();
        if (!frame) return;
        if (frame.kind === "word" && word && open) {
          const text = word.text.replace(/\s+/g, " ").trim();
          if (text) open.words.push({ ...word, text });
          word = null;
        } else if (frame.kind === "line" && open) {
          finishLine(open);
          open = null;
        } else if (frame.kind === "par") paragraph = undefined;
        else if (frame.kind === "region") region = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  if (open) finishLine(open);
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
}

/**
 * Joins recognised words into a line's text the way Tesseract's text output does: a space
 * between words unless a CJK character meets the boundary on either side.
 */
export function joinWords(words: readonly string[]): string {
  let out = "";
  for (const w of words) {
    if (!out) out = w;
    else if (isCjk(lastChar(out)) || isCjk(firstChar(w))) out += w;
    else out += ` ${w}`;
  }
  return out;
}

function lastChar(s: string): string | undefined {
  const code = s.codePointAt(s.length - 1);
  if (code === undefined) return undefined;
  return code >= 0xdc00 && code <= 0xdfff
    ? String.fromCodePoint(s.codePointAt(s.length - 2) ?? code)
    : s.slice(-1);
}

function firstChar(s: string): string | undefined {
  const code = s.codePointAt(0);
  return code === undefined ? undefined : String.fromCodePoint(code);
}
