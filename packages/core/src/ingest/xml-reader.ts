import { SaxesParser } from "saxes";
import { InputError, isInputError } from "../errors.ts";
import { doctypeProblem } from "./xml-doctype.ts";
import { xmlLimits } from "./xml-limits.ts";

/**
 * The attributes of the element being opened, by the name they are written with (`HPOS`,
 * `xlink:href`): OCR formats put none of their own attributes in a namespace. Values come as
 * XML defines them: entities replaced, white space in them normalised. Valid only during the
 * `open` call that receives it.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
  /** `Number(get(name))`, NaN when absent. */
  number(name: string): number;
  /** Where the element's start tag ends, as "line:col L:C" (both from 1), for messages. */
  position(): string;
}

/** Callbacks for `readXml`; element names arrive without their namespace prefix. */
export interface XmlHandlers {
  open: (name: string, attributes: XmlAttributes) => void;
  close: (name: string) => void;
  /** Character data inside the root element, CDATA sections included, line ends normalised to `\n`. */
  text?: (text: string) => void;
}

/**
 * Streams a strict XML document through `handlers` with saxes, a well-formedness-checking
 * parser (XML 1.0 fifth edition; namespace prefixes are not resolved: element names lose
 * theirs). Refused as `InputError("malformed")`, with one line naming the problem, the format
 * (`what`: "ALTO", "PAGE XML", …) and the line and column: anything not well-formed, a document
 * type declaration with an internal subset (entities are never expanded, nor external ones
 * fetched), and anything past `xmlLimits` (depth, attributes per element, attribute and text
 * length). An error a handler throws stops the reading and is thrown as it is.
 */
export function readXml(text: string, what: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  const where = () => `line:col ${parser.line}:${parser.column}`;
  const fail = (reason: string): never => {
    throw new InputError("malformed", `broken ${what}: ${reason} (${where()})`);
  };
  let record: Record<string, string> = {};
  const attributes: XmlAttributes = {
    get: (name) => record[name],
    number: (name) => {
      const value = record[name];
      return value === undefined ? Number.NaN : Number(value);
    },
    position: where,
  };
  let depth = 0;
  let count = 0;
  const { text: onText } = handlers;
  // Few handlers: `on` adds each to the parser as a property stored by computed name, and with
  // saxes 6 on Node 20 the eighth turns the parser into a dictionary that V8 reads about five
  // times slower (`%HasFastProperties`). Six are set; saxes's errors are caught below instead
  // of by an error handler, and attributes are counted from one `opentag` to the next.

  parser.on("doctype", (doctype) => {
    const problem = doctypeProblem(doctype);
    if (problem) fail(problem);
  });
  parser.on("attribute", ({ value }) => {
    if (++count > xmlLimits.attributes) fail(`more than ${xmlLimits.attributes} attributes on one element`);
    if (value.length > xmlLimits.attributeLength)
      fail(`an attribute value longer than ${xmlLimits.attributeLength} characters`);
  });
  parser.on("opentag", (tag) => {
    // The next attributes are the next element's.
    count = 0;
    if (++depth > xmlLimits.depth) fail(`elements nested more than ${xmlLimits.depth} deep`);
    record = tag.attributes;
    handlers.open(localName(tag.name), attributes);
  });
  // saxes reports an end tag that closes another element after it has closed that one.
  let closed = "";
  parser.on("closetag", (tag) => {
    depth--;
    closed = tag.name;
    handlers.close(localName(tag.name));
  });
  const takeText = (data: string) => {
    if (data.length > xmlLimits.textLength) fail(`a text longer than ${xmlLimits.textLength} characters`);
    // saxes reports the white space around the root element too: no element's content.
    if (depth > 0) onText?.(data);
  };
  parser.on("text", takeText);
  parser.on("cdata", takeText);
  try {
    parser.write(text).close();
  } catch (error) {
    // saxes throws its own errors with the position first ("3:9: unexpected close tag."); a
    // handler's errors pass as they are.
    const saxes =
      error instanceof Error && !isInputError(error) && /^(\d+):(\d+): (.*?)\.?$/.exec(error.message);
    if (!saxes) throw error;
    const reason = saxes[3] === "unexpected close tag" ? `an end tag while <${closed}> is open` : saxes[3];
    throw new InputError("malformed", `broken ${what}: ${reason} (line:col ${saxes[1]}:${saxes[2]})`);
  }
}

/** `name` without its namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
