import type { GeoLine } from "../ingest/ingest.ts";
import { joinWords } from "../ingest/words.ts";
import { medianOf, unionBoxes } from "./box.ts";

/**
 * Cutting lines that OCR ran across a column gutter. A gap between two words (at least 0.6 of
 * the type size) is a gutter when it is a clear channel: no word of the lines printed just
 * above or below crosses its middle — a wide space in a justified line always has words above
 * and below it. A gap of several ems with no lines around (a running head) is one too, and so is
 * a gap over a gutter between two columns already found on the page (from a first layout pass).
 */

/** A line with its position in the ingested page's `lines`. */
export interface IndexedLine {
  line: GeoLine;
  index: number;
}

/** A word gap wide enough to be a gutter: after word `at - 1`, from `g0` to `g1` (pixels). */
interface WideGap {
  at: number;
  g0: number;
  g1: number;
  /** Whether the lines around make it a gutter on their own (a clear channel, or alone and wide). */
  channel: boolean;
}

/**
 * What `splitAtGutters` learns about a page's lines that does not depend on the gutters: each
 * line's wide gaps and whether they are channels. Keep one per page to share it between passes.
 */
export interface GutterCache {
  /** By the line's position in the page's `lines`. */
  gaps: Array<WideGap[] | undefined>;
  tester?: ChannelTester;
}

/** Tests a vertical line through the lines around a line (see `channelTester`). */
export type ChannelTester = (
  x: number,
  y: number,
  size: number,
  self: GeoLine,
) => "clear" | "crossed" | "alone";

/** An empty `GutterCache`. */
export function createGutterCache(): GutterCache {
  return { gaps: [] };
}

/**
 * Splits lines that OCR ran across a column gutter into pieces (see the module comment), so the
 * layout sees each column's text where it is printed. `gutters` are [left, right] gaps between
 * columns found on the page. The piece with the most characters keeps the line's id; the others
 * get `ID+2`, `ID+3`, … and their own words. A line not cut is returned as is (same object).
 */
export function splitAtGutters(
  lines: IndexedLine[],
  gutters: ReadonlyArray<readonly [number, number]> = [],
  cache: GutterCache = createGutterCache(),
): IndexedLine[] {
  const out: IndexedLine[] = [];
  for (const x of lines) {
    const words = x.line.words ?? [];
    let gaps = cache.gaps[x.index];
    if (!gaps) {
      gaps = wideGaps(x.line, lines, cache);
      cache.gaps[x.index] = gaps;
    }
    const cuts: number[] = [];
    for (const { at, g0, g1, channel } of gaps) {
      // A gap over a gutter between two columns found on the page is a gutter whatever is around it.
      let overGutter = false;
      for (const [a, b] of gutters) {
        const mid = (a + b) / 2;
        if (g0 <= mid && g1 >= mid && g1 - g0 >= 0.6 * (b - a)) overGutter = true;
      }
      if (overGutter || channel) cuts.push(at);
    }
    if (cuts.length === 0) out.push(x);
    else for (const piece of cutLine(x, words, cuts)) out.push(piece);
  }
  return out;
}

/** Reused by `wideGaps` for the word heights of one line at a time. */
const heights: number[] = [];

function wideGaps(line: GeoLine, lines: readonly IndexedLine[], cache: GutterCache): WideGap[] {
  const words = line.words;
  if (!words || words.length < 2) return noGaps;
  // Most lines have no gap near the type size: the widest gap against the shortest word rules
  // them out before the median height is needed (the median is at least the shortest).
  let widest = Number.NEGATIVE_INFINITY;
  let shortest = Number.POSITIVE_INFINITY;
  // A NaN height or gap would pass the width test below: such a line takes the general path.
  let odd = false;
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.box;
    heights[i] = b.h;
    if (b.h < shortest) shortest = b.h;
    else if (Number.isNaN(b.h)) odd = true;
    if (i > 0) {
      const p = words[i - 1]!.box;
      const gap = b.x - (p.x + p.w);
      if (gap > widest) widest = gap;
      else if (Number.isNaN(gap)) odd = true;
    }
  }
  const box = line.box!;
  if (!odd && widest < 0.6 * shortest) return noGaps;
  const size = medianOf(heights, words.length) ?? box.h;
  let gaps: WideGap[] | null = null;
  for (let i = 1; i < words.length; i++) {
    const g0 = words[i - 1]!.box.x + words[i - 1]!.box.w;
    const g1 = words[i]!.box.x;
    if (g1 - g0 < 0.6 * size) continue;
    cache.tester ??= channelTester(lines.map((l) => l.line));
    const around = cache.tester((g0 + g1) / 2, box.y, size, line);
    gaps ??= [];
    gaps.push({ at: i, g0, g1, channel: around === "clear" || (around === "alone" && g1 - g0 >= 3 * size) });
  }
  return gaps ?? noGaps;
}

/** The gaps of a line without a wide one (shared: never written to). */
const noGaps: WideGap[] = [];

function cutLine(
  x: IndexedLine,
  words: NonNullable<GeoLine["words"]>,
  cuts: readonly number[],
): IndexedLine[] {
  const groups: (typeof words)[] = [];
  let start = 0;
  for (const c of [...cuts, words.length]) {
    groups.push(words.slice(start, c));
    start = c;
  }
  const chars = groups.map((g) => g.reduce((n, w) => n + w.text.length, 0));
  const keep = chars.indexOf(Math.max(...chars));
  let k = 1;
  return groups.map((g, i) => {
    const box = unionBoxes(g.map((w) => w.box))!;
    const id = i === keep ? x.line.id : `${x.line.id}+${++k}`;
    const { slope, paragraph, region, regionType, fontSize } = x.line;
    const piece: GeoLine = { id, text: joinWords(g.map((w) => w.text)), box, words: g };
    if (slope !== undefined) piece.slope = slope;
    if (paragraph) piece.paragraph = paragraph;
    if (region) piece.region = region;
    if (regionType) piece.regionType = regionType;
    if (fontSize) piece.fontSize = fontSize;
    return { line: piece, index: x.index };
  });
}

/**
 * Tests whether the vertical line at `x` runs clear of words through the lines printed within
 * 8 type sizes above and below `y`: "clear" with at least six such lines and no word across it
 * (a gutter), "crossed" when a word crosses it (a space inside a column), "alone" when there are
 * too few lines around to tell.
 */
export function channelTester(lines: readonly GeoLine[]): ChannelTester {
  const byY = lines.filter((l) => l.box).sort((a, b) => a.box!.y - b.box!.y);
  const tops = new Float64Array(byY.length);
  // Each line's words span from `left` to `right`: a vertical line outside never crosses a word.
  const left = new Float64Array(byY.length);
  const right = new Float64Array(byY.length);
  byY.forEach((l, k) => {
    tops[k] = l.box!.y;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    for (const w of l.words ?? []) {
      x0 = Math.min(x0, w.box.x);
      x1 = Math.max(x1, w.box.x + w.box.w);
    }
    // A NaN coordinate (Math.min/max pass it on) leaves the span open: such a line is searched.
    left[k] = Number.isNaN(x0) ? Number.NEGATIVE_INFINITY : x0;
    right[k] = Number.isNaN(x1) ? Number.POSITIVE_INFINITY : x1;
  });
  return (x, y, size, self) => {
    let neighbours = 0;
    for (let k = upper(tops, y - 8 * size); k < byY.length && tops[k]! <= y + 8 * size; k++) {
      const other = byY[k]!;
      if (other === self || other.id === self.id) continue;
      neighbours++;
      if (!(left[k]! < x && right[k]! > x)) continue;
      for (const w of other.words ?? []) if (w.box.x < x && w.box.x + w.box.w > x) return "crossed";
    }
    return neighbours >= 6 ? "clear" : "alone";
  };
}

/** The first index whose value is above `v` in an ascending array. */
function upper(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
