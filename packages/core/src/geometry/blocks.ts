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
  // The block of each line, by its position in `sorted`.
  const blockAt: LayoutBlock[] = [];
  const blocks: LayoutBlock[] = [];
  let maxSize = 1;
  let maxHeight = 0;
  for (const l of sorted) {
    maxSize = Math.max(maxSize, l.size);
    maxHeight = Math.max(maxHeight, l.box.h);
  }
  for (let i = 0; i < sorted.length; i++) {
    const line = sorted[i]!;
    const p = rowPartner(sorted, i);
    const partner = sorted[p];
    const home = blockAt[p];
    if (partner && home) {
      // OCR cut one printed line in two at a wide justified space: keep the pieces together.
      const at = home.lines.indexOf(partner);
      const right = line.box.x >= partner.box.x;
      let k = at;
      if (right) while (k + 1 < home.lines.length && home.lines[k + 1]!.partOfRow) k++;
      home.lines.splice(right ? k + 1 : at, 0, line);
      if (right) line.partOfRow = true;
      else partner.partOfRow = true;
      home.x0 = Math.min(home.x0, line.box.x);
      home.x1 = Math.max(home.x1, line.box.x + line.box.w);
      home.y1 = Math.max(home.y1, bottom(line.box));
      blockAt[i] = home;
      continue;
    }
    const a = nearestAbove(sorted, i, maxSize, maxHeight);
    const above = sorted[a];
    const block = blockAt[a];
    if (above && block && canJoin(block, above, line, rules, page.bodySize)) {
      block.lines.push(line);
      block.x0 = Math.min(block.x0, line.box.x);
      block.x1 = Math.max(block.x1, right(line.box));
      block.y1 = Math.max(block.y1, bottom(line.box));
      blockAt[i] = block;
      continue;
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
      // Set from the start so every block has one shape (findColumns fills it in).
      column: undefined,
    };
    blocks.push(fresh);
    blockAt[i] = fresh;
  }
  for (const b of blocks) {
    b.ratio = median(b.lines.map((l) => l.ratio)) ?? 1;
    b.size = median(b.lines.map((l) => l.size)) ?? 1;
  }
  return blocks;
}

/**
 * An earlier line printed on the same row as `sorted[i]`, of the same size, separated from it
 * by a space inside a column: the printed lines right above and below run their words across
 * the gap. That is the other piece of a line OCR cut in two at a wide justified space. Its
 * position in `sorted`, or -1 when there is none.
 */
function rowPartner(sorted: readonly LayoutLine[], i: number): number {
  const line = sorted[i]!;
  const b = line.box;
  for (let j = i - 1; j >= 0; j--) {
    const p = sorted[j]!;
    if (p.box.y < b.y - 2 * line.size) break;
    const shared = overlap(p.box.y, bottom(p.box), b.y, bottom(b));
    if (shared < 0.6 * Math.min(p.box.h, b.h)) continue;
    const ratio = line.size / p.size;
    if (ratio < 0.8 || ratio > 1.25) continue;
    const g0 = Math.min(right(p.box), right(b));
    const g1 = Math.max(p.box.x, b.x);
    if (g1 < g0 || g1 - g0 > 8 * line.size) continue;
    if (
      bridged(sorted, i, (g0 + g1) / 2, line.size, Math.min(p.box.x, b.x), Math.max(right(p.box), right(b)))
    ) {
      return j;
    }
  }
  return -1;
}

/**
 * Whether the nearest lines above and below `sorted[i]` at `x` both carry a word across `x`
 * and both span `x0..x1` (the two pieces lie in their measure, not in two columns).
 */
function bridged(
  sorted: readonly LayoutLine[],
  i: number,
  x: number,
  size: number,
  x0: number,
  x1: number,
): boolean {
  const y0 = sorted[i]!.box.y;
  const y1 = bottom(sorted[i]!.box);
  let up: LayoutLine | null = null;
  let down: LayoutLine | null = null;
  // Lines are sorted by top: look only at those within a few sizes of this one.
  let from = i;
  while (from > 0 && sorted[from - 1]!.box.y >= y0 - 5 * size) from--;
  for (let k = from; k < sorted.length; k++) {
    const o = sorted[k]!;
    if (o.box.y > y1 + 2 * size) break;
    if (o.box.x > x || right(o.box) < x || o.size > size * 1.25 || o.size < size * 0.8) continue;
    if (bottom(o.box) <= y0 + 2 && y0 - bottom(o.box) < 2 * size && (!up || o.box.y > up.box.y)) up = o;
    if (o.box.y >= y1 - 2 && o.box.y - y1 < 2 * size && (!down || o.box.y < down.box.y)) down = o;
  }
  const crosses = (o: LayoutLine | null) =>
    !!o &&
    o.box.x <= x0 + size &&
    right(o.box) >= x1 - size &&
    (o.line.words ?? [{ box: o.box }]).some((w) => w.box.x < x && w.box.x + w.box.w > x);
  return crosses(up) && crosses(down);
}

/**
 * The nearest line above `sorted[i]` that overlaps it horizontally: its position in `sorted`,
 * or -1. `maxHeight` is the tallest line box on the page.
 */
function nearestAbove(sorted: readonly LayoutLine[], i: number, maxSize: number, maxHeight: number): number {
  const line = sorted[i]!;
  const b = line.box;
  let best = -1;
  let bestGap = Number.POSITIVE_INFINITY;
  let bestOverlap = 0;
  for (let j = i - 1; j >= 0; j--) {
    const u = sorted[j]!;
    if (u.box.y < b.y - 8 * maxSize) break;
    // Tops only fall from here on: once even the tallest box starting here would leave a gap
    // well over the best one's (ties are within 1 px), no line further up can be nearer.
    if (b.y - u.box.y - maxHeight > bestGap + 2) break;
    const ov = overlap(u.box.x, right(u.box), b.x, right(b));
    if (ov < 0.3 * Math.min(u.box.w, b.w)) continue;
    // The line above must end above this one's middle: lines side by side are not stacked.
    if (bottom(u.box) > b.y + b.h * 0.5) continue;
    const gap = b.y - bottom(u.box);
    if (gap < bestGap - 1 || (Math.abs(gap - bestGap) <= 1 && ov > bestOverlap)) {
      best = j;
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
  bodySize: number,
): boolean {
  // `above` must be (a piece of) the block's last printed row.
  let inLastRow = false;
  for (let k = block.lines.length - 1; k >= 0; k--) {
    if (block.lines[k] === above) inLastRow = true;
    if (inLastRow || !block.lines[k]!.partOfRow) break;
  }
  if (!inLastRow) return false;
  // Regions the source labels differently (PAGE heading over paragraph) stay apart.
  const t0 = above.line.regionType;
  const t1 = line.line.regionType;
  if (t0 && t1 && t0 !== t1) return false;
  // Compare with the block's usual size: one line OCR measured large does not break a column,
  // as long as it fills the column's measure like its neighbours.
  const recent: number[] = [];
  for (let k = Math.max(0, block.lines.length - 12); k < block.lines.length; k++)
    recent.push(block.lines[k]!.size);
  const usualSize = median(recent) ?? above.size;
  const sizeRatio = line.size / usualSize;
  const fullMeasure =
    block.lines.length >= 3 &&
    Math.abs(usualSize / bodySize - 1) < 0.15 &&
    Math.abs(line.box.x - block.x0) < 2 * line.cell &&
    Math.abs(right(line.box) - block.x1) < 2 * line.cell;
  if ((sizeRatio < 0.87 || sizeRatio > 1.15) && !(fullMeasure && sizeRatio > 0.75 && sizeRatio < 1.4))
    return false;
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
