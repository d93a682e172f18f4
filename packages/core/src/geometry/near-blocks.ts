import type { Box } from "../types.ts";
import type { LayoutBlock } from "./blocks.ts";
import { bottom, overlap, right } from "./box.ts";
import { stableOrder } from "./stable-order.ts";

/**
 * The searches article grouping makes over a page's blocks: what stands nearest above a span
 * and what stands nearest below a block. Each is asked once for nearly every block, so the
 * blocks are kept sorted by bottom and by top, and a search reads only the few blocks around
 * the height it asks about instead of the whole page. Coordinates are page pixels.
 */

/** The neighbour searches over one page's blocks (see the module comment). */
export interface NearBlocks {
  /**
   * The nearest block or picture above `x0..x1` at `target.y0` (4 px of slack), sharing at
   * least 0.3 of the narrower width, with no rule between; null for none. Among blocks at one
   * height the earliest in `blocks` wins; a picture wins over a block only when lower.
   */
  above(target: { y0: number }, x0: number, x1: number): LayoutBlock | Box | null;
  /**
   * The block standing nearest below `b` (its top at most 2 px above `b`'s bottom), sharing at
   * least 0.3 of the narrower width, or null when there is none or a rule lies between.
   */
  below(b: LayoutBlock): LayoutBlock | null;
}

/** Sets up the searches over `blocks` (see `NearBlocks`); `rules` are horizontal rules. */
export function nearBlocks(
  blocks: readonly LayoutBlock[],
  images: readonly Box[],
  rules: readonly Box[],
): NearBlocks {
  // The sorted scans stop early on the order of the coordinates; NaN has no order, so a page
  // with one reads every block as the plain scan does.
  const sorted = blocks.every(hasFiniteEdges) ? sortBlocks(blocks) : null;
  return {
    above: (target, x0, x1) => above(target, x0, x1, blocks, sorted, images, rules),
    below: (b) => below(b, blocks, sorted, rules),
  };
}

/** Blocks by bottom (highest first) and by top (lowest first); ties keep the blocks' order. */
interface SortedBlocks {
  byBottom: LayoutBlock[];
  bottoms: Float64Array;
  byTop: LayoutBlock[];
  tops: Float64Array;
}

function hasFiniteEdges(b: LayoutBlock): boolean {
  return Number.isFinite(b.x0) && Number.isFinite(b.x1) && Number.isFinite(b.y0) && Number.isFinite(b.y1);
}

function sortBlocks(blocks: readonly LayoutBlock[]): SortedBlocks {
  const n = blocks.length;
  // Whole non-negative edges (nearly every page's) sort as packed numbers (`stableOrder`), the
  // bottoms turned upside down (from the lowest bottom) for the descending order.
  let whole = true;
  let lowest = 0;
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (!(Number.isInteger(b.y0) && Number.isInteger(b.y1) && b.y0 >= 0 && b.y1 >= 0)) whole = false;
    else lowest = Math.max(lowest, b.y1);
  }
  let byBottom: LayoutBlock[];
  let byTop: LayoutBlock[];
  if (whole) {
    const flipped = new Float64Array(n);
    const tops = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      flipped[i] = lowest - blocks[i]!.y1;
      tops[i] = blocks[i]!.y0;
    }
    const up = stableOrder(flipped, null);
    const down = stableOrder(tops, null);
    byBottom = [];
    byTop = [];
    for (let k = 0; k < n; k++) {
      byBottom.push(blocks[up[k]!]!);
      byTop.push(blocks[down[k]!]!);
    }
  } else {
    const order = blocks.map((_, i) => i);
    byBottom = [...order].sort((a, b) => blocks[b]!.y1 - blocks[a]!.y1 || a - b).map((i) => blocks[i]!);
    byTop = order.sort((a, b) => blocks[a]!.y0 - blocks[b]!.y0 || a - b).map((i) => blocks[i]!);
  }
  const bottoms = new Float64Array(n);
  const tops = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    bottoms[k] = byBottom[k]!.y1;
    tops[k] = byTop[k]!.y0;
  }
  return { byBottom, bottoms, byTop, tops };
}

function above(
  target: { y0: number },
  x0: number,
  x1: number,
  blocks: readonly LayoutBlock[],
  sorted: SortedBlocks | null,
  images: readonly Box[],
  rules: readonly Box[],
): LayoutBlock | Box | null {
  const w = x1 - x0;
  const slack = 4;
  let limit = Number.NEGATIVE_INFINITY;
  for (const r of rules) {
    if (bottom(r) <= target.y0 + slack && overlap(r.x, right(r), x0, x1) >= 0.3 * w)
      limit = Math.max(limit, r.y);
  }
  let best: LayoutBlock | Box | null = null;
  let bestY = limit;
  if (sorted && !Number.isNaN(target.y0 + slack)) {
    // Highest bottom first: the first block that fits is the nearest (and, at one height, the
    // earliest, as ties keep the blocks' order).
    const { byBottom, bottoms } = sorted;
    for (let k = firstAtOrBelow(bottoms, target.y0 + slack); k < bottoms.length; k++) {
      if (bottoms[k]! <= bestY) break;
      const c = byBottom[k]!;
      if (c === target || overlap(c.x0, c.x1, x0, x1) < 0.3 * Math.min(c.x1 - c.x0, w)) continue;
      best = c;
      bestY = c.y1;
      break;
    }
  } else {
    for (const c of blocks) {
      if (c.y1 > target.y0 + slack || c.y1 <= bestY || c === target) continue;
      if (overlap(c.x0, c.x1, x0, x1) < 0.3 * Math.min(c.x1 - c.x0, w)) continue;
      best = c;
      bestY = c.y1;
    }
  }
  for (const g of images) {
    if (bottom(g) > target.y0 + slack || bottom(g) <= bestY) continue;
    if (overlap(g.x, right(g), x0, x1) < 0.3 * Math.min(g.w, w)) continue;
    best = g;
    bestY = bottom(g);
  }
  return best;
}

function below(
  b: LayoutBlock,
  blocks: readonly LayoutBlock[],
  sorted: SortedBlocks | null,
  rules: readonly Box[],
): LayoutBlock | null {
  let best: LayoutBlock | null = null;
  if (sorted) {
    // Lowest top first: the first block that fits is the nearest (and, at one height, the earliest).
    const { byTop, tops } = sorted;
    for (let k = firstAtOrAbove(tops, b.y1 - 2); k < tops.length; k++) {
      const c = byTop[k]!;
      if (c === b || overlap(c.x0, c.x1, b.x0, b.x1) < 0.3 * Math.min(c.x1 - c.x0, b.x1 - b.x0)) continue;
      best = c;
      break;
    }
  } else {
    for (const c of blocks) {
      if (c === b || c.y0 < b.y1 - 2) continue;
      if (overlap(c.x0, c.x1, b.x0, b.x1) < 0.3 * Math.min(c.x1 - c.x0, b.x1 - b.x0)) continue;
      if (!best || c.y0 < best.y0) best = c;
    }
  }
  if (!best) return null;
  const top = best.y0;
  for (const r of rules) {
    if (r.y >= b.y1 - 2 && r.y <= top + 2 && overlap(r.x, right(r), b.x0, b.x1) > 0) return null;
  }
  return best;
}

/** The first index of a descending array whose value is at most `v`. */
function firstAtOrBelow(descending: Float64Array, v: number): number {
  let lo = 0;
  let hi = descending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (descending[mid]! > v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of an ascending array whose value is at least `v`. */
function firstAtOrAbove(ascending: Float64Array, v: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
