import { QuoteType, Tokenizer } from "htmlparser2";
import { InputError } from "../errors.ts";
import { htmlDifference } from "./html-compat.ts";
import { AttributeList, ValueMarks, type XmlAttributes } from "./xml-attributes.ts";
import { decodeXmlText, isXmlName, isXmlNameAt } from "./xml-text.ts";

export type { XmlAttributes } from "./xml-attributes.ts";

/** Options for `readXml`. */
export interface XmlReadOptions {
  /**
   * Refuse (as malformed) a document an HTML parser would read into another tree, or with other
   * attribute values (see `htmlDifference`); attributes are then read by their full name. For
   * reading XHTML fast where the HTML parser is the reference.
   */
  html?: boolean;
}

/** Callbacks for `readXml`; element names arrive without their namespace prefix. */
export interface XmlHandlers {
  open: (name: string, attributes: XmlAttributes) => void;
  close: (name: string) => void;
  text?: (text: string) => void;
}

/** Characters XML 1.0 does not allow anywhere in a document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding these control characters is the point.
const forbiddenChars = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/**
 * Streams a strict XML document through `handlers`, without namespace processing (names lose
 * their prefix). Tokens come from htmlparser2's tokenizer in XML mode; well-formedness is
 * checked here, as a strict parser would: tags balance and nest, one root element with only
 * whitespace, comments, processing instructions and a doctype around it, attributes quoted,
 * unique and separated, names well formed, only the five predefined entities and character
 * references, no `<` in attribute values, no `]]>` in text, no forbidden characters. Line ends
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
  const html = options.html === true;
  const fail = (reason: string, at: number): never => {
    throw new InputError("malformed", `broken ${what}: ${reason} (line:col ${position(text, at)})`);
  };
  const bad = forbiddenChars.exec(text);
  if (bad)
    fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed`, bad.index);
  const checkName = (start: number, end: number): string => {
    const name = text.slice(start, end);
    if (!isXmlName(name)) fail(`"${name}" is not an XML name`, start);
    return name;
  };
  // Attribute names are checked where they stand: most are never needed as strings.
  const checkAttributeName = (start: number, end: number): void => {
    if (!isXmlNameAt(text, start, end)) checkName(start, end);
  };
  const attributes = new AttributeList(text, html);
  const marks = new ValueMarks(text);
  const stack: string[] = [];
  // html: the open elements' names in lower case, innermost last.
  const lowerStack: string[] = [];
  let rootDone = false;
  let tag = "";
  let valueStart = -1;
  let valueEnd = -1;
  const onText = handlers.text;

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        if (rootDone) fail("a second root element", start - 1);
        tag = checkName(start, end);
        attributes.clear();
        if (html) {
          const lower = tag.toLowerCase();
          const differs = htmlDifference(lowerStack[lowerStack.length - 1], lower);
          if (differs) fail(differs, start - 1);
          lowerStack.push(lower);
        }
      },
      onattribname(start, end) {
        if (!isXmlSpace(text.charCodeAt(start - 1))) fail("no whitespace before an attribute", start);
        checkAttributeName(start, end);
        if (html) {
          for (let i = start; i < end; i++) {
            const c = text.charCodeAt(i);
            if (c >= 0x41 && c <= 0x5a) fail("an attribute name with capitals", start);
          }
        }
        if (attributes.has(start, end)) fail(`attribute ${text.slice(start, end)} is given twice`, start);
        attributes.name(start, end);
        valueStart = -1;
      },
      onattribdata(start, end) {
        // One run per value, unless the input ends inside it.
        if (valueStart < 0) valueStart = start;
        valueEnd = end;
      },
      onattribentity() {},
      onattribend(quote, end) {
        if (quote === QuoteType.NoValue || quote === QuoteType.Unquoted)
          fail(`attribute ${attributes.lastName()} has no quoted value`, end);
        if (valueStart < 0) valueStart = valueEnd = end - 1;
        attributes.value(valueStart, valueEnd, marks.plainValue(valueStart, valueEnd, html, fail));
      },
      onopentagend() {
        stack.push(tag);
        handlers.open(localName(tag), attributes);
      },
      onselfclosingtag(end) {
        if (text.charCodeAt(end - 1) !== 0x2f) fail("a space inside />", end);
        handlers.open(localName(tag), attributes);
        handlers.close(localName(tag));
        if (html) lowerStack.pop();
        if (stack.length === 0) rootDone = true;
      },
      onclosetag(start, end) {
        if (text.charCodeAt(start - 1) !== 0x2f) fail("a space after </", start);
        const name = text.slice(start, end);
        const open = stack.pop();
        if (open === undefined) fail(`</${name}> closes no element`, start - 2);
        if (open !== name) fail(`</${name}> closes <${open}>`, start - 2);
        const gt = text.indexOf(">", end);
        if (gt < 0) fail(`an unfinished </${name}>`, start - 2);
        for (let i = end; i < gt; i++) if (!isXmlSpace(text.charCodeAt(i))) fail(`junk in </${name}>`, i);
        handlers.close(localName(name));
        if (html) lowerStack.pop();
        if (stack.length === 0) rootDone = true;
      },
      ontext(start, end) {
        if (stack.length === 0) {
          for (let i = start; i < end; i++)
            if (!isXmlSpace(text.charCodeAt(i))) fail("text outside the root element", i);
          return;
        }
        const t = decodeXmlText(text, start, end, "text", fail, html);
        if (onText) onText(t);
      },
      ontextentity() {},
      oncdata(start, end, endOffset) {
        if (endOffset === 0) fail("an unclosed CDATA section", start);
        if (html) fail("a CDATA section, a comment to HTML", start);
        if (stack.length === 0) fail("CDATA outside the root element", start);
        if (onText) onText(text.slice(start, end - endOffset).replace(/\r\n?/g, "\n"));
      },
      oncomment(start, end, endOffset) {
        if (endOffset !== 2) fail(endOffset === 0 ? "an unclosed comment" : "a comment ending --!>", start);
        const inner = text.slice(start, end - endOffset);
        if (inner.includes("--") || inner.endsWith("-")) fail('"--" inside a comment', start);
      },
      ondeclaration(start) {
        // Only a document type declaration, and only before the root element.
        if (!text.startsWith("DOCTYPE", start) || tag !== "")
          fail("a markup declaration out of place", start - 2);
      },
      onprocessinginstruction(start, end) {
        let stop = start;
        while (stop < end && !isXmlSpace(text.charCodeAt(stop))) stop++;
        const target = checkName(start, stop);
        if (target.toLowerCase() === "xml" && start !== 2) fail("an XML declaration not at the start", start);
      },
      onend() {},
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  if (stack.length > 0) fail(`<${stack[stack.length - 1]}> is not closed`, text.length);
  if (!rootDone) fail("no root element", text.length);
}

/** "line:column" (both from 1) of the offset `at` in `text`. */
function position(text: string, at: number): string {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return `${line}:${at - text.lastIndexOf("\n", at - 1)}`;
}

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
