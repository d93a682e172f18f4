import type { Graphic } from "../ingest/ingest.ts";
import { bottom, median, overlap, right } from "./box.ts";
import type { LayoutLine, PreparedPage } from "./prepare.ts";

/**
 * Blocks: runs of lines stacked in one column with one size and one measure, the unit the
 * layout reasons about. Built top-down: a line joins the block of the nearest line above it
 * when sizes match, the gap is ordinary leading, it sits within that block's measure and no
 * rule lies between; otherwise it opens a block.
 */

/** A run of stacked lines (see the module comment). */
export interface LayoutBlock {
  id: number;
  lines: LayoutLine[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Median size ratio of its lines. */
  ratio: number;
  /** Median font size in pixels. */
  size: number;
  /** Index in the page's columns, once known. */
  column?: number;
}

/** Groups the prepared lines into blocks, in top-to-bottom order of their first lines. */
export function buildBlocks(page: PreparedPage): LayoutBlock[] {
  const sorted = [...page.lines].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const rules = page.graphics.filter((g) => g.kind === "separator" && g.box.w > g.box.h);
  const blockOf = new Map<LayoutLine, LayoutBlock>();
  const blocks: LayoutBlock[] = [];
  const maxSize = Math.max(...sorted.map((l) => l.size), 1);
  sorted.forEach((line, i) => {
    const above = nearestAbove(sorted, i, maxSize);
    const block = above ? blockOf.get(above) : undefined;
    if (above && block && canJoin(block, above, line, rules)) {
      block.lines.push(line);
      block.x0 = Math.min(block.x0, line.box.x);
      block.x1 = Math.max(block.x1, right(line.box));
      block.y1 = Math.max(block.y1, bottom(line.box));
      blockOf.set(line, block);
      return;
    }
    const fresh: LayoutBlock = {
      id: blocks.length,
      lines: [line],
      x0: line.box.x,
      x1: right(line.box),
      y0: line.box.y,
      y1: bottom(line.box),
      ratio: line.ratio,
      size: line.size,
    };
    blocks.push(fresh);
    blockOf.set(line, fresh);
  });
  for (const b of blocks) {
    b.ratio = median(b.lines.map((l) => l.ratio)) ?? 1;
    b.size = median(b.lines.map((l) => l.size)) ?? 1;
  }
  return blocks;
}

/** The nearest line above `sorted[i]` that overlaps it horizontally, or null. */
function nearestAbove(sorted: readonly LayoutLine[], i: number, maxSize: number): LayoutLine | null {
  const line = sorted[i]!;
  const b = line.box;
  let best: LayoutLine | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  let bestOverlap = 0;
  for (let j = i - 1; j >= 0; j--) {
    const u = sorted[j]!;
    if (u.box.y < b.y - 8 * maxSize) break;
    const ov = overlap(u.box.x, right(u.box), b.x, right(b));
    if (ov < 0.3 * Math.min(u.box.w, b.w)) continue;
    // The line above must end above this one's middle: lines side by side are not stacked.
    if (bottom(u.box) > b.y + b.h * 0.5) continue;
    const gap = b.y - bottom(u.box);
    if (gap < bestGap - 1 || (Math.abs(gap - bestGap) <= 1 && ov > bestOverlap)) {
      best = u;
      bestGap = gap;
      bestOverlap = ov;
    }
  }
  return best;
}

function canJoin(
  block: LayoutBlock,
  above: LayoutLine,
  line: LayoutLine,
  rules: readonly Graphic[],
): boolean {
  if (block.lines[block.lines.length - 1] !== above) return false;
  const sizeRatio = line.size / above.size;
  if (sizeRatio < 0.87 || sizeRatio > 1.15) return false;
  const size = Math.max(line.size, above.size);
  const gap = line.box.y - bottom(above.box);
  if (gap > 1.0 * size) return false;
  if (block.lines.length >= 2) {
    const prev = block.lines[block.lines.length - 2]!;
    const usual = above.box.y - bottom(prev.box);
    if (gap > Math.max(usual * 1.8, usual + 0.35 * size)) return false;
  }
  const cell = Math.max(line.cell, above.cell, 1);
  const inside = line.box.x >= block.x0 - 1.5 * cell && right(line.box) <= block.x1 + 1.5 * cell;
  const leftAligned = Math.abs(line.box.x - block.x0) <= 3 * cell;
  const rightAligned = Math.abs(right(line.box) - block.x1) <= 1.5 * cell;
  const widths = Math.max(line.box.w, block.x1 - block.x0);
  const shared = overlap(block.x0, block.x1, line.box.x, right(line.box));
  if (block.lines.length === 1) {
    if (!(leftAligned || rightAligned || shared >= 0.5 * widths)) return false;
  } else if (!inside && !(leftAligned && line.box.w <= (block.x1 - block.x0) * 1.15)) return false;
  const y0 = bottom(above.box);
  const y1 = line.box.y;
  for (const r of rules) {
    const ry = r.box.y + r.box.h / 2;
    if (
      ry >= y0 - 2 &&
      ry <= y1 + 2 &&
      overlap(r.box.x, right(r.box), line.box.x, right(line.box)) > 0.3 * line.box.w
    ) {
      return false;
    }
  }
  return true;
}
