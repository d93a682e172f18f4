import type { LayoutBlock } from "./blocks.ts";
import { medianOf, overlap } from "./box.ts";

/**
 * Columns from geometry: body blocks (body-size text, two lines or more) are clustered by
 * their horizontal extent — blocks in one column share its measure whatever rows, headlines
 * or photos separate them — and every other block is read in the column it overlaps most.
 * Working on blocks rather than a page-wide projection keeps spanning headlines, photos and
 * rows with different grids from blurring the gutters; skew was removed before.
 */

/** Reused by `medianOfCopy`. */
const scratch: number[] = [];

/** The median of the values (as `median`), read from a copy so their order stays as it is. */
function medianOfCopy(values: readonly number[]): number | null {
  for (let i = 0; i < values.length; i++) scratch[i] = values[i]!;
  return medianOf(scratch, values.length);
}

/** A text column: its left and right edge in page pixels. */
export interface LayoutColumn {
  x0: number;
  x1: number;
}

/** Whether a block looks like running body text (body size, several lines). */
export function isBodyLike(b: LayoutBlock): boolean {
  return b.ratio > 0.86 && b.ratio < 1.16 && b.lines.length >= 2;
}

/** Finds the columns and sets every block's `column`; columns come left to right. */
export function findColumns(blocks: readonly LayoutBlock[]): LayoutColumn[] {
  const clusters: Array<{ x0s: number[]; x1s: number[]; x0: number; x1: number; weight: number }> = [];
  const body = blocks.filter(isBodyLike).sort((a, b) => b.lines.length - a.lines.length);
  for (const b of body) {
    const w = b.x1 - b.x0;
    let best: (typeof clusters)[number] | undefined;
    let bestShare = 0;
    for (const c of clusters) {
      const cw = c.x1 - c.x0;
      const share = overlap(b.x0, b.x1, c.x0, c.x1) / Math.min(w, cw);
      if (share >= 0.7 && w / cw > 0.7 && w / cw < 1.4 && share > bestShare) {
        best = c;
        bestShare = share;
      }
    }
    if (best) {
      best.x0s.push(b.x0);
      best.x1s.push(b.x1);
      best.weight += b.lines.length;
      best.x0 = medianOfCopy(best.x0s) ?? best.x0;
      best.x1 = medianOfCopy(best.x1s) ?? best.x1;
    } else clusters.push({ x0s: [b.x0], x1s: [b.x1], x0: b.x0, x1: b.x1, weight: b.lines.length });
  }
  const columns = clusters
    .map((c) => ({ x0: Math.min(...c.x0s), x1: Math.max(...c.x1s), core: [c.x0, c.x1] as const }))
    .sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1);
  for (const b of blocks) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const ov = overlap(b.x0, b.x1, c.core[0], c.core[1]);
      // Prefer the column whose measure matches: a narrow column inside a wide one is not it.
      const score = ov / Math.max(b.x1 - b.x0, c.core[1] - c.core[0], 1);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) b.column = best;
  }
  return columns.map(({ x0, x1 }) => ({ x0, x1 }));
}
