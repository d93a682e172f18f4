import { PageBox } from "../ingest/records.ts";
import { smallInt } from "../ingest/small-int.ts";
import type { Box } from "../types.ts";

/**
 * Small operations on axis-aligned boxes. Coordinates are page pixels, origin top-left;
 * `x + w` is the right edge and `y + h` the bottom edge.
 */

/** The right edge of `box`. */
export function right(box: Box): number {
  return box.x + box.w;
}

/** The bottom edge of `box`. */
export function bottom(box: Box): number {
  return box.y + box.h;
}

/** The smallest box holding every box given, or null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    if (b.x < x0) x0 = b.x;
    if (b.y < y0) y0 = b.y;
    if (b.x + b.w > x1) x1 = b.x + b.w;
    if (b.y + b.h > y1) y1 = b.y + b.h;
  }
  if (x0 === Number.POSITIVE_INFINITY) return null;
  return wholeBox(x0, y0, x1, y1);
}

/** The box spanned by a polygon's points (PAGE `Coords`), or null for no points. */
export function boxOfPoints(points: ReadonlyArray<readonly [number, number]>): Box | null {
  if (points.length === 0) return null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return wholeBox(x0, y0, x1, y1);
}

/**
 * The box from (x0, y0) to (x1, y1), its whole coordinates as small integers and made by a
 * constructor (see `PageBox`, `smallInt`): edges found by min and max start as infinities and
 * stay doubles to the engine, which would box each on the heap.
 */
function wholeBox(x0: number, y0: number, x1: number, y1: number): Box {
  return new PageBox(smallInt(x0), smallInt(y0), smallInt(x1 - x0), smallInt(y1 - y0));
}

/** Length of the overlap of the intervals [a0, a1] and [b0, b1]; 0 when they are disjoint. */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Horizontal overlap of two boxes in pixels. */
export function overlapX(a: Box, b: Box): number {
  return overlap(a.x, a.x + a.w, b.x, b.x + b.w);
}

/** Vertical overlap of two boxes in pixels. */
export function overlapY(a: Box, b: Box): number {
  return overlap(a.y, a.y + a.h, b.y, b.y + b.h);
}

/** Horizontal centre of `box`. */
export function centerX(box: Box): number {
  return box.x + box.w / 2;
}

/** Vertical centre of `box`. */
export function centerY(box: Box): number {
  return box.y + box.h / 2;
}

/**
 * Slope (dy/dx) of the least-squares line through the points, or null when the points span
 * no horizontal distance. Used for baselines.
 */
export function fitSlope(points: ReadonlyArray<readonly [number, number]>): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  return sxx > 0 ? sxy / sxx : null;
}

/** The median of the values (the lower middle for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  return medianOfFirst(values, values.length);
}

/** Reused by `medianOfFirst` for the few values of one call at a time. */
const few: number[] = [];

/**
 * `median` of the first `n` values (a typed array or a reused buffer filled that far), which
 * stay as they are.
 */
export function medianOfFirst(values: ArrayLike<number>, n: number): number | null {
  if (n === 0) return null;
  if (n > 24) return middleOfMany(values, n);
  // Most calls are over a line's few words: a stable insertion sort with no callback, the same
  // order the ascending sort gives (NaN, which no order holds, takes the general path).
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return callbackMedian(values, n);
    let k = i;
    while (k > 0 && few[k - 1]! > v) {
      few[k] = few[k - 1]!;
      k--;
    }
    few[k] = v;
  }
  return few[(n - 1) >> 1]!;
}

/** The median of the first `n` values as the callback sort orders them (NaN included). */
function callbackMedian(values: ArrayLike<number>, n: number): number {
  return Array.prototype.slice.call(values, 0, n).sort((a: number, b: number) => a - b)[(n - 1) >> 1]!;
}

/** Reused by `middleOfMany`; grows to the largest count seen. */
let selection = new Float64Array(256);

/**
 * `median` of more than a few values: the middle one is selected (quickselect) in a reused
 * typed array, without a callback and without sorting the rest. Selection compares with `<`,
 * which holds -0 and 0 equal, as the callback sort does; a zero in the middle is taken from the
 * values in their order, at its place among the zeros, as that sort (stable) places it. (Baseline
 * slopes of a level page are mostly zeros: the callback sort was the price of every page.)
 */
function middleOfMany(values: ArrayLike<number>, n: number): number {
  if (selection.length < n) selection = new Float64Array(Math.max(n, 2 * selection.length));
  const a = selection;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // NaN has no order: the callback sort places it as it does.
    if (Number.isNaN(v)) return callbackMedian(values, n);
    a[i] = v;
  }
  const k = (n - 1) >> 1;
  const m = select(a, n, k);
  if (m !== 0) return m;
  let below = 0;
  for (let i = 0; i < n; i++) if (values[i]! < 0) below++;
  let zeros = k - below;
  for (let i = 0; i < n; i++) {
    if (values[i] === 0 && zeros-- === 0) return values[i]!;
  }
  return m;
}

/**
 * The value that would stand at `k` were the first `n` values of `a` sorted ascending (no NaN
 * among them), reordering them in place: Hoare's selection, median-of-three pivots.
 */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * The median of the first `n` values of `buffer` (the same value `median` gives), reordering
 * them in place. For hot loops that gather a few values per line into one reused buffer rather
 * than a fresh array each time.
 */
export function medianOf(buffer: number[], n: number): number | null {
  if (n === 0) return null;
  if (n > 24) return middleOfMany(buffer, n);
  for (let i = 0; i < n; i++) if (Number.isNaN(buffer[i]!)) return callbackMedian(buffer, n);
  // `median`'s insertion sort, in place: the same order, so the same value.
  for (let i = 1; i < n; i++) {
    const v = buffer[i]!;
    let k = i;
    while (k > 0 && buffer[k - 1]! > v) {
      buffer[k] = buffer[k - 1]!;
      k--;
    }
    buffer[k] = v;
  }
  return buffer[(n - 1) >> 1]!;
}

/** The q-quantile (0..1) of the values by nearest rank, or null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] ?? null;
}
