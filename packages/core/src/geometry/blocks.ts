import type { Graphic } from "../ingest/ingest.ts";
import { bottom, medianOf, overlap, right } from "./box.ts";
import type { LayoutLine, PreparedPage } from "./prepare.ts";
import { stableOrder } from "./stable-order.ts";

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

/**
 * A `LayoutBlock` as `buildBlocks` opens it, on its first line. A class, not an object literal:
 * V8 learns from a literal's allocation site that its objects outlive a young-generation
 * collection (blocks live as long as the page's layout) and then allocates them in the old
 * generation, where they die with the page and wait for a full collection; objects a
 * constructor makes stay young.
 */
class Block implements LayoutBlock {
  declare id: number;
  declare lines: LayoutLine[];
  declare x0: number;
  declare x1: number;
  declare y0: number;
  declare y1: number;
  declare ratio: number;
  declare size: number;
  declare column: number | undefined;

  constructor(id: number, line: LayoutLine) {
    this.id = id;
    // `Array.of`, not `[line]`: an array literal has an allocation site of its own.
    this.lines = Array.of(line);
    this.x0 = line.box.x;
    this.x1 = right(line.box);
    this.y0 = line.box.y;
    this.y1 = bottom(line.box);
    this.ratio = line.ratio;
    this.size = line.size;
    // Set from the start so every block has one shape (findColumns fills it in).
    this.column = undefined;
  }
}

/**
 * The sorted lines' edges and sizes in flat arrays, by position in `lines`: the neighbour
 * searches read them many times over. `right` is `x + w`, `bottom` is `y + h`.
 */
interface Sorted {
  lines: LayoutLine[];
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  right: Float64Array;
  bottom: Float64Array;
  size: Float64Array;
  /** The lowest bottom of the lines up to each position: no line before it ends lower. */
  reach: Float64Array;
  /**
   * Every edge and size is finite and no box is upside down (bottom below top): the searches may
   * then rely on the order of the tops and on a bottom never above its top.
   */
  plain: boolean;
  /** This sort's number, told from other pages' (see `widest`). */
  serial: number;
}

/** The lines by top, then left edge (a stable sort: ties keep the lines' order). */
function sortLines(lines: readonly LayoutLine[]): Sorted {
  const n = lines.length;
  const tops = new Float64Array(n);
  const lefts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tops[i] = lines[i]!.box.y;
    lefts[i] = lines[i]!.box.x;
  }
  const order = stableOrder(tops, lefts);
  const sorted: LayoutLine[] = [];
  for (let i = 0; i < n; i++) sorted.push(lines[order[i]!]!);
  const out: Sorted = {
    lines: sorted,
    x: new Float64Array(n),
    y: new Float64Array(n),
    w: new Float64Array(n),
    h: new Float64Array(n),
    right: new Float64Array(n),
    bottom: new Float64Array(n),
    size: new Float64Array(n),
    reach: new Float64Array(n),
    plain: true,
    serial: serials++,
  };
  let plain = true;
  let reach = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const l = sorted[i]!;
    out.x[i] = l.box.x;
    out.y[i] = l.box.y;
    out.w[i] = l.box.w;
    out.h[i] = l.box.h;
    out.right[i] = right(l.box);
    out.bottom[i] = bottom(l.box);
    out.size[i] = l.size;
    // (NaN, which no order holds, stays: no search stops on it.)
    reach = Math.max(reach, out.bottom[i]!);
    out.reach[i] = reach;
    if (
      !(
        Number.isFinite(out.x[i]! + out.right[i]! + out.y[i]! + out.bottom[i]! + out.size[i]!) &&
        out.bottom[i]! >= out.y[i]!
      )
    )
      plain = false;
  }
  out.plain = plain;
  return out;
}

/**
 * The widest line (`right - x`) among positions `k .. k + 2^l - 1` of the sorted lines numbered
 * `wideOf` (`Sorted.serial`) at `wide[l * n + k]`: a sparse table, built the first time `widest`
 * asks about those lines, in one buffer reused from page to page.
 */
let wide = new Float64Array(1024);
let wideOf = -1;
/** The number of the next `Sorted`. */
let serials = 0;

/** The widest of the sorted lines at positions `lo .. hi - 1` (`lo < hi`; plain lines). */
function widest(at: Sorted, lo: number, hi: number): number {
  const n = at.y.length;
  if (wideOf !== at.serial) {
    const levels = 32 - Math.clz32(n);
    if (wide.length < levels * n) wide = new Float64Array(2 * levels * n);
    const { x: xs, right: rights } = at;
    for (let k = 0; k < n; k++) wide[k] = rights[k]! - xs[k]!;
    for (let l = 1, half = 1; l < levels; l++, half *= 2) {
      const row = l * n;
      const prev = row - n;
      for (let k = 0; k + 2 * half <= n; k++)
        wide[row + k] = Math.max(wide[prev + k]!, wide[prev + k + half]!);
    }
    wideOf = at.serial;
  }
  const l = 31 - Math.clz32(hi - lo);
  return Math.max(wide[l * n + lo]!, wide[l * n + hi - (1 << l)]!);
}

/** Groups the prepared lines into blocks, in top-to-bottom order of their first lines. */
export function buildBlocks(page: PreparedPage): LayoutBlock[] {
  const at = sortLines(page.lines);
  const sorted = at.lines;
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
    const p = rowPartner(at, i);
    // (Reading index -1 of an array is a slow property lookup: test the position first.)
    const partner = p >= 0 ? sorted[p] : undefined;
    const home = p >= 0 ? blockAt[p] : undefined;
    if (partner && home) {
      // OCR cut one printed line in two at a wide justified space: keep the pieces together.
      // The partner is one of the block's last lines: search from the end.
      const pos = home.lines.lastIndexOf(partner);
      const right = line.box.x >= partner.box.x;
      let k = pos;
      if (right) while (k + 1 < home.lines.length && home.lines[k + 1]!.partOfRow) k++;
      home.lines.splice(right ? k + 1 : pos, 0, line);
      if (right) line.partOfRow = true;
      else partner.partOfRow = true;
      home.x0 = Math.min(home.x0, line.box.x);
      home.x1 = Math.max(home.x1, line.box.x + line.box.w);
      home.y1 = Math.max(home.y1, bottom(line.box));
      blockAt[i] = home;
      continue;
    }
    const a = nearestAbove(at, i, maxSize, maxHeight);
    const above = a >= 0 ? sorted[a] : undefined;
    const block = a >= 0 ? blockAt[a] : undefined;
    if (above && block && canJoin(block, above, line, rules, page.bodySize)) {
      block.lines.push(line);
      block.x0 = Math.min(block.x0, line.box.x);
      block.x1 = Math.max(block.x1, right(line.box));
      block.y1 = Math.max(block.y1, bottom(line.box));
      blockAt[i] = block;
      continue;
    }
    const fresh = new Block(blocks.length, line);
    blocks.push(fresh);
    blockAt[i] = fresh;
  }
  for (const b of blocks) {
    const n = b.lines.length;
    for (let k = 0; k < n; k++) scratch[k] = b.lines[k]!.ratio;
    b.ratio = medianOf(scratch, n) ?? 1;
    for (let k = 0; k < n; k++) scratch[k] = b.lines[k]!.size;
    b.size = medianOf(scratch, n) ?? 1;
  }
  return blocks;
}

/** Reused for the values of one block or one run of lines at a time. */
const scratch: number[] = [];

/**
 * An earlier line printed on the same row as line `i`, of the same size, separated from it
 * by a space inside a column: the printed lines right above and below run their words across
 * the gap. That is the other piece of a line OCR cut in two at a wide justified space. Its
 * position in the sorted lines, or -1 when there is none.
 */
function rowPartner(at: Sorted, i: number): number {
  const { x: xs, y: ys, h: hs, right: rights, bottom: bottoms, size: sizes } = at;
  const size = sizes[i]!;
  const x = xs[i]!;
  const y = ys[i]!;
  const h = hs[i]!;
  const r = rights[i]!;
  const b = bottoms[i]!;
  for (let j = i - 1; j >= 0; j--) {
    if (ys[j]! < y - 2 * size) break;
    const shared = overlap(ys[j]!, bottoms[j]!, y, b);
    if (shared < 0.6 * Math.min(hs[j]!, h)) continue;
    const ratio = size / sizes[j]!;
    if (ratio < 0.8 || ratio > 1.25) continue;
    const g0 = Math.min(rights[j]!, r);
    const g1 = Math.max(xs[j]!, x);
    if (g1 < g0 || g1 - g0 > 8 * size) continue;
    const x0 = Math.min(xs[j]!, x);
    const x1 = Math.max(rights[j]!, r);
    if (bridged(at, i, (g0 + g1) / 2, size, x0, x1) || noChannel(at, i, j, g0, g1, size, x0, x1)) return j;
  }
  return -1;
}

/**
 * Whether the gap from `g0` to `g1` between lines `i` and `j` (one row, pieces spanning
 * `x0..x1`) is a space inside a column rather than a gutter, judged by the lines of their size
 * within a few rows above and below (`bridged` asks the nearest line on each side only; in a
 * narrow justified column that one is often cut too, short or missing). A gutter is a channel:
 * some x inside the gap that no word of those lines crosses, with lines ending flush at its left
 * edge or starting flush at its right edge, line after line. A justified space is wide on its
 * own row only: the words around cross every part of it, and more lines cross its middle than
 * stop flush at it. One of the lines crossing it must span both pieces (they lie in its measure).
 */
function noChannel(
  at: Sorted,
  i: number,
  j: number,
  g0: number,
  g1: number,
  size: number,
  x0: number,
  x1: number,
): boolean {
  // Pieces of one source line were cut by the gutter split, which weighed this gap already.
  if (at.lines[i]!.index === at.lines[j]!.index) return false;
  const { x: xs, y: ys, right: rights, bottom: bottoms, size: sizes } = at;
  const n = ys.length;
  const top = Math.min(ys[i]!, ys[j]!);
  const foot = Math.max(bottoms[i]!, bottoms[j]!);
  const x = (g0 + g1) / 2;
  // Points across the gap, about a quarter of the type size apart; `covered` marks those a word
  // of some line around crosses.
  const points = Math.min(covered.length, Math.max(3, Math.ceil((4 * (g1 - g0)) / size)));
  const step = (g1 - g0) / points;
  if (!(step > 0)) return false;
  let across = 0;
  let flush = 0;
  let spans = false;
  let k = Math.min(i, j);
  while (k > 0 && ys[k - 1]! >= top - 5 * size) k--;
  // The last line around that may span the pieces: past it, no line can settle `spans`.
  let last = n;
  if (at.plain) {
    // Tops are in order: the lines around are one run of positions, `k .. end - 1`.
    // One of them must span the pieces, its ends within a size or two of theirs: when even the
    // widest of the run is narrower than that (as across a gutter, the pieces being lines of two
    // columns: two thirds of the pairs tested), the gap is no space inside a line, told without
    // reading a line (the 0.001 px absorbs rounding); else when no line of the run above or
    // below and of the size has its ends there (half the rest). (Linear walks: a binary search
    // for the ends, its branches unforeseeable, cost more than the walks on these short runs.)
    let end = Math.max(i, j) + 1;
    while (end < n && ys[end]! <= foot + 5 * size) end++;
    if (end <= k || widest(at, k, end) < x1 - x0 - 2 * size - 0.001) return false;
    last = -1;
    for (let q = k; q < end; q++) {
      if (!(bottoms[q]! <= top + 2 || ys[q]! >= foot - 2)) continue;
      if (sizes[q]! > size * 1.25 || sizes[q]! < size * 0.8) continue;
      const a = xs[q]!;
      const z = rights[q]!;
      if (a <= x0 + size && a >= x0 - 2 * size && z >= x1 - size && z <= x1 + size) last = q;
    }
    if (last < 0) return false;
  }
  covered.fill(0, 0, points);
  for (; k < n; k++) {
    if (k > last && !spans) return false;
    const y = ys[k]!;
    if (y > foot + 5 * size) break;
    // Only lines above or below the row (and not NaN, which fails every test here).
    if (!(bottoms[k]! <= top + 2 || y >= foot - 2) || y < top - 5 * size) continue;
    if (sizes[k]! > size * 1.25 || sizes[k]! < size * 0.8) continue;
    const a = xs[k]!;
    const z = rights[k]!;
    if (z <= g0 || a >= g1) {
      // Lines flush at both edges and none across: a gutter (most gaps tested are, between
      // the lines of two columns side by side), told without reading the rest.
      if (((z <= x && z >= g0 - size) || (a >= x && a <= g1 + size)) && ++flush >= 4 && across === 0)
        return false;
      continue;
    }
    const words = at.lines[k]!.words;
    let mid = false;
    if (!words) {
      cover(a, z, g0, step, points);
      mid = a < x && z > x;
    } else {
      for (let w = 0; w < words.length; w++) {
        const b = words[w]!.box;
        if (b.x + b.w <= g0 || b.x >= g1) continue;
        cover(b.x, b.x + b.w, g0, step, points);
        if (b.x < x && b.x + b.w > x) mid = true;
      }
    }
    if (mid) {
      across++;
      if (a <= x0 + size && a >= x0 - 2 * size && z >= x1 - size && z <= x1 + size) spans = true;
    } else if ((z <= x && z >= g0 - size) || (a >= x && a <= g1 + size)) flush++;
  }
  if (!spans || across <= flush) return false;
  for (let p = 0; p < points; p++) if (covered[p] === 0) return false;
  return true;
}

/** Which points across a gap a word of the lines around crosses (see `noChannel`). */
const covered = new Uint8Array(32);

/** Marks the points `g0 + (p + 0.5) * step` (p < `points`) that lie inside `a..z` as covered. */
function cover(a: number, z: number, g0: number, step: number, points: number): void {
  const from = Math.max(0, Math.ceil((a - g0) / step - 0.5));
  const to = Math.min(points - 1, Math.floor((z - g0) / step - 0.5));
  for (let p = from; p <= to; p++) covered[p] = 1;
}

/**
 * Whether the nearest lines above and below line `i` at `x` both carry a word across `x` and
 * both span `x0..x1` (the two pieces lie in their measure, not in two columns).
 */
function bridged(at: Sorted, i: number, x: number, size: number, x0: number, x1: number): boolean {
  if (at.plain) return bridgedPlain(at, i, x, size, x0, x1);
  const { x: xs, y: ys, right: rights, bottom: bottoms, size: sizes } = at;
  const n = ys.length;
  const y0 = ys[i]!;
  const y1 = bottoms[i]!;
  let up = -1;
  let down = -1;
  // Lines are sorted by top: look only at those within a few sizes of this one.
  let from = i;
  while (from > 0 && ys[from - 1]! >= y0 - 5 * size) from--;
  for (let k = from; k < n; k++) {
    if (ys[k]! > y1 + 2 * size) break;
    if (xs[k]! > x || rights[k]! < x || sizes[k]! > size * 1.25 || sizes[k]! < size * 0.8) continue;
    const top = ys[k]!;
    const foot = bottoms[k]!;
    if (foot <= y0 + 2 && y0 - foot < 2 * size && (up < 0 || top > ys[up]!)) up = k;
    if (top >= y1 - 2 && top - y1 < 2 * size && (down < 0 || top < ys[down]!)) down = k;
  }
  return crosses(at, up, x, size, x0, x1) && crosses(at, down, x, size, x0, x1);
}

/**
 * `bridged` for plain lines (see `Sorted.plain`): the same lines found, searching less. Tops are
 * in order and a line's foot is not above its top, so the line above (the lowest top of those
 * ending just above line `i`) is the first such line met walking up from `i`'s row, and the line
 * below (the highest top starting just below) the first met walking down; ties go to the earlier
 * line, as in the full scan. The line below is not searched for when the line above fails.
 */
function bridgedPlain(at: Sorted, i: number, x: number, size: number, x0: number, x1: number): boolean {
  const { x: xs, y: ys, right: rights, bottom: bottoms, size: sizes } = at;
  const n = ys.length;
  const y0 = ys[i]!;
  const y1 = bottoms[i]!;
  const low = y0 - 5 * size;
  // A line ending at most 2 px under this one's top starts no lower than that.
  let k = i;
  while (k + 1 < n && ys[k + 1]! <= y0 + 2) k++;
  let up = -1;
  for (; k >= 0 && ys[k]! >= low; k--) {
    if (up >= 0 && ys[k]! < ys[up]!) break;
    if (xs[k]! > x || rights[k]! < x || sizes[k]! > size * 1.25 || sizes[k]! < size * 0.8) continue;
    const foot = bottoms[k]!;
    if (foot <= y0 + 2 && y0 - foot < 2 * size) up = k;
  }
  if (!crosses(at, up, x, size, x0, x1)) return false;
  k = i;
  while (k > 0 && ys[k - 1]! >= y1 - 2) k--;
  while (k < n && ys[k]! < y1 - 2) k++;
  let down = -1;
  for (; k < n; k++) {
    const top = ys[k]!;
    if (top > y1 + 2 * size) break;
    if (xs[k]! > x || rights[k]! < x || sizes[k]! > size * 1.25 || sizes[k]! < size * 0.8) continue;
    if (top >= y1 - 2 && top - y1 < 2 * size) {
      down = k;
      break;
    }
  }
  return crosses(at, down, x, size, x0, x1);
}

/** Whether line `k` (-1 for none) spans `x0..x1` and carries a word (or its box) across `x`. */
function crosses(at: Sorted, k: number, x: number, size: number, x0: number, x1: number): boolean {
  if (k < 0 || !(at.x[k]! <= x0 + size && at.right[k]! >= x1 - size)) return false;
  const words = at.lines[k]!.words;
  if (!words) return at.x[k]! < x && at.x[k]! + at.w[k]! > x;
  for (let j = 0; j < words.length; j++) {
    const b = words[j]!.box;
    if (b.x < x && b.x + b.w > x) return true;
  }
  return false;
}

/**
 * The nearest line above line `i` that overlaps it horizontally: its position in the sorted
 * lines, or -1. `maxHeight` is the tallest line box on the page.
 */
function nearestAbove(at: Sorted, i: number, maxSize: number, maxHeight: number): number {
  const { x: xs, y: ys, w: ws, right: rights, bottom: bottoms, reach: reaches } = at;
  const x = xs[i]!;
  const y = ys[i]!;
  const w = ws[i]!;
  const h = at.h[i]!;
  const r = rights[i]!;
  let best = -1;
  let bestGap = Number.POSITIVE_INFINITY;
  let bestOverlap = 0;
  for (let j = i - 1; j >= 0; j--) {
    const top = ys[j]!;
    if (top < y - 8 * maxSize) break;
    // Tops only fall from here on: once even the tallest box starting here would leave a gap
    // well over the best one's (ties are within 1 px), no line further up can be nearer; nor
    // can one once every line from here up ends that far above.
    if (y - top - maxHeight > bestGap + 2 || y - reaches[j]! > bestGap + 2) break;
    const ov = overlap(xs[j]!, rights[j]!, x, r);
    if (ov < 0.3 * Math.min(ws[j]!, w)) continue;
    // The line above must end above this one's middle: lines side by side are not stacked.
    if (bottoms[j]! > y + h * 0.5) continue;
    const gap = y - bottoms[j]!;
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
  const t0 = above.regionType;
  const t1 = line.regionType;
  if (t0 && t1 && t0 !== t1) return false;
  // Compare with the block's usual size: one line OCR measured large does not break a column,
  // as long as it fills the column's measure like its neighbours.
  const from = Math.max(0, block.lines.length - 12);
  for (let k = from; k < block.lines.length; k++) scratch[k - from] = block.lines[k]!.size;
  const usualSize = medianOf(scratch, block.lines.length - from) ?? above.size;
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
