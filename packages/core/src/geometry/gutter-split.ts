import type { GeoLine } from "../ingest/ingest.ts";
import { joinWords } from "../ingest/words.ts";
import { medianOf, unionBoxes } from "./box.ts";
import { stableOrder } from "./stable-order.ts";

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

/**
 * What `splitAtGutters` learns about a page's lines that does not depend on the gutters: each
 * line's wide gaps and whether they are channels. Keep one per page to share it between passes.
 */
export interface GutterCache {
  /**
   * The wide gaps of every line measured, four numbers each: the word the gap comes before, the
   * gap's left and right edge in pixels, and 1 when the lines around make it a gutter on their
   * own (a clear channel, or alone and wide), else 0. One flat array, its first `count` numbers
   * in use: no object per gap, and no array grown a number at a time.
   */
  gaps: Float64Array;
  count: number;
  /** By the line's position in the page's `lines`: where its gaps start in `gaps` (-1 until measured). */
  from: Int32Array;
  /** By the line's position in the page's `lines`: where its gaps end in `gaps`. */
  to: Int32Array;
  tester?: ChannelTester;
}

/**
 * Tests a vertical line through the lines around a line (see `channelTester`); `self` is the
 * line's position in the lines the tester was made from.
 */
export type ChannelTester = (
  x: number,
  y: number,
  size: number,
  self: number,
) => "clear" | "crossed" | "alone";

/** An empty `GutterCache`, for a page of about `lineCount` lines (it grows when it has more). */
export function createGutterCache(lineCount = 0): GutterCache {
  const from = new Int32Array(lineCount).fill(-1);
  return { gaps: new Float64Array(8 * lineCount + 8), count: 0, from, to: new Int32Array(lineCount) };
}

/** Whether the line at `index` (its position in the page's `lines`) had its gaps measured. */
function measured(cache: GutterCache, index: number): boolean {
  return index < cache.from.length && cache.from[index]! >= 0;
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
  for (let at = 0; at < lines.length; at++) {
    const x = lines[at]!;
    if (!measured(cache, x.index)) measureGaps(lines, at, cache);
    const gaps = cache.gaps;
    let cuts: number[] | null = null;
    for (let k = cache.from[x.index]!; k < cache.to[x.index]!; k += 4) {
      const g0 = gaps[k + 1]!;
      const g1 = gaps[k + 2]!;
      if (gaps[k + 3] === 1 || overGutter(g0, g1, gutters)) {
        cuts ??= [];
        cuts.push(gaps[k]!);
      }
    }
    if (cuts === null) out.push(x);
    else for (const piece of cutLine(x, x.line.words ?? [], cuts)) out.push(piece);
  }
  return out;
}

/**
 * Whether `splitAtGutters` with `gutters` cuts some line of `lines` at a gap it does not cut
 * without them: a wide gap that is no channel, over one of the gutters. When it does not, the
 * two calls cut the same lines at the same places.
 */
export function cutsMore(
  lines: readonly IndexedLine[],
  gutters: ReadonlyArray<readonly [number, number]>,
  cache: GutterCache,
): boolean {
  if (gutters.length === 0) return false;
  for (let at = 0; at < lines.length; at++) {
    const x = lines[at]!;
    if (!measured(cache, x.index)) measureGaps(lines, at, cache);
    for (let k = cache.from[x.index]!; k < cache.to[x.index]!; k += 4) {
      if (cache.gaps[k + 3] !== 1 && overGutter(cache.gaps[k + 1]!, cache.gaps[k + 2]!, gutters)) return true;
    }
  }
  return false;
}

/**
 * Whether the gap from `g0` to `g1` lies over one of the gutters between two columns found on
 * the page (across its middle, and at least 0.6 of its width): a gutter whatever is around it.
 */
function overGutter(g0: number, g1: number, gutters: ReadonlyArray<readonly [number, number]>): boolean {
  for (let c = 0; c < gutters.length; c++) {
    const a = gutters[c]![0];
    const b = gutters[c]![1];
    const mid = (a + b) / 2;
    if (g0 <= mid && g1 >= mid && g1 - g0 >= 0.6 * (b - a)) return true;
  }
  return false;
}

/**
 * Measures the wide gaps of `lines[at]` (`lines` being the page's lines with a box) into
 * `cache`, unless measured already. `splitAtGutters` measures each line the first time it sees
 * it; a caller reading the line's words for other ends too can measure it then, while at hand.
 */
export function measureGaps(lines: readonly IndexedLine[], at: number, cache: GutterCache): void {
  const index = lines[at]!.index;
  if (measured(cache, index)) return;
  if (index >= cache.from.length) {
    const size = Math.max(index + 1, 2 * cache.from.length);
    const from = new Int32Array(size).fill(-1);
    from.set(cache.from);
    const to = new Int32Array(size);
    to.set(cache.to);
    cache.from = from;
    cache.to = to;
  }
  cache.from[index] = cache.count;
  wideGaps(lines, at, cache);
  cache.to[index] = cache.count;
}

/** Appends one gap's four numbers to `cache.gaps` (see `GutterCache`). */
function addGap(cache: GutterCache, word: number, g0: number, g1: number, gutter: number): void {
  let gaps = cache.gaps;
  const k = cache.count;
  if (k + 4 > gaps.length) {
    gaps = new Float64Array(2 * gaps.length + 4);
    gaps.set(cache.gaps);
    cache.gaps = gaps;
  }
  gaps[k] = word;
  gaps[k + 1] = g0;
  gaps[k + 2] = g1;
  gaps[k + 3] = gutter;
  cache.count = k + 4;
}

/** Reused by `wideGaps` for the word heights of one line at a time. */
const heights: number[] = [];

/** Appends the wide gaps of `lines[at]` to `cache.gaps`. */
function wideGaps(lines: readonly IndexedLine[], at: number, cache: GutterCache): void {
  const line = lines[at]!.line;
  const words = line.words;
  if (!words || words.length < 2) return;
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
  if (!odd && widest < 0.6 * shortest) return;
  const size = medianOf(heights, words.length) ?? box.h;
  for (let i = 1; i < words.length; i++) {
    const g0 = words[i - 1]!.box.x + words[i - 1]!.box.w;
    const g1 = words[i]!.box.x;
    if (g1 - g0 < 0.6 * size) continue;
    cache.tester ??= channelTester(lines.map((l) => l.line));
    const around = cache.tester((g0 + g1) / 2, box.y, size, at);
    const channel = around === "clear" || (around === "alone" && g1 - g0 >= 3 * size);
    addGap(cache, i, g0, g1, channel ? 1 : 0);
  }
}

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
  const pieces: IndexedLine[] = [];
  groups.forEach((g, i) => {
    const box = unionBoxes(g.map((w) => w.box))!;
    const id = i === keep ? x.line.id : `${x.line.id}+${++k}`;
    const { slope, paragraph, region, regionType, fontSize } = x.line;
    const piece: GeoLine = { id, text: joinWords(g.map((w) => w.text)), box, words: g };
    if (slope !== undefined) piece.slope = slope;
    if (paragraph) piece.paragraph = paragraph;
    if (region) piece.region = region;
    if (regionType) piece.regionType = regionType;
    if (fontSize) piece.fontSize = fontSize;
    pieces.push({ line: piece, index: x.index });
  });
  return pieces;
}

/**
 * Tests whether the vertical line at `x` runs clear of words through the lines printed within
 * 8 type sizes above and below `y`: "clear" with at least six such lines and no word across it
 * (a gutter), "crossed" when a word crosses it (a space inside a column), "alone" when there are
 * too few lines around to tell. A line is not its own neighbour, nor is another with its id.
 *
 * The lines' tops and words are copied once into flat arrays: a page asks thousands of tests,
 * each reading a few neighbours' words, and the copies sit together in memory where the source's
 * objects are scattered.
 */
export function channelTester(lines: readonly GeoLine[]): ChannelTester {
  // Lines that share an id share a hash of it (a string hashed per line costs far less than a
  // map of the ids); a test compares the ids themselves only where the hashes agree.
  const hashOf = new Int32Array(lines.length);
  const idOf: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const id = lines[i]!.id;
    idOf.push(id);
    hashOf[i] = hashId(id);
  }
  const boxed: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.box) boxed.push(i);
  const m = boxed.length;
  const ys = new Float64Array(m);
  for (let k = 0; k < m; k++) ys[k] = lines[boxed[k]!]!.box!.y;
  // The words are copied in the lines' own order, the order the source's objects lie in memory
  // (read by top, they were scattered reads); the k-th boxed line's words are `wordLeft` and
  // `wordRight` from `wordsFrom[k]` to `wordsFrom[k + 1]`, and `spanLeft`/`spanRight` span them all (a
  // vertical line outside never crosses a word).
  const wordsFrom = new Int32Array(m + 1);
  let count = 0;
  for (let k = 0; k < m; k++) count += lines[boxed[k]!]!.words?.length ?? 0;
  const wordLeft = new Float64Array(count);
  const wordRight = new Float64Array(count);
  const spanLeft = new Float64Array(m);
  const spanRight = new Float64Array(m);
  count = 0;
  for (let k = 0; k < m; k++) {
    wordsFrom[k] = count;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    // A NaN coordinate leaves the span open: such a line is searched.
    let open = false;
    const words = lines[boxed[k]!]!.words;
    const w = words ? words.length : 0;
    for (let j = 0; j < w; j++) {
      const b = words![j]!.box;
      const a = b.x;
      const z = a + b.w;
      wordLeft[count] = a;
      wordRight[count] = z;
      if (a < x0) x0 = a;
      else if (Number.isNaN(a)) open = true;
      if (z > x1) x1 = z;
      else if (Number.isNaN(z)) open = true;
      count++;
    }
    spanLeft[k] = open ? Number.NEGATIVE_INFINITY : x0;
    spanRight[k] = open ? Number.POSITIVE_INFINITY : x1;
  }
  wordsFrom[m] = count;
  // The same by top: the k-th line by top's words run from `start[k]` to `end[k]`.
  const order = stableOrder(ys, null);
  const n = order.length;
  const tops = new Float64Array(n);
  const hashes = new Int32Array(n);
  const ids: string[] = [];
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const at = order[k]!;
    tops[k] = ys[at]!;
    hashes[k] = hashOf[boxed[at]!]!;
    ids.push(idOf[boxed[at]!]!);
    start[k] = wordsFrom[at]!;
    end[k] = wordsFrom[at + 1]!;
    left[k] = spanLeft[at]!;
    right[k] = spanRight[at]!;
  }
  // Tests come line by line down the page (and back up at a column's head): the first line in
  // reach is found by walking from the last test's, where a binary search would start over. NaN,
  // which has no order, leaves the tops unsorted or asks for no place: a binary search then.
  let ordered = true;
  for (let k = 0; k < n; k++) if (Number.isNaN(tops[k]!)) ordered = false;
  let cursor = 0;
  return (x, y, size, self) => {
    const ownHash = hashOf[self];
    const ownId = idOf[self];
    let neighbours = 0;
    const reach = y - 8 * size;
    let first: number;
    if (ordered && !Number.isNaN(reach)) {
      first = cursor;
      while (first > 0 && tops[first - 1]! > reach) first--;
      while (first < n && tops[first]! <= reach) first++;
      cursor = first;
    } else first = upper(tops, reach);
    for (let k = first; k < n && tops[k]! <= y + 8 * size; k++) {
      if (hashes[k] === ownHash && ids[k] === ownId) continue;
      neighbours++;
      if (!(left[k]! < x && right[k]! > x)) continue;
      for (let j = start[k]!; j < end[k]!; j++) {
        if (wordLeft[j]! < x && wordRight[j]! > x) return "crossed";
      }
    }
    return neighbours >= 6 ? "clear" : "alone";
  };
}

/** A 32-bit FNV-1a hash of the string's UTF-16 code units. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h;
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
