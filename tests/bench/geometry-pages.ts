/**
 * Pages for the geometry benchmark: a rendered fixture's lines repeated down a taller page until
 * it holds about `words` words, written back as hOCR and as ALTO, plus the two real pages.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GeoLine, ingest } from "@galley/core";

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The rendered fixtures (hOCR, ALTO, page images). */
export const rendered = join(root, "tests", "fixtures", "rendered");
const realdata = join(root, "tests", "fixtures", "realdata");

/** A page to time: its label and its OCR file's text. */
export interface BenchPage {
  label: string;
  text: string;
}

type Rect = { x: number; y: number; w: number; h: number };

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page's lines repeated `copies` times down the page, as [lines, page height]. */
function tall(lines: GeoLine[], height: number, copies: number): [GeoLine[], number] {
  const out: GeoLine[] = [];
  for (let c = 0; c < copies; c++) {
    const dy = c * height;
    for (const l of lines) {
      out.push({
        ...l,
        id: `${l.id}_${c}`,
        box: { ...l.box!, y: l.box!.y + dy },
        words: (l.words ?? []).map((w) => ({ ...w, box: { ...w.box, y: w.box.y + dy } })),
      });
    }
  }
  return [out, height * copies];
}

/** The lines as hOCR: HTML, or with `xhtml` as Tesseract writes it (XML declaration, doctype, namespace). */
function toHocr(lines: GeoLine[], width: number, height: number, xhtml = false): string {
  const b = (x: Rect) => `bbox ${x.x} ${x.y} ${x.x + x.w} ${x.y + x.h}`;
  const word = (l: GeoLine, w: NonNullable<GeoLine["words"]>[number], i: number) =>
    `<span class='ocrx_word' id='${l.id}w${i}' title='${b(w.box)}; x_wconf ${Math.round((w.conf ?? 0.9) * 100)}'>${esc(w.text)}</span>`;
  const body = lines
    .map(
      (l) =>
        `<span class='ocr_line' id='${l.id}' title='${b(l.box!)}; x_size ${l.fontSize ?? l.box!.h}'>${(
          l.words ?? []
        )
          .map((w, i) => word(l, w, i))
          .join(" ")}</span>`,
    )
    .join("\n");
  const head = xhtml
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">`
    : "<html>";
  return `${head}<body><div class='ocr_page' id='page_1' title='bbox 0 0 ${width} ${height}'>\n${body}\n</div></body></html>`;
}

function toAlto(lines: GeoLine[], width: number, height: number): string {
  const a = (x: Rect) => `HPOS="${x.x}" VPOS="${x.y}" WIDTH="${x.w}" HEIGHT="${x.h}"`;
  const body = lines
    .map(
      (l) =>
        `<TextBlock ID="b_${l.id}"><TextLine ID="${l.id}" ${a(l.box!)}>${(l.words ?? [])
          .map((w) => `<String ${a(w.box)} WC="${w.conf ?? 0.9}" CONTENT="${esc(w.text)}"/>`)
          .join("<SP/>")}</TextLine></TextBlock>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page WIDTH="${width}" HEIGHT="${height}"><PrintSpace>\n${body}\n</PrintSpace></Page></Layout></alto>`;
}

/**
 * The benchmark's pages: en-13's lines repeated to about `words` words as hOCR (HTML), ALTO and
 * hOCR as Tesseract's XHTML, the Liverpool Standard ALTO page and the Reichsanzeiger PAGE XML
 * page. (The XHTML page comes last of the generated ones so the others keep their numbers.)
 */
export function benchPages(words = 5000): BenchPage[] {
  const source = ingest(readFileSync(join(rendered, "en-13.hocr")), "hocr");
  const perPage = source.lines.reduce((n, l) => n + (l.words?.length ?? 0), 0);
  const [lines, height] = tall(source.lines, source.height!, Math.ceil(words / perPage));
  const total = lines.reduce((n, l) => n + (l.words?.length ?? 0), 0);
  const real = (label: string, name: string): BenchPage => {
    const text = readFileSync(join(realdata, name), "utf8");
    const page = ingest(text);
    const count = page.lines.reduce((n, l) => n + l.text.split(/\s+/).filter(Boolean).length, 0);
    return { label: `${label}, ${count} words, ${page.lines.length} lines`, text };
  };
  return [
    { label: `hOCR, ${total} words, ${lines.length} lines`, text: toHocr(lines, source.width!, height) },
    { label: `ALTO, ${total} words, ${lines.length} lines`, text: toAlto(lines, source.width!, height) },
    real("ALTO 1.4 Liverpool Standard", "bl_liverpool-standard_1832-11-23_p0001_alto.xml"),
    real("PAGE 2013 Reichsanzeiger", "reichsanzeiger_1918_268_0134_page.xml"),
    {
      label: `hOCR as Tesseract's XHTML, ${total} words, ${lines.length} lines`,
      text: toHocr(lines, source.width!, height, true),
    },
  ];
}
