import type { Box } from "../types.ts";
import { PageBox } from "./records.ts";
import { smallInt } from "./small-int.ts";
import { readNumber } from "./xml-attributes.ts";

/**
 * hOCR properties: an element's `title` holds them as "name value value; name value …"
 * ("bbox 1 2 3 4; x_wconf 93"). Properties are split at semicolons, each trimmed and split at
 * whitespace (the characters `\s` matches); the first token names it. When a name comes twice,
 * the later one counts.
 */

/** Properties of an hOCR `title` attribute, by name (see the module comment). */
export function parseHocrTitle(title: string): Map<string, string[]> {
  const props = new Map<string, string[]>();
  for (const part of title.split(";")) {
    const tokens = part.trim().split(/\s+/);
    const key = tokens.shift();
    if (key) props.set(key, tokens);
  }
  return props;
}

/**
 * The values of one property of an hOCR `title`, as `parseHocrTitle(title).get(name)` gives
 * them, without splitting the rest of the title: `ocrx_word` titles are read once per word.
 */
export function hocrProperty(title: string, name: string): string[] | undefined {
  const at = findProperty(title, name);
  return at < 0 ? undefined : tokens(title, at, partEnd(title, at, title.length));
}

/** The first value of a property as a number: NaN when absent or not a number. */
export function hocrNumber(title: string, name: string): number {
  const at = findProperty(title, name);
  if (at < 0) return Number.NaN;
  const end = partEnd(title, at, title.length);
  const start = skipSpace(title, at, end);
  return start < end ? numberAt(title, start, tokenEnd(title, start, end)) : Number.NaN;
}

/** The box of a `bbox x0 y0 x1 y1` property, or undefined when there is none or it is broken. */
export function hocrBox(title: string): Box | undefined {
  const at = findProperty(title, "bbox");
  return at < 0 ? undefined : boxAt(title, at, partEnd(title, at, title.length));
}

/** The box whose `x0 y0 x1 y1` values stand in `title[at..end)`, or undefined. */
function boxAt(title: string, at: number, end: number): Box | undefined {
  const x0 = valueAt(title, at, end);
  const y0 = valueAt(title, cursor, end);
  const x1 = valueAt(title, cursor, end);
  const y1 = valueAt(title, cursor, end);
  if (!Number.isFinite(x0) || !Number.isFinite(y0) || !Number.isFinite(x1) || !Number.isFinite(y1))
    return undefined;
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** Where `valueAt` stopped: the end of the value it read. */
let cursor = 0;

/**
 * The number the next whitespace-separated value in `title[from..end)` stands for (NaN when
 * there is none), as `Number` reads it; sets `cursor` to the value's end.
 */
function valueAt(title: string, from: number, end: number): number {
  const start = skipSpace(title, from, end);
  if (start >= end) {
    cursor = end;
    return Number.NaN;
  }
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    const d = title.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === end || isSpace(title.charCodeAt(i))) {
    cursor = i;
    if (i - start <= 15) return n;
  }
  cursor = tokenEnd(title, i, end);
  return Number(title.slice(start, cursor));
}

/** The properties `HocrTitle` reads. */
export type HocrKey = "bbox" | "x_size" | "x_wconf" | "baseline";

const keys: readonly HocrKey[] = ["bbox", "x_size", "x_wconf", "baseline"];

/**
 * The properties hOCR reading needs from a `title`, read in one pass over it where it stands
 * in the document (an element's title is never copied out), values and all: each character
 * is visited once. Values read as in `hocrNumber` and `hocrBox`; of two properties with one
 * name, the later counts. Reusable: `read` starts over.
 */
export class HocrTitle {
  /** Per key (in `keys` order): its first value, NaN when absent or not a number. */
  private readonly values = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  private readonly present = [false, false, false, false];
  /** The `bbox` values after the first. */
  private y0 = Number.NaN;
  private x1 = Number.NaN;
  private y1 = Number.NaN;
  /** Where `value` stopped: the end of the value it read. */
  private cursor = 0;

  /** Where the title `readFrom` read whole stands in its document ([-1, -1]: none). */
  private readStart = -1;
  private readEnd = -1;

  /**
   * Reads a title the way Tesseract writes them, "bbox x0 y0 x1 y1" then optionally
   * "; x_wconf N" or "; x_size N", from `start` in `text`, to wherever that form stops (its
   * end unknown: for a scanner that has not found the value's end yet); returns where it
   * stopped. It steps only over digits, points, ASCII letters, `_`, `;` and spaces. When the
   * title turns out to end there, `isRead` tells, and the title is read as `readAt` reads it.
   */
  readFrom(text: string, start: number): number {
    this.readStart = this.readEnd = -1;
    if (
      text.charCodeAt(start) !== 0x62 ||
      text.charCodeAt(start + 1) !== 0x62 ||
      text.charCodeAt(start + 2) !== 0x6f ||
      text.charCodeAt(start + 3) !== 0x78 ||
      text.charCodeAt(start + 4) !== 0x20
    )
      return start;
    const { values, present } = this;
    let i = start + 5;
    let c = 0;
    for (let v = 0; v < 4; v++) {
      const from = i;
      let n = 0;
      for (c = text.charCodeAt(i); c >= 0x30 && c <= 0x39; c = text.charCodeAt(++i)) n = n * 10 + (c - 0x30);
      if (i === from || i - from > 15 || (v < 3 && c !== 0x20)) return i;
      if (v === 0) values[0] = n;
      else if (v === 1) this.y0 = n;
      else if (v === 2) this.x1 = n;
      else this.y1 = n;
      if (v < 3) i++;
    }
    present[0] = true;
    present[1] = present[2] = present[3] = false;
    if (c === 0x3b) {
      // "; x_wconf N" or "; x_size N", N digits and points, ending the title.
      if (text.charCodeAt(i + 1) !== 0x20 || text.charCodeAt(i + 2) !== 0x78) return i;
      const k = isKeyAt("x_wconf ", text, i + 2) ? 2 : isKeyAt("x_size ", text, i + 2) ? 1 : -1;
      if (k < 0) return i;
      const from = i + (k === 2 ? 10 : 9);
      i = from;
      for (c = text.charCodeAt(i); (c >= 0x30 && c <= 0x39) || c === 0x2e; c = text.charCodeAt(++i));
      if (i === from) return i;
      present[k] = true;
      values[k] = readNumber(text, from, i);
    }
    this.readStart = start;
    this.readEnd = i;
    return i;
  }

  /** Whether `readFrom` read the title `text[from..to)` whole: then it is the title read. */
  isRead(from: number, to: number): boolean {
    return from === this.readStart && to === this.readEnd;
  }

  /** Reads `title`, forgetting the one before. */
  read(title: string): this {
    return this.readAt(title, 0, title.length);
  }

  /** Reads the title that stands in `text[from..to)`, forgetting the one before. */
  readAt(text: string, from: number, to: number): this {
    this.readStart = this.readEnd = -1;
    const present = this.present;
    present[0] = present[1] = present[2] = present[3] = false;
    // Most titles open with a plain "bbox x0 y0 x1 y1" (every one Tesseract writes).
    const rest = this.leadingBox(text, from, to);
    let i = rest < 0 ? from : rest;
    // And Tesseract follows it with its one word or line property.
    if (rest >= 0 && rest < to) {
      const next = this.nextSize(text, rest, to);
      if (next >= 0) i = next;
    }
    while (i <= to) {
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      const key = i;
      while (i < to && !isPartEnd(text.charCodeAt(i))) i++;
      const k = keyAt(text, key, i);
      if (k >= 0) {
        present[k] = true;
        this.values[k] = this.value(text, i, to);
        if (k === 0) {
          this.y0 = this.value(text, this.cursor, to);
          this.x1 = this.value(text, this.cursor, to);
          this.y1 = this.value(text, this.cursor, to);
        }
        i = this.cursor;
      }
      while (i < to && text.charCodeAt(i) !== 0x3b) i++;
      i++;
    }
    return this;
  }

  /**
   * Reads a title opening with "bbox " and four runs of at most 15 digits, single-spaced, the
   * last ending the property: what the general reading reads from it, faster. Returns where the
   * rest of the title starts (past the `;`, or beyond `to`), or -1 for any other title, which
   * is then read from its start.
   */
  private leadingBox(text: string, from: number, to: number): number {
    if (
      to - from < 12 ||
      text.charCodeAt(from) !== 0x62 ||
      text.charCodeAt(from + 1) !== 0x62 ||
      text.charCodeAt(from + 2) !== 0x6f ||
      text.charCodeAt(from + 3) !== 0x78 ||
      text.charCodeAt(from + 4) !== 0x20
    )
      return -1;
    let i = from + 5;
    const values = this.values;
    for (let v = 0; v < 4; v++) {
      const start = i;
      let n = 0;
      for (; i < to; i++) {
        const d = text.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (i === start || i - start > 15) return -1;
      const c = i < to ? text.charCodeAt(i) : 0x3b;
      if (v < 3 ? c !== 0x20 : c !== 0x3b) return -1;
      if (v === 0) values[0] = n;
      else if (v === 1) this.y0 = n;
      else if (v === 2) this.x1 = n;
      else this.y1 = n;
      i++;
    }
    this.present[0] = true;
    return i;
  }

  /**
   * Reads " x_wconf N" or " x_size N" at `from` (just past the leading box's `;`), N a run of
   * digits and points ending the property, as the general reading would read it. Returns where
   * the rest of the title starts (past the `;`, or beyond `to`), or -1 for anything else, which
   * the general reading then reads from `from`.
   */
  private nextSize(text: string, from: number, to: number): number {
    // " x_size N" is the shortest; nothing past `to` is compared.
    if (to - from < 9 || text.charCodeAt(from) !== 0x20 || text.charCodeAt(from + 1) !== 0x78) return -1;
    const k = isKeyAt("x_wconf ", text, from + 1) ? 2 : isKeyAt("x_size ", text, from + 1) ? 1 : -1;
    if (k < 0) return -1;
    const start = from + (k === 2 ? 9 : 8);
    let i = start;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if ((c < 0x30 || c > 0x39) && c !== 0x2e) break;
    }
    if (i === start || (i < to && text.charCodeAt(i) !== 0x3b)) return -1;
    this.present[k] = true;
    this.values[k] = readNumber(text, start, i);
    return i + 1;
  }

  /** Whether the title has the property. */
  has(key: HocrKey): boolean {
    return this.present[keyIndex(key)]!;
  }

  /** The first value of the property as a number: NaN when absent or not a number. */
  number(key: HocrKey): number {
    const k = keyIndex(key);
    return this.present[k] ? this.values[k]! : Number.NaN;
  }

  /** The box of the `bbox` property, or undefined when there is none or it is broken. */
  box(): Box | undefined {
    if (!this.present[0]) return undefined;
    const x0 = this.values[0]!;
    const { y0, x1, y1 } = this;
    if (!Number.isFinite(x0) || !Number.isFinite(y0) || !Number.isFinite(x1) || !Number.isFinite(y1))
      return undefined;
    return new PageBox(
      smallInt(x0),
      smallInt(y0),
      smallInt(Math.max(0, x1 - x0)),
      smallInt(Math.max(0, y1 - y0)),
    );
  }

  /**
   * The number the next value of the property in `text[from..)` stands for (NaN when the
   * property has no more), as `Number` reads it; sets `cursor` to where it stopped.
   */
  private value(text: string, from: number, to: number): number {
    let i = from;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to || text.charCodeAt(i) === 0x3b) {
      this.cursor = i;
      return Number.NaN;
    }
    const start = i;
    let n = 0;
    for (; i < to; i++) {
      const d = text.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i - start <= 15 && (i === to || isPartEnd(text.charCodeAt(i)))) {
      this.cursor = i;
      return n;
    }
    while (i < to && !isPartEnd(text.charCodeAt(i))) i++;
    this.cursor = i;
    return Number(text.slice(start, i));
  }
}

/** Whether the code unit ends a value or a property name: white space or `;`. */
function isPartEnd(c: number): boolean {
  return c === 0x3b || isSpace(c);
}

/** The index of `key` in `keys`. */
function keyIndex(key: HocrKey): number {
  return key === "bbox" ? 0 : key === "x_size" ? 1 : key === "x_wconf" ? 2 : 3;
}

/** Which of `keys` `text[start..end)` is (its index), or -1. */
function keyAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 4) return -1;
  const c = text.charCodeAt(start);
  // Told apart by length and first character, then checked in full.
  const k =
    c === 0x62
      ? length === 4
        ? 0
        : length === 8
          ? 3
          : -1
      : c === 0x78 && length === 6
        ? 1
        : c === 0x78 && length === 7
          ? 2
          : -1;
  return k >= 0 && isKeyAt(keys[k]!, text, start) ? k : -1;
}

/** Whether `key` stands at `text[start..]` (compared a code unit at a time: keys are short). */
function isKeyAt(key: string, text: string, start: number): boolean {
  for (let i = 1; i < key.length; i++) if (text.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
  return true;
}

/**
 * Where the values of the last property named `name` start (just after its name), or -1 when
 * the title has none.
 */
function findProperty(title: string, name: string): number {
  let found = -1;
  let start = 0;
  while (start <= title.length) {
    const end = partEnd(title, start, title.length);
    const i = skipSpace(title, start, end);
    if (
      title.startsWith(name, i) &&
      (i + name.length === end || isSpace(title.charCodeAt(i + name.length)))
    ) {
      found = i + name.length;
    }
    start = end + 1;
  }
  return found;
}

/** The end of the property that starts at `from`: the next `;` before `to`, or `to`. */
function partEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) !== 0x3b) i++;
  return i;
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function tokenEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `Number(text.slice(from, to))`, read directly when the token is a plain run of digits. */
function numberAt(text: string, from: number, to: number): number {
  if (to - from > 15) return Number(text.slice(from, to));
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return Number(text.slice(from, to));
    n = n * 10 + d;
  }
  return n;
}

/** The whitespace-separated tokens of `text` from `from` to `to`. */
function tokens(text: string, from: number, to: number): string[] {
  const out: string[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const begin = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    out.push(text.slice(begin, i));
  }
  return out;
}

const space = /\s/;

/** Whether the UTF-16 code unit is one `\s` matches (and `trim` removes). */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return space.test(String.fromCharCode(c));
}
