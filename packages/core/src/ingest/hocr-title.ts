import type { Box } from "../types.ts";

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
  return at < 0 ? undefined : tokens(title, at, partEnd(title, at));
}

/** The first value of a property as a number: NaN when absent or not a number. */
export function hocrNumber(title: string, name: string): number {
  const at = findProperty(title, name);
  if (at < 0) return Number.NaN;
  const end = partEnd(title, at);
  const start = skipSpace(title, at, end);
  return start < end ? numberAt(title, start, tokenEnd(title, start, end)) : Number.NaN;
}

/** The box of a `bbox x0 y0 x1 y1` property, or undefined when there is none or it is broken. */
export function hocrBox(title: string): Box | undefined {
  const at = findProperty(title, "bbox");
  return at < 0 ? undefined : boxAt(title, at, partEnd(title, at));
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
 * The properties hOCR reading needs from a `title`, found in one pass over it (the later of
 * two with one name counts, as in `parseHocrTitle`). Reusable: `read` starts over.
 */
export class HocrTitle {
  private title = "";
  /** Per key (in `keys` order): where its values start and its part ends; -1 when absent. */
  private readonly starts = [-1, -1, -1, -1];
  private readonly ends = [-1, -1, -1, -1];

  /** Reads `title`, forgetting the one before. */
  read(title: string): this {
    this.title = title;
    this.starts.fill(-1);
    let start = 0;
    while (start <= title.length) {
      const end = partEnd(title, start);
      const i = skipSpace(title, start, end);
      const stop = tokenEnd(title, i, end);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (stop - i === key.length && title.startsWith(key, i)) {
          this.starts[k] = stop;
          this.ends[k] = end;
        }
      }
      start = end + 1;
    }
    return this;
  }

  /** Whether the title has the property. */
  has(key: HocrKey): boolean {
    return this.starts[keys.indexOf(key)]! >= 0;
  }

  /** The first value of the property as a number: NaN when absent or not a number. */
  number(key: HocrKey): number {
    const k = keys.indexOf(key);
    const at = this.starts[k]!;
    if (at < 0) return Number.NaN;
    const end = this.ends[k]!;
    const start = skipSpace(this.title, at, end);
    return start < end ? numberAt(this.title, start, tokenEnd(this.title, start, end)) : Number.NaN;
  }

  /** The box of the `bbox` property, or undefined when there is none or it is broken. */
  box(): Box | undefined {
    const at = this.starts[0]!;
    return at < 0 ? undefined : boxAt(this.title, at, this.ends[0]!);
  }
}

/**
 * Where the values of the last property named `name` start (just after its name), or -1 when
 * the title has none.
 */
function findProperty(title: string, name: string): number {
  let found = -1;
  let start = 0;
  while (start <= title.length) {
    const end = partEnd(title, start);
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

function partEnd(title: string, from: number): number {
  const end = title.indexOf(";", from);
  return end < 0 ? title.length : end;
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
