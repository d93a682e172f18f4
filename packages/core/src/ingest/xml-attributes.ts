import type { ByteText } from "../input/byte-text.ts";
import type { AttributeLayout } from "./xml-layout.ts";
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
  /**
   * The names of this tag's attributes, in order, as a layout object that is the same (`===`)
   * for every tag of the element with the same names; set once the tag has been read.
   */
  layout: AttributeLayout | null = null;

  /**
   * `qualified`: attributes are looked up by their full name, prefix and all. `bytes`: `text` is
   * a document read byte for byte, where a value with a non-ASCII byte is not plain and is
   * decoded from UTF-8 when asked for.
   */
  constructor(
    private readonly text: string,
    private readonly qualified: boolean,
    private readonly bytes: ByteText | null = null,
  ) {}

  clear(): void {
    this.count = 0;
    this.layout = null;
  }

  /** How many attributes the tag has (so far, while it is read). */
  get size(): number {
    return this.count;
  }

  /** The qualified name of the attribute at `i`. */
  nameAt(i: number): string {
    return this.text.slice(this.offsets[i * 5], this.offsets[i * 5 + 2]);
  }

  /** Whether the attribute at `i` is called `name` (by local name, or qualified: see the constructor). */
  isNamed(i: number, name: string): boolean {
    const local = this.offsets[i * 5 + (this.qualified ? 0 : 1)]!;
    return this.offsets[i * 5 + 2]! - local === name.length && this.text.startsWith(name, local);
  }

  /**
   * Starts an attribute named `text[start..end)` whose local name (after the first colon)
   * starts at `local` (`start` when it has no prefix).
   */
  name(start: number, local: number, end: number): void {
    const at = this.count * 5;
    this.offsets[at] = start;
    this.offsets[at + 1] = local;
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
    return i < 0 ? undefined : this.valueOf(i);
  }

  number(name: string): number {
    return this.numberAt(this.find(name));
  }

  /**
   * The position of the (last) attribute called `name`, or -1: for reading a value in place
   * with `valueStart`, `valueEnd` and `isPlain`.
   */
  find(name: string): number {
    const first = name.charCodeAt(0);
    const offsets = this.offsets;
    const side = this.qualified ? 0 : 1;
    for (let i = this.count - 1; i >= 0; i--) {
      const local = offsets[i * 5 + side]!;
      if (
        offsets[i * 5 + 2]! - local === name.length &&
        this.text.charCodeAt(local) === first &&
        this.text.startsWith(name, local)
      )
        return i;
    }
    return -1;
  }

  /** Where the value of the attribute at `i` (see `find`) starts in the document. */
  valueStart(i: number): number {
    return this.offsets[i * 5 + 3]!;
  }

  /** Where the value of the attribute at `i` ends in the document. */
  valueEnd(i: number): number {
    return this.offsets[i * 5 + 4]!;
  }

  /** Whether the value of the attribute at `i` reads as it stands in the document (no entity, no line end). */
  isPlain(i: number): boolean {
    return this.plain[i]!;
  }

  /** `number` of the attribute at `i` (see `find`; NaN for -1). */
  numberAt(i: number): number {
    if (i < 0) return Number.NaN;
    return this.plain[i]
      ? readNumber(this.text, this.offsets[i * 5 + 3]!, this.offsets[i * 5 + 4]!)
      : Number(this.valueOf(i));
  }

  /** The value of the attribute at `i`, decoded. */
  valueOf(i: number): string {
    const start = this.offsets[i * 5 + 3]!;
    const end = this.offsets[i * 5 + 4]!;
    if (this.plain[i]) return this.text.slice(start, end);
    if (this.bytes === null) return decodeXmlText(this.text, start, end, "attribute", checked);
    const value = this.bytes.utf8(start, end);
    return decodeXmlText(value, 0, value.length, "attribute", checked);
  }
}

function checked(): never {
  throw new RangeError("attribute values are checked as they are read");
}

/** Powers of ten that are exact doubles. */
const exactTens = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `Number(text.slice(start, end))`, read in place for the common forms: digits with an
 * optional sign and decimal point, at most 15 of them. Such a value and its power of ten are
 * exact doubles, so one division rounds as `Number` does (correctly); anything else goes to
 * `Number`.
 */
export function readNumber(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 0x2d;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && point < 0) point = i;
    else return Number(text.slice(start, end));
  }
  if (digits > 15 || (digits === 0 && end > start)) return Number(text.slice(start, end));
  const value = point < 0 ? n : n / exactTens[end - point - 1]!;
  return negative ? -value : value;
}
