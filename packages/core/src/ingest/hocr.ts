import { Parser } from "htmlparser2";
import { isInputError } from "../errors.ts";
import { createHocrReader } from "./hocr-reader.ts";
import type { IngestedPage } from "./ingest.ts";
import { readXml, type XmlAttributes } from "./xml-reader.ts";

/**
 * hOCR ingest (Tesseract, OCRopus, kraken, …): see `createHocrReader` for what is read. hOCR is
 * HTML, and htmlparser2's HTML parser is the reference reading. Tesseract writes XHTML, though:
 * a document that is well-formed XML and that an HTML parser would read into the same elements
 * and attribute values (`readXml` with `html`) is read as XML, which is about twice as fast;
 * any other goes to the HTML parser.
 */

/**
 * Parses hOCR into lines (document order) with word boxes and confidences, page size, image
 * and separator regions. Throws `InputError("malformed")` when no hOCR line or word is found,
 * and `InputError("unsupported")` for a file with several `ocr_page`s.
 */
export function ingestHocr(text: string): IngestedPage {
  const fast = createHocrReader();
  let attributes: XmlAttributes | null = null;
  const attribute = (name: string) => attributes?.get(name);
  try {
    readXml(
      text,
      "XHTML",
      {
        open(_name, a) {
          attributes = a;
          fast.open(attribute);
        },
        close: () => fast.close(),
        text: (data) => fast.text(data),
      },
      { html: true },
    );
  } catch (error) {
    if (!isInputError(error) || error.code !== "malformed") throw error;
    return ingestHocrAsHtml(text);
  }
  return fast.finish();
}

/**
 * `ingestHocr` with htmlparser2's HTML parser whatever the document: the reference reading,
 * which the XML reading of XHTML must equal.
 */
export function ingestHocrAsHtml(text: string): IngestedPage {
  const reader = createHocrReader();
  let attribs: Record<string, string> = {};
  const attribute = (name: string): string | undefined => attribs[name];
  const parser = new Parser(
    {
      onopentag(_name, a) {
        attribs = a;
        reader.open(attribute);
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
