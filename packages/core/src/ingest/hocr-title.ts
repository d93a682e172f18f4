import { isCoordinate } from "./coordinates.ts";
import { PageBox } from "./records.ts";
import { smallInt } from "./small-int.ts";

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

/** The properties `HocrTitle` reads. */
export type HocrKey = "bbox" | "x_size" | "x_wconf" | "baseline";

const keys: readonly HocrKey[] = ["bbox", "x_size", "x_wconf", "baseline"];

/**
 * The properties hOCR reading needs from a `title`, read in one pass over it (a word's title is
 * read once per word), each value as `Number` reads it (NaN when missing): what
 * `parseHocrTitle` gives, without splitting the rest of the title. Reusable: `read` starts over.
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

  /** Reads `title`, forgetting the one before. */
  read(title: string): this {
    const present = this.present;
    present[0] = present[1] = present[2] = present[3] = false;
    const to = title.length;
    let i = 0;
    while (i <= to) {
      while (i < to && isSpace(title.charCodeAt(i))) i++;
      const key = i;
      while (i < to && !isPartEnd(title.charCodeAt(i))) i++;
      const k = keyAt(title, key, i);
      if (k >= 0) {
        present[k] = true;
        this.values[k] = this.value(title, i, to);
        if (k === 0) {
          this.y0 = this.value(title, this.cursor, to);
          this.x1 = this.value(title, this.cursor, to);
          this.y1 = this.value(title, this.cursor, to);
        }
        i = this.cursor;
      }
      while (i < to && title.charCodeAt(i) !== 0x3b) i++;
      i++;
    }
    return this;
  }

  /** Whether the title has the property. */
  has(key: HocrKey): boolean {
    return this.present[keys.indexOf(key)]!;
  }

  /** The first value of the property as a number: NaN when absent or not a number. */
  number(key: HocrKey): number {
    const k = keys.indexOf(key);
    return this.present[k] ? this.values[k]! : Number.NaN;
  }

  /**
   * The box of the `bbox` property, or undefined when there is none or a value of it is not a
   * usable coordinate (see `coordinates.ts`; `isBoxBroken` tells which).
   */
  box(): PageBox | undefined {
    if (!this.present[0] || this.isBoxBroken()) return undefined;
    const x0 = this.values[0]!;
    const { y0, x1, y1 } = this;
    return new PageBox(
      smallInt(x0),
      smallInt(y0),
      smallInt(Math.max(0, x1 - x0)),
      smallInt(Math.max(0, y1 - y0)),
    );
  }

  /** Whether the title has a `bbox` with fewer than four values or one that is not a usable coordinate. */
  isBoxBroken(): boolean {
    return (
      this.present[0]! &&
      !(
        isCoordinate(this.values[0]!) &&
        isCoordinate(this.y0) &&
        isCoordinate(this.x1) &&
        isCoordinate(this.y1)
      )
    );
  }

  /**
   * The number the next value of the property in `text[from..to)` stands for (NaN when the
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
    // Plain digits, as nearly every value is, are read here; anything else by `Number`.
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

/** Which of `keys` `text[start..end)` is (its index), or -1. */
function keyAt(text: string, start: number, end: number): number {
  const length = end - start;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key.length === length && text.startsWith(key, start)) return k;
  }
  return -1;
}

const space = /\s/;

/** Whether the UTF-16 code unit is one `\s` matches (and `trim` removes). */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return space.test(String.fromCharCode(c));
}
