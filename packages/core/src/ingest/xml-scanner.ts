import { InputError } from "../errors.ts";
import { type ByteText, utf8SequenceEnd } from "../input/byte-text.ts";
import { htmlDifference } from "./html-compat.ts";
import { AttributeList } from "./xml-attributes.ts";
import {
  byteClass,
  charClass,
  colon,
  forbidden,
  forbiddenReason,
  high,
  isAt,
  isXmlSpace,
  nameChar,
  nameEnd,
  nameStart,
  nameSurrogate,
  space,
  textStop,
  upper,
  valueStop,
} from "./xml-chars.ts";
import { type AttributeLayout, isNextName, settleLayout, switchLayout } from "./xml-layout.ts";
import { checkDoctype, checkXmlDeclaration, type Fail } from "./xml-prolog.ts";

import { decodeXmlText, normaliseLineEnds } from "./xml-text.ts";

/** At most this many attributes on one element; more is refused as malformed. */
export const maxAttributesPerElement = 256;

/**
 * The single pass behind `readXml`: a hand-written scanner over the document string that
 * checks well-formedness as it goes and reports elements as they open and close. Names, values
 * and text are read a character at a time through the `charClass` table, which also flags the
 * characters XML forbids: OCR values and words are a few characters long, and a native search
 * per value (`indexOf`) costs more in calls than such a loop. Only comments, processing
 * instructions and CDATA sections, rare and possibly long, are searched natively. Element
 * names are interned: a page of thousands of `<String>`s slices one name, and end tags are
 * matched in place against the open element.
 */

/** An element name as it appears in the document, interned per document. */
interface ElementName {
  name: string;
  /** Without its namespace prefix: what handlers receive. */
  local: string;
  /** Lower-cased, for the HTML compatibility rules. */
  lower: string;
  /** The parent (null: the top) under which `htmlDifference` last found no difference. */
  htmlParent: ElementName | null | undefined;
  /** The next name in the same hash slot. */
  next: ElementName | undefined;
  /** The attribute layouts its tags had, the latest first (see `xml-layout.ts`). */
  layouts: AttributeLayout[];
}

/**
 * Callbacks for `XmlScanner`: `XmlHandlers`, with the attributes as the `AttributeList` they
 * are, for readers that read values where they stand.
 */
export interface ScanHandlers {
  open: (name: string, attributes: AttributeList) => void;
  close: (name: string) => void;
  text?: (text: string) => void;
  /**
   * A reader for the values of attributes with this (qualified) name, called where such a value
   * starts in a tag whose names follow a kept layout: `read(text, start)` reads what it can and
   * returns where it stopped. It may step only over characters that stand for themselves in a
   * value (no quote, `<`, `&`, white space other than the space, nor anything forbidden); the
   * scanner checks the value from there on. For a reader that would read the value anyway:
   * each character is then read once.
   */
  value?: { name: string; read: (text: string, start: number) => number };
}

/** Hash slots for element names (a power of two). */
const slots = 256;

/** Scans one document; `run` reads it through to the end or throws at the first error. */
export class XmlScanner {
  private i = 0;
  private readonly n: number;
  private readonly stack: ElementName[] = [];
  private readonly names: Array<ElementName | undefined> = new Array(slots).fill(undefined);
  private readonly attributes: AttributeList;
  /** Whether the root element has opened (declarations must come before it). */
  private rootSeen = false;
  /** Whether the root element has closed (only comments, PIs and white space may follow). */
  private rootDone = false;
  private doctypeSeen = false;
  /** Short text runs that needed decoding, each followed by what it decodes to. */
  private readonly runs: string[] = [];
  /** The layout `valueAt` was found for, and where `handlers.value.name` stands in it (-1: not). */
  private valueLayout: AttributeLayout | null = null;
  private valueAt = -1;
  /** The character classes: `charClass`, or `byteClass` for a document read byte for byte. */
  private readonly cls: Uint16Array;

  /**
   * `bytes`: `text` is that document read byte for byte (see `byte-text.ts`); strings handed out
   * are decoded from UTF-8, and every sequence is validated where it is met. Any error then
   * means only that the ordinary path must read the document: its message is not the one to show.
   */
  constructor(
    private readonly text: string,
    private readonly what: string,
    private readonly handlers: ScanHandlers,
    private readonly html: boolean,
    private readonly bytes: ByteText | null = null,
  ) {
    this.n = text.length;
    this.attributes = new AttributeList(text, html, bytes);
    this.cls = bytes === null ? charClass : byteClass;
  }

  /** Reads the whole document, calling the handlers; throws `InputError("malformed")` when broken. */
  run(): void {
    const { text, n } = this;
    if (text.startsWith("<?xml", 0) && isXmlSpace(text.charCodeAt(5)))
      this.i = checkXmlDeclaration(text, this.fail);
    while (this.i < n) {
      if (this.stack.length > 0) this.content();
      else this.outside();
      if (this.i >= n) break;
      const c = text.charCodeAt(this.i + 1);
      if (c === 0x2f) this.endTag();
      else if (c === 0x21) this.declaration();
      else if (c === 0x3f) this.instruction();
      else this.startTag();
    }
    const open = this.stack[this.stack.length - 1];
    if (open) this.fail(`<${open.name}> is not closed`, n);
    if (!this.rootDone) this.fail("no root element", n);
  }

  /** Throws the malformed-input error for `reason` at offset `at`. */
  readonly fail: Fail = (reason: string, at: number): never => {
    throw new InputError("malformed", `broken ${this.what}: ${reason} (line:col ${position(this.text, at)})`);
  };

  /** White space outside the root element, up to the next `<`. */
  private outside(): void {
    const { text, n } = this;
    let i = this.i;
    while (i < n && isXmlSpace(text.charCodeAt(i))) i++;
    if (i < n && text.charCodeAt(i) !== 0x3c) this.failAt("text outside the root element", i);
    this.i = i;
  }

  /** Character data inside an element, up to the next `<`, delivered to `handlers.text`. */
  private content(): void {
    const { text, n, cls } = this;
    const start = this.i;
    let i = start;
    let decode = false;
    let wide = false;
    for (;;) {
      while ((cls[text.charCodeAt(i) | 0]! & textStop) === 0) i++;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 0x3c) break;
      if (c === 0x3e) {
        if (i - 2 >= start && text.charCodeAt(i - 1) === 0x5d && text.charCodeAt(i - 2) === 0x5d)
          this.fail('"]]>" in text', i - 2);
      } else if (c === 0x26 || c === 0x0d) decode = true;
      else if ((cls[c]! & high) !== 0) {
        i = this.sequenceEnd(i) - 1;
        wide = true;
      } else this.fail(forbiddenReason(c), i);
      i++;
    }
    this.i = i;
    if (i === start) return;
    const onText = this.handlers.text;
    if (decode || wide) {
      const decoded = this.decodeRun(start, i);
      if (onText) onText(decoded);
    } else if (onText) onText(text.slice(start, i));
  }

  /** The end of the UTF-8 sequence at `i` of a document read byte for byte (see `byte-text.ts`). */
  private sequenceEnd(i: number): number {
    const end = utf8SequenceEnd(this.text, i);
    if (end < 0) this.fail("not UTF-8", i);
    return end;
  }

  /** `text[start..end)` as a string: decoded from UTF-8 when the document is read byte for byte. */
  private str(start: number, end: number): string {
    return this.bytes === null ? this.text.slice(start, end) : this.bytes.utf8(start, end);
  }

  /**
   * `decodeXmlText` of the text run `text[start..end)`. Short runs repeat (the CRLF and indent
   * between the elements of a pretty-printed Windows file): those are decoded once each.
   */
  private decodeRun(start: number, end: number): string {
    const { text, runs } = this;
    const length = end - start;
    if (length > 64) return this.decodeText(start, end);
    for (let k = 0; k < runs.length; k += 2) {
      const raw = runs[k]!;
      if (raw.length === length && text.startsWith(raw, start)) return runs[k + 1]!;
    }
    const decoded = this.decodeText(start, end);
    // A handful is enough for the indent levels of a page.
    if (runs.length < 32) runs.push(text.slice(start, end), decoded);
    return decoded;
  }

  /** `decodeXmlText` of the text run `text[start..end)`, UTF-8 decoded first when read byte for byte. */
  private decodeText(start: number, end: number): string {
    if (this.bytes === null) return decodeXmlText(this.text, start, end, "text", this.fail, this.html);
    const run = this.bytes.utf8(start, end);
    return decodeXmlText(run, 0, run.length, "text", this.fail, this.html);
  }

  private startTag(): void {
    const { text, n, cls } = this;
    const lt = this.i;
    const start = lt + 1;
    let j = start;
    let k = cls[text.charCodeAt(j) | 0]!;
    if ((k & nameStart) !== 0) {
      for (j++, k = cls[text.charCodeAt(j) | 0]!; (k & nameChar) !== 0; k = cls[text.charCodeAt(j) | 0]!) j++;
    }
    // Characters beyond the BMP: the slow way, for the whole name.
    if ((k & nameSurrogate) !== 0) j = nameEnd(text, start);
    const after = text.charCodeAt(j);
    if (j === start && (j >= n || isXmlSpace(after) || after === 0x3e))
      this.failAt(this.stack.length > 0 ? "a stray <" : "text outside the root element", lt);
    if (this.rootDone) this.fail("a second root element", lt);
    if (j >= n) this.unfinished();
    if (j === start || !isTagEnd(after)) this.badName(start, isTagEnd);
    this.rootSeen = true;
    const element = this.intern(start, j);
    if (this.html) this.checkHtml(element, lt);
    this.attributes.clear();
    this.attributeList(j, element);
  }

  /**
   * The attributes from `j` to the tag's end, then the element's open (and close, for `/>`).
   * While the tag's names follow a layout the element had before, each is only compared there.
   */
  private attributeList(from: number, element: ElementName): void {
    const { text, n, attributes, cls } = this;
    let layout = element.layouts[0] ?? null;
    let j = from;
    for (;;) {
      const spaced = j;
      while ((cls[text.charCodeAt(j) | 0]! & space) !== 0) j++;
      if (j >= n) this.unfinished();
      const c = text.charCodeAt(j);
      if (c === 0x3e) {
        this.i = j + 1;
        this.settle(element, layout);
        this.stack.push(element);
        this.handlers.open(element.local, attributes);
        return;
      }
      if (c === 0x2f) {
        if (text.charCodeAt(j + 1) !== 0x3e) this.badSlash(j);
        this.i = j + 2;
        this.settle(element, layout);
        this.handlers.open(element.local, attributes);
        this.handlers.close(element.local);
        if (this.stack.length === 0) this.rootDone = true;
        return;
      }
      if (j === spaced) this.failAt("no whitespace before an attribute", j);
      const count = attributes.size;
      if (layout !== null && !isNextName(layout, count, text, j))
        layout = switchLayout(element.layouts, layout, count, text, j);
      if (layout === null) j = this.attribute(j);
      else {
        const end = j + layout.names[count]!.length;
        attributes.name(j, j + layout.locals[count]!, end);
        j = this.attributeValue(end, count === this.valueSlot(layout));
      }
    }
  }

  /** Where in `layout` the attribute `handlers.value` reads stands, or -1. */
  private valueSlot(layout: AttributeLayout): number {
    if (layout !== this.valueLayout) {
      const value = this.handlers.value;
      this.valueLayout = layout;
      this.valueAt = value === undefined ? -1 : layout.names.indexOf(value.name);
    }
    return this.valueAt;
  }

  /** Gives the tag just read its layout, recording a new one when it has no kept one. */
  private settle(element: ElementName, layout: AttributeLayout | null): void {
    const { attributes } = this;
    attributes.layout =
      layout !== null && layout.names.length === attributes.size && element.layouts[0] === layout
        ? layout
        : settleLayout(element.layouts, layout, attributes.size, (i) => attributes.nameAt(i));
  }

  /** One attribute `name="value"` starting at `start`; returns the offset past its value. */
  private attribute(start: number): number {
    const { text, n, attributes, cls } = this;
    let j = start;
    let seen = 0;
    let bits = cls[text.charCodeAt(j) | 0]!;
    if ((bits & nameStart) !== 0) {
      seen = bits;
      for (
        j++, bits = cls[text.charCodeAt(j) | 0]!;
        (bits & nameChar) !== 0;
        bits = cls[text.charCodeAt(j) | 0]!
      ) {
        seen |= bits;
        j++;
      }
    }
    if ((bits & nameSurrogate) !== 0) {
      j = nameEnd(text, start);
      for (let i = start; i < j; i++) seen |= cls[text.charCodeAt(i)]!;
    }
    if (j >= n) this.unfinished();
    if (j === start || !isAttributeNameEnd(text.charCodeAt(j))) this.badName(start, isAttributeNameEnd);
    if (this.html && (seen & upper) !== 0) this.fail("an attribute name with capitals", start);
    // The cap keeps the duplicate check (a scan of the tag's earlier names) bounded: OCR elements
    // carry a dozen attributes; 400,000 on one element took minutes and stalled the server.
    if (attributes.size >= maxAttributesPerElement)
      this.fail(`more than ${maxAttributesPerElement} attributes on one element`, start);
    if (attributes.has(start, j)) this.fail(`attribute ${text.slice(start, j)} is given twice`, start);
    attributes.name(start, (seen & colon) !== 0 ? text.indexOf(":", start) + 1 : start, j);
    return this.attributeValue(j);
  }

  /**
   * The `="value"` of the attribute just named, from `from` just past its name; returns the
   * offset past it. `read`: `handlers.value` reads it first.
   */
  private attributeValue(from: number, read = false): number {
    const { text, attributes, cls } = this;
    let j = from;
    while ((cls[text.charCodeAt(j) | 0]! & space) !== 0) j++;
    if (text.charCodeAt(j) !== 0x3d) this.noValue(j);
    j++;
    while ((cls[text.charCodeAt(j) | 0]! & space) !== 0) j++;
    const quote = text.charCodeAt(j);
    if (quote !== 0x22 && quote !== 0x27) this.noValue(j);
    const valueStart = j + 1;
    let k = read ? this.handlers.value!.read(text, valueStart) : valueStart;
    while ((cls[text.charCodeAt(k) | 0]! & valueStop) === 0) k++;
    if (text.charCodeAt(k) === quote) attributes.value(valueStart, k, true);
    else k = this.valueTail(valueStart, k, quote);
    return k + 1;
  }

  /**
   * The rest of the value from `valueStart`, from its first stop at `from` (which is not the
   * closing quote), given to `attributes`; returns the offset of the closing quote. Apart from
   * `attributeValue`, which then stays small enough to be inlined where it is called.
   */
  private valueTail(valueStart: number, from: number, quote: number): number {
    const { text, n, attributes, cls } = this;
    let plain = true;
    let k = from;
    for (;;) {
      while ((cls[text.charCodeAt(k) | 0]! & valueStop) === 0) k++;
      if (k >= n) this.unfinished();
      const c = text.charCodeAt(k);
      if (c === quote) break;
      if (c === 0x3c) this.fail("< in an attribute value", k);
      else if (c === 0x26) plain = false;
      else if (c === 0x09 || c === 0x0a || c === 0x0d) {
        // HTML keeps line ends and tabs that XML turns into spaces.
        if (this.html) this.fail("a line end or tab in an attribute value", k);
        plain = false;
      } else if ((cls[c]! & high) !== 0) {
        k = this.sequenceEnd(k) - 1;
        plain = false;
      } else if (c !== 0x22 && c !== 0x27) this.fail(forbiddenReason(c), k);
      k++;
    }
    // Checked now, decoded when asked for.
    if (!plain) decodeXmlText(text, valueStart, k, "attribute", this.fail, this.html);
    attributes.value(valueStart, k, plain);
    return k;
  }

  private endTag(): void {
    const { text, n, stack } = this;
    const lt = this.i;
    let j = lt + 2;
    if (isXmlSpace(text.charCodeAt(j))) {
      while (isXmlSpace(text.charCodeAt(j))) j++;
      if (j >= n) this.unfinished();
      this.fail("a space after </", j);
    }
    const open = stack[stack.length - 1];
    let end = j;
    if (open && isAt(text, j, open.name) && isTagEnd(text.charCodeAt(j + open.name.length))) {
      end = j + open.name.length;
    } else {
      while (end < n && !isTagEnd(text.charCodeAt(end))) end++;
      if (end >= n) this.unfinished();
      const name = text.slice(j, end);
      if (!open) this.fail(`</${name}> closes no element`, lt);
      this.fail(`</${name}> closes <${open.name}>`, lt);
    }
    let gt = end;
    while (gt < n && isXmlSpace(text.charCodeAt(gt))) gt++;
    if (gt >= n) this.fail(`an unfinished </${open.name}>`, lt);
    if (text.charCodeAt(gt) !== 0x3e) this.failAt(`junk in </${open.name}>`, gt);
    this.i = gt + 1;
    stack.pop();
    this.handlers.close(open.local);
    if (stack.length === 0) this.rootDone = true;
  }

  /** `<!`: a comment, a CDATA section or the document type declaration. */
  private declaration(): void {
    const { text } = this;
    const lt = this.i;
    if (text.startsWith("<!--", lt)) this.comment(lt);
    else if (text.startsWith("<![CDATA[", lt)) this.cdata(lt);
    else if (text.startsWith("<!DOCTYPE", lt) && !this.rootSeen && !this.doctypeSeen) {
      this.doctypeSeen = true;
      this.i = checkDoctype(text, lt, this.fail);
      this.asciiOnly(lt, this.i);
    } else this.fail("a markup declaration out of place", lt);
  }

  private comment(lt: number): void {
    const { text } = this;
    const start = lt + 4;
    const end = text.indexOf("--", start);
    if (end < 0) this.fail("an unclosed comment", start);
    if (text.charCodeAt(end + 2) !== 0x3e)
      this.fail(text.startsWith("--!>", end) ? "a comment ending --!>" : '"--" inside a comment', start);
    // An HTML parser ends `<!-->` and `<!--->` at once.
    if (this.html && (text.charCodeAt(start) === 0x3e || text.startsWith("->", start)))
      this.fail("a comment an HTML parser ends early", lt);
    this.checkChars(start, end);
    this.i = end + 3;
  }

  private cdata(lt: number): void {
    const { text } = this;
    const start = lt + 9;
    const end = text.indexOf("]]>", start);
    if (end < 0) this.fail("an unclosed CDATA section", start);
    if (this.html) this.fail("a CDATA section, a comment to HTML", start);
    if (this.stack.length === 0) this.fail("CDATA outside the root element", start);
    this.checkChars(start, end);
    this.i = end + 3;
    if (this.handlers.text && end > start) this.handlers.text(normaliseLineEnds(this.str(start, end)));
  }

  /** `<?`: a processing instruction (the XML declaration, at the start, is read by `run`). */
  private instruction(): void {
    const { text } = this;
    const start = this.i + 2;
    const j = nameEnd(text, start);
    const after = text.charCodeAt(j);
    const closes = after === 0x3f && text.charCodeAt(j + 1) === 0x3e;
    if (j === start || !(closes || isXmlSpace(after))) this.badName(start, isPiTargetEnd);
    if (j - start === 3 && text.slice(start, j).toLowerCase() === "xml")
      this.fail("an XML declaration not at the start", start);
    const end = text.indexOf("?>", j);
    if (end < 0) this.fail("an unclosed processing instruction", this.i);
    this.asciiOnly(start, end);
    this.checkChars(j, end);
    this.i = end + 2;
  }

  /**
   * Read byte for byte, refuses (for the ordinary path to read) any non-ASCII byte in
   * `text[from..to)`: the doctype's and instructions' names are checked with `charClass`, which
   * would read a UTF-8 sequence's bytes as Latin-1 name characters.
   */
  private asciiOnly(from: number, to: number): void {
    if (this.bytes === null) return;
    for (let i = from; i < to; i++) if (this.text.charCodeAt(i) >= 0x80) this.fail("not ASCII", i);
  }

  /** Refuses forbidden characters (and, read byte for byte, broken UTF-8) in `text[from..to)`. */
  private checkChars(from: number, to: number): void {
    const { text, cls } = this;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const k = cls[c]!;
      if ((k & high) !== 0) i = this.sequenceEnd(i) - 1;
      else if ((k & forbidden) !== 0) this.fail(forbiddenReason(c), i);
    }
  }

  /** The element name `text[start..end)`, interned. */
  private intern(start: number, end: number): ElementName {
    const { text } = this;
    // Length and first and last characters tell the few names of a format apart.
    const slot = (text.charCodeAt(start) * 7 + text.charCodeAt(end - 1) + (end - start) * 31) & (slots - 1);
    let e = this.names[slot];
    while (e !== undefined && !(e.name.length === end - start && isAt(text, start, e.name))) e = e.next;
    if (e !== undefined) return e;
    const name = text.slice(start, end);
    const colon = name.indexOf(":");
    const created: ElementName = {
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      lower: name.toLowerCase(),
      htmlParent: undefined,
      next: this.names[slot],
      layouts: [],
    };
    this.names[slot] = created;
    return created;
  }

  /** Refuses an element an HTML parser would place or read otherwise (see `htmlDifference`). */
  private checkHtml(element: ElementName, lt: number): void {
    const parent = this.stack[this.stack.length - 1] ?? null;
    if (element.htmlParent === parent) return;
    const differs = htmlDifference(parent?.lower, element.lower);
    if (differs) this.fail(differs, lt);
    element.htmlParent = parent;
  }

  /** Refuses the name at `start`, which runs (for the message) until `isEnd` or the input's end. */
  private badName(start: number, isEnd: (c: number) => boolean): never {
    const { text, n } = this;
    let end = start;
    while (end < n && !isEnd(text.charCodeAt(end))) {
      const c = text.charCodeAt(end);
      if ((charClass[c]! & forbidden) !== 0) this.fail(forbiddenReason(c), end);
      end++;
    }
    return this.fail(`"${text.slice(start, end)}" is not an XML name`, start);
  }

  /** Refuses a `/` in a start tag that is not the `/>` ending it. */
  private badSlash(at: number): never {
    const { text, n } = this;
    let j = at + 1;
    while (j < n && isXmlSpace(text.charCodeAt(j))) j++;
    if (j >= n) this.unfinished();
    if (text.charCodeAt(j) === 0x3e) this.fail("a space inside />", j);
    return this.failAt("a / inside a tag", at);
  }

  private noValue(at: number): never {
    if (at >= this.n) this.unfinished();
    return this.failAt(`attribute ${this.attributes.lastName()} has no quoted value`, at);
  }

  /** The input ends inside a tag: the innermost open element is not closed. */
  private unfinished(): never {
    const open = this.stack[this.stack.length - 1];
    if (open) this.fail(`<${open.name}> is not closed`, this.n);
    return this.fail(this.rootDone ? "an unfinished tag after the root element" : "no root element", this.n);
  }

  /** `fail`, unless the character at `at` is forbidden: then that is the error. */
  private failAt(reason: string, at: number): never {
    const c = this.text.charCodeAt(at);
    return this.fail((charClass[c]! & forbidden) !== 0 ? forbiddenReason(c) : reason, at);
  }
}

/** "line:column" (both from 1) of the offset `at` in `text`. */
function position(text: string, at: number): string {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return `${line}:${at - text.lastIndexOf("\n", at - 1)}`;
}

/** What may follow an element name: white space, `/`, `>`. */
function isTagEnd(c: number): boolean {
  return c === 0x3e || c === 0x2f || isXmlSpace(c);
}

function isAttributeNameEnd(c: number): boolean {
  return c === 0x3d || isTagEnd(c);
}

function isPiTargetEnd(c: number): boolean {
  return c === 0x3f || isXmlSpace(c);
}
