import { decodeXmlText } from "./xml-text.ts";

/**
 * The attributes of the element being opened, read by local name (the prefix dropped; of two
 * with one local name, the later counts). Values come decoded and normalised. Valid only during
 * the `open` call that receives it.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
  /** `Number(get(name))` (NaN when absent), read in place for a plain run of digits. */
  number(name: string): number;
}

/**
 * The open tag's attributes as offsets into the document: names, values, and whether a value
 * reads as it stands. Reused from tag to tag, so reading an element allocates nothing but the
 * values asked for.
 */
export class AttributeList implements XmlAttributes {
  private readonly offsets: number[] = [];
  private readonly plain: boolean[] = [];
  private count = 0;

  /** `qualified`: attributes are looked up by their full name, prefix and all. */
  constructor(
    private readonly text: string,
    private readonly qualified: boolean,
  ) {}

  clear(): void {
    this.count = 0;
  }

  /** Starts an attribute named `text[start..end)`. */
  name(start: number, end: number): void {
    let local = start;
    while (local < end && this.text.charCodeAt(local) !== 0x3a) local++;
    const at = this.count * 5;
    this.offsets[at] = start;
    this.offsets[at + 1] = local < end ? local + 1 : start;
    this.offsets[at + 2] = end;
  }

  /** Gives the attribute just named its value `text[start..end)`. */
  value(start: number, end: number, plain: boolean): void {
    const at = this.count * 5;
    this.offsets[at + 3] = start;
    this.offsets[at + 4] = end;
    this.plain[this.count] = plain;
    this.count++;
  }

  /** Whether an attribute of this tag already has the qualified name `text[start..end)`. */
  has(start: number, end: number): boolean {
    const length = end - start;
    for (let i = 0; i < this.count; i++) {
      const s = this.offsets[i * 5]!;
      if (this.offsets[i * 5 + 2]! - s !== length) continue;
      let k = 0;
      while (k < length && this.text.charCodeAt(s + k) === this.text.charCodeAt(start + k)) k++;
      if (k === length) return true;
    }
    return false;
  }

  lastName(): string {
    const at = this.count * 5;
    return this.text.slice(this.offsets[at], this.offsets[at + 2]);
  }

  get(name: string): string | undefined {
    const i = this.find(name);
    if (i < 0) return undefined;
    const start = this.offsets[i * 5 + 3]!;
    const end = this.offsets[i * 5 + 4]!;
    return this.plain[i]
      ? this.text.slice(start, end)
      : decodeXmlText(this.text, start, end, "attribute", () => {
          throw new RangeError("attribute values are checked as they are read");
        });
  }

  number(name: string): number {
    const i = this.find(name);
    if (i < 0 || !this.plain[i]) return i < 0 ? Number.NaN : Number(this.get(name));
    const start = this.offsets[i * 5 + 3]!;
    const end = this.offsets[i * 5 + 4]!;
    if (end - start > 15) return Number(this.text.slice(start, end));
    let n = 0;
    for (let k = start; k < end; k++) {
      const d = this.text.charCodeAt(k) - 0x30;
      if (d < 0 || d > 9) return Number(this.text.slice(start, end));
      n = n * 10 + d;
    }
    return n;
  }

  /** The position of the (last) attribute called `name`, or -1. */
  private find(name: string): number {
    for (let i = this.count - 1; i >= 0; i--) {
      const local = this.offsets[i * 5 + (this.qualified ? 0 : 1)]!;
      if (this.offsets[i * 5 + 2]! - local === name.length && this.text.startsWith(name, local)) return i;
    }
    return -1;
  }
}

/**
 * Finds the characters that need care in an attribute value (`<`, `&`, CR, LF, tab) without
 * scanning every value: for each it keeps the next place it occurs in the document and looks
 * further (with native `indexOf`) only once a value starts past that place. Values are read in
 * document order, so the searches never overlap: one pass over the document per character.
 */
export class ValueMarks {
  private static readonly chars = ["<", "&", "\r", "\n", "\t"];
  /** Per character: the next offset where it occurs at or after the last value checked (-1: none). */
  private readonly next = [-1, -1, -1, -1, -1];
  private checkedFrom = -1;

  constructor(private readonly text: string) {}

  /**
   * Checks the value `text[start..end)` (throwing through `fail` when it is broken) and tells
   * whether it reads as it stands: no entity, no character to normalise. `html`: a line end or
   * tab, which XML turns into a space and HTML keeps, is refused. Values must come in document
   * order.
   */
  plainValue(
    start: number,
    end: number,
    html: boolean,
    fail: (reason: string, at: number) => never,
  ): boolean {
    let plain = true;
    for (let m = 0; m < 5; m++) {
      let at = this.next[m]!;
      if (at < start && (at >= 0 || this.checkedFrom < 0)) {
        at = this.text.indexOf(ValueMarks.chars[m]!, start);
        this.next[m] = at;
      }
      if (at >= start && at < end) {
        // Marks 2–4 are CR, LF and tab.
        if (html && m >= 2) fail("a line end or tab in an attribute value", at);
        plain = false;
      }
    }
    this.checkedFrom = start;
    if (!plain) decodeXmlText(this.text, start, end, "attribute", fail, html);
    return plain;
  }
}
