import { PageBox } from "./records.ts";
import { smallInt } from "./small-int.ts";

/**
 * Which coordinates ingest takes. A box, point, page size or font size is taken only when each
 * of its values is a number within a million pixels of the origin (after unit conversion): a
 * page at 600 dpi is some 15,000 pixels tall, and values past that bound (`1e308`,
 * `-2147483649`) or not numbers at all (`NaN`, an empty value, which `Number` would read as 0)
 * are damage, not geometry. What is not taken is left out as the format's reader says (a word
 * takes its line's box, a line goes without one) and reported on the page (`IngestWarnings`).
 */

/** The farthest from the origin, in page pixels, that a coordinate may lie. */
export const maxCoordinate = 1_000_000;

/**
 * The number an attribute value or title token states, as `Number` reads it, but NaN for an
 * empty value or one of white space only (which `Number` reads as 0).
 */
export function readValue(text: string): number {
  const n = Number(text);
  return n === 0 && text.trim() === "" ? Number.NaN : n;
}

/** Whether `v` is a usable coordinate (see the module comment). */
export function isCoordinate(v: number): boolean {
  return v >= -maxCoordinate && v <= maxCoordinate;
}

/**
 * The box at (`x`, `y`) of size `w` × `h` in pixels (a negative size read as 0), or null when a
 * value is not a usable coordinate.
 */
export function usableBox(x: number, y: number, w: number, h: number): PageBox | null {
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(w) || !isCoordinate(h)) return null;
  return new PageBox(smallInt(x), smallInt(y), smallInt(Math.max(0, w)), smallInt(Math.max(0, h)));
}
