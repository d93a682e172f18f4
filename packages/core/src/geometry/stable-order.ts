/**
 * Sorting positions by coordinates without a comparison callback. The layout sorts every line of
 * a page by its top (and left edge) more than once per page; a sort that calls back into
 * JavaScript for each of its ~15,000 comparisons costs several times a typed array's own sort.
 */

/** Bits a packed key gives the position (`stableOrder`), with and without a second key. */
const positionBits2 = 2 ** 16;
const positionBits1 = 2 ** 21;
/** Exclusive bound of the coordinates packed: two keys get 18 bits each, one key 31 bits. */
const bound2 = 2 ** 18;
const bound1 = 2 ** 31;

/**
 * The positions `0..n-1` (`n` being `primary.length`) ordered by `primary` ascending, ties by
 * `secondary` ascending (when given), further ties by position: the order a stable sort with
 * `(a, b) => primary[a] - primary[b] || secondary[a] - secondary[b]` gives. Whole, non-negative
 * coordinates of a page (nearly all) are packed with the position into one number each and sorted
 * as a typed array; any other value (a fraction, NaN) takes that callback sort.
 */
export function stableOrder(primary: Float64Array, secondary: Float64Array | null): number[] {
  const n = primary.length;
  const keys = packKeys(primary, secondary);
  const order: number[] = [];
  if (keys === null) {
    for (let i = 0; i < n; i++) order.push(i);
    if (secondary === null) order.sort((a, b) => primary[a]! - primary[b]!);
    else order.sort((a, b) => primary[a]! - primary[b]! || secondary[a]! - secondary[b]!);
    return order;
  }
  keys.sort();
  const unit = secondary === null ? positionBits1 : positionBits2;
  // The position is the key's low bits. `unit` is a power of two, so the division is exact and
  // the floor is the coordinates' part: this is `key % unit` without a floating-point remainder,
  // which costs many times a multiplication.
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    order.push(key - Math.floor(key / unit) * unit);
  }
  return order;
}

/** The keys `stableOrder` sorts by (coordinates and position in one number), or null. */
function packKeys(primary: Float64Array, secondary: Float64Array | null): Float64Array | null {
  const n = primary.length;
  const keys = new Float64Array(n);
  if (secondary === null) {
    if (n > positionBits1) return null;
    for (let i = 0; i < n; i++) {
      const p = primary[i]!;
      if (!(p >= 0 && p < bound1 && Math.floor(p) === p)) return null;
      keys[i] = p * positionBits1 + i;
    }
    return keys;
  }
  if (n > positionBits2) return null;
  for (let i = 0; i < n; i++) {
    const p = primary[i]!;
    const s = secondary[i]!;
    if (!(p >= 0 && p < bound2 && Math.floor(p) === p && s >= 0 && s < bound2 && Math.floor(s) === s))
      return null;
    keys[i] = (p * bound2 + s) * positionBits2 + i;
  }
  return keys;
}
