import { describe, expect, it } from "vitest";
import { seededRandom } from "../test-support/random.ts";
import type { Box } from "../types.ts";
import type { LayoutBlock } from "./blocks.ts";
import { nearBlocks } from "./near-blocks.ts";

/** A block spanning x0..x1 and y0..y1 (no lines needed by the searches). */
function block(id: number, x0: number, y0: number, x1: number, y1: number): LayoutBlock {
  return { id, lines: [], x0, x1, y0, y1, ratio: 1, size: 10 };
}

/** Blocks on a coarse grid, so that many share a top or a bottom (ties decide by order). */
function page(next: () => number, count: number): LayoutBlock[] {
  return Array.from({ length: count }, (_, id) => {
    const x0 = Math.floor(next() * 8) * 50;
    const y0 = Math.floor(next() * 20) * 20;
    return block(id, x0, y0, x0 + 40 + Math.floor(next() * 3) * 50, y0 + 10 + Math.floor(next() * 3) * 10);
  });
}

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** The plain scans the searches stand for: every block, in order. */
function scanAbove(
  target: { y0: number },
  x0: number,
  x1: number,
  blocks: LayoutBlock[],
  images: Box[],
  rules: Box[],
) {
  const w = x1 - x0;
  let limit = Number.NEGATIVE_INFINITY;
  for (const r of rules) {
    if (r.y + r.h <= target.y0 + 4 && overlap(r.x, r.x + r.w, x0, x1) >= 0.3 * w)
      limit = Math.max(limit, r.y);
  }
  let best: LayoutBlock | Box | null = null;
  let bestY = limit;
  for (const c of blocks) {
    if (c.y1 > target.y0 + 4 || c.y1 <= bestY || c === target) continue;
    if (overlap(c.x0, c.x1, x0, x1) < 0.3 * Math.min(c.x1 - c.x0, w)) continue;
    best = c;
    bestY = c.y1;
  }
  for (const g of images) {
    if (g.y + g.h > target.y0 + 4 || g.y + g.h <= bestY) continue;
    if (overlap(g.x, g.x + g.w, x0, x1) < 0.3 * Math.min(g.w, w)) continue;
    best = g;
    bestY = g.y + g.h;
  }
  return best;
}

function scanBelow(b: LayoutBlock, blocks: LayoutBlock[], rules: Box[]) {
  let best: LayoutBlock | null = null;
  for (const c of blocks) {
    if (c === b || c.y0 < b.y1 - 2) continue;
    if (overlap(c.x0, c.x1, b.x0, b.x1) < 0.3 * Math.min(c.x1 - c.x0, b.x1 - b.x0)) continue;
    if (!best || c.y0 < best.y0) best = c;
  }
  if (!best) return null;
  const top = best.y0;
  return rules.some((r) => r.y >= b.y1 - 2 && r.y <= top + 2 && overlap(r.x, r.x + r.w, b.x0, b.x1) > 0)
    ? null
    : best;
}

describe("nearBlocks", () => {
  it("finds what a scan of every block finds, ties included, over random pages", () => {
    let found = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const next = seededRandom(seed);
      const blocks = page(next, 60);
      const images: Box[] = [{ x: 100, y: 150, w: 120, h: 40 }];
      const rules: Box[] = [{ x: 0, y: 200 + Math.floor(next() * 5) * 20, w: 300, h: 2 }];
      const near = nearBlocks(blocks, images, rules);
      for (const b of blocks) {
        expect(near.above(b, b.x0, b.x1)).toBe(scanAbove(b, b.x0, b.x1, blocks, images, rules));
        expect(near.below(b)).toBe(scanBelow(b, blocks, rules));
        if (near.above(b, b.x0, b.x1) && near.below(b)) found++;
      }
      expect(near.above({ y0: 150 }, 100, 220)).toBe(scanAbove({ y0: 150 }, 100, 220, blocks, images, rules));
    }
    // The pages are dense enough that most blocks have something above and below them.
    expect(found).toBeGreaterThan(800);
  });

  it("reads every block in order when a block has a NaN edge", () => {
    const blocks = [block(0, 0, 0, 100, 10), block(1, 0, Number.NaN, 100, 30), block(2, 0, 40, 100, 50)];
    const near = nearBlocks(blocks, [], []);
    expect(near.above(blocks[2]!, 0, 100)).toBe(scanAbove(blocks[2]!, 0, 100, blocks, [], []));
    expect(near.below(blocks[0]!)).toBe(scanBelow(blocks[0]!, blocks, []));
  });
});
