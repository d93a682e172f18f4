import { Parser } from "htmlparser2";
import { createHocrReader, ocrClass } from "./hocr-reader.ts";
import { HocrTitle } from "./hocr-title.ts";
import type { IngestedPage } from "./ingest.ts";
import { readXml } from "./xml-reader.ts";

/**
 * hOCR ingest (Tesseract, OCRopus, kraken, …): see `createHocrReader` for what is read. hOCR is
 * HTML or XHTML. A document that opens with an XML declaration, as Tesseract's XHTML does, is
 * XML by its own word: it is read as XML, strictly (`readXml`), and a broken one is refused with
 * its line and column rather than read as far as an HTML parser would guess it. Any other is
 * HTML, read by htmlparser2's HTML parser.
 */

/**
 * Parses hOCR into lines (document order) with word boxes and confidences, page size, image
 * and separator regions. Throws `InputError("malformed")` for broken XHTML and when no hOCR
 * line or word is found, and `InputError("unsupported")` for a file with several `ocr_page`s.
 */
export function ingestHocr(text: string): IngestedPage {
  return isXhtml(text) ? ingestHocrAsXml(text) : ingestHocrAsHtml(text);
}

/** Whether the hOCR document `text` declares itself XML: it opens with an XML declaration. */
export function isXhtml(text: string): boolean {
  return /^<\?xml\s/.test(text.slice(0, 6));
}

/** `ingestHocr` of an XHTML document, read as strict XML. */
function ingestHocrAsXml(text: string): IngestedPage {
  const reader = createHocrReader();
  const title = new HocrTitle();
  readXml(text, "hOCR", {
    open(_name, a) {
      const cls = ocrClass(a.get("class") ?? "");
      reader.open(cls, title.read(cls ? (a.get("title") ?? "") : ""), a.get, a.position);
    },
    close: () => reader.close(),
    text: (data) => reader.text(data),
  });
  return reader.finish();
}

/** `ingestHocr` of an HTML document, read by htmlparser2's HTML parser. */
function ingestHocrAsHtml(text: string): IngestedPage {
  const reader = createHocrReader();
  const title = new HocrTitle();
  let attribs: Record<string, string> = {};
  const attribute = (name: string): string | undefined => attribs[name];
  // Where the start tag ends, as `readXml` tells it.
  const position = () => `line:col ${lineAndColumn(text, parser.endIndex)}`;
  const parser = new Parser(
    {
      onopentag(_name, a) {
        attribs = a;
        const cls = ocrClass(attribute("class") ?? "");
        reader.open(cls, title.read(cls ? (attribute("title") ?? "") : ""), attribute, position);
      },
      ontext: (data) => reader.text(data),
      onclosetag: () => reader.close(),
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  return reader.finish();
}

/** "line:column" (both from 1) of the offset `at` in `text`. */
function lineAndColumn(text: string, at: number): string {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return `${line}:${at - text.lastIndexOf("\n", at - 1)}`;
}
