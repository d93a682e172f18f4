import { Parser } from "htmlparser2";
import { isInputError } from "../errors.ts";
import type { ByteText } from "../input/byte-text.ts";
import { AttributeSlots } from "./attribute-slots.ts";
import { createHocrReader, OcrClasses, ocrClass } from "./hocr-reader.ts";
import { HocrTitle } from "./hocr-title.ts";
import type { IngestedPage } from "./ingest.ts";
import type { AttributeList } from "./xml-attributes.ts";
import { XmlScanner } from "./xml-scanner.ts";

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
 * and `InputError("unsupported")` for a file with several `ocr_page`s. `bytes`: `text` is the
 * document read byte for byte (see `byte-text.ts`); a document that is not XHTML then throws.
 */
export function ingestHocr(text: string, bytes: ByteText | null = null): IngestedPage {
  const fast = createHocrReader();
  const classes = new OcrClasses();
  const title = new HocrTitle();
  const slots = new AttributeSlots(["class", "title"]);
  let attributes: AttributeList | null = null;
  const attribute = (name: string) => attributes?.get(name);
  try {
    new XmlScanner(
      text,
      "XHTML",
      {
        open(_name, a) {
          attributes = a;
          // Class and title are read where they stand in the document: one of each per word.
          const at = slots.read(a);
          const c = at[0]!;
          const cls =
            c < 0
              ? ""
              : a.isPlain(c)
                ? classes.at(text, a.valueStart(c), a.valueEnd(c))
                : ocrClass(a.valueOf(c));
          const t = cls ? at[1]! : -1;
          if (t < 0) title.read("");
          else if (a.isPlain(t)) {
            const from = a.valueStart(t);
            const to = a.valueEnd(t);
            if (!title.isRead(from, to)) title.readAt(text, from, to);
          } else title.read(a.valueOf(t));
          fast.open(cls, title, attribute);
        },
        close: () => fast.close(),
        text: (data) => fast.text(data),
        // Tesseract's titles are read as the scanner meets them, each character once.
        value: { name: "title", read: (doc, start) => title.readFrom(doc, start) },
      },
      true,
      bytes,
    ).run();
  } catch (error) {
    // Read byte for byte, any error is for the ordinary path to judge (see `byte-text.ts`).
    if (!isInputError(error) || error.code !== "malformed" || bytes !== null) throw error;
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
  const title = new HocrTitle();
  let attribs: Record<string, string> = {};
  const attribute = (name: string): string | undefined => attribs[name];
  const parser = new Parser(
    {
      onopentag(_name, a) {
        attribs = a;
        const cls = ocrClass(attribute("class") ?? "");
        reader.open(cls, title.read(cls ? (attribute("title") ?? "") : ""), attribute);
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
