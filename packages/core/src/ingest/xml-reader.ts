import type { ByteText } from "../input/byte-text.ts";
import type { XmlAttributes } from "./xml-attributes.ts";
import { XmlScanner } from "./xml-scanner.ts";

export type { XmlAttributes } from "./xml-attributes.ts";

/** Options for `readXml`. */
export interface XmlReadOptions {
  /**
   * Refuse (as malformed) a document an HTML parser would read into another tree, or with other
   * attribute values (see `htmlDifference`); attributes are then read by their full name. For
   * reading XHTML fast where the HTML parser is the reference.
   */
  html?: boolean;
  /** `text` is this document read byte for byte (see `byte-text.ts`). */
  bytes?: ByteText;
}

/** Callbacks for `readXml`; element names arrive without their namespace prefix. */
export interface XmlHandlers {
  open: (name: string, attributes: XmlAttributes) => void;
  close: (name: string) => void;
  text?: (text: string) => void;
}

/**
 * Streams a strict XML document through `handlers`, without namespace processing (names lose
 * their prefix), in one pass of our own scanner (`XmlScanner`). Well-formedness is checked as
 * a strict parser checks it: tags balance and nest, one root element with only whitespace,
 * comments, processing instructions and one doctype (before it) around it, the XML declaration
 * only at the start and well formed, attributes quoted, unique and separated, names well
 * formed, comments without `--`, only the five predefined entities and character references,
 * no `<` in attribute values, no `]]>` in text, no forbidden characters. An internal DTD
 * subset is refused (it could declare entities, which are not expanded). Line ends
 * are normalised (`\r\n` and `\r` to `\n`, and to a space in attribute values, as are tabs).
 * Broken XML is an `InputError("malformed")` whose message names the line and column; `what`
 * names the format in that message ("ALTO", "PAGE XML").
 */
export function readXml(
  text: string,
  what: string,
  handlers: XmlHandlers,
  options: XmlReadOptions = {},
): void {
  new XmlScanner(text, what, handlers, options.html === true, options.bytes ?? null).run();
}
