import type { GeoLine, Graphic, IngestedPage } from "../ingest/ingest.ts";
import { cjkShare, textCells } from "../text/script.ts";
import type { Box } from "../types.ts";
import { median, medianOfFirst } from "./box.ts";
import {
  createGutterCache,
  cutsMore,
  type GutterCache,
  type IndexedLine,
  measureGaps,
  splitAtGutters,
} from "./gutter-split.ts";
import { wordSize } from "./type-size.ts";

/**
 * The page's lines made ready for layout: deskewed boxes, a size per line and its ratio to
 * the body size, and the character cell width. Coordinates stay page pixels; deskewing rotates
 * about the page centre by the median baseline slope, so columns line up again.
 */

/** One line as the layout sees it. */
export interface LayoutLine {
  /** Position in the ingested page's `lines`. */
  index: number;
  /** The source line, or the piece of it this layout line stands for (see `splitAtGutters`). */
  line: GeoLine;
  box: Box;
  /** Font size in pixels (the source's, or the box height). */
  size: number;
  /** `size` over the page's body size. */
  ratio: number;
  /** Width of one display cell (a CJK character, two Latin ones) in pixels. */
  cell: number;
  /** Set on a piece that continues the printed line of the layout line before it (same row). */
  partOfRow?: boolean;
  /**
   * `line`'s words, region and region type, copied: the layout reads them from here, one shape
   * of object on every page, where each format's lines have a shape of their own (code reading
   * the source lines was optimized again for each new format).
   */
  words: GeoLine["words"];
  region: string | undefined;
  regionType: string | undefined;
}

/**
 * A `LayoutLine` as `preparePage` makes it. A class, not an object literal: V8 learns from a
 * literal's allocation site that its objects outlive a young-generation collection (these live
 * as long as the page's layout) and then allocates them in the old generation, where they die
 * with the page and wait for a full collection; objects a constructor makes stay young.
 */
class PreparedLine implements LayoutLine {
  declare index: number;
  declare line: GeoLine;
  declare box: Box;
  declare size: number;
  declare ratio: number;
  declare cell: number;
  declare partOfRow: boolean;
  declare words: GeoLine["words"];
  declare region: string | undefined;
  declare regionType: string | undefined;

  constructor(index: number, line: GeoLine, box: Box, size: number, cell: number) {
    this.index = index;
    this.line = line;
    this.box = box;
    this.size = size;
    this.ratio = 1;
    this.cell = cell;
    // Set from the start so every layout line has one shape (blocks.ts flags some).
    this.partOfRow = false;
    this.words = line.words;
    this.region = line.region;
    this.regionType = line.regionType;
  }
}

/** An `IndexedLine` (a class, for the reason `PreparedLine` gives). */
class Indexed implements IndexedLine {
  declare line: GeoLine;
  declare index: number;

  constructor(line: GeoLine, index: number) {
    this.line = line;
    this.index = index;
  }
}

/** The prepared page. */
export interface PreparedPage {
  lines: LayoutLine[];
  /** Lines without geometry, kept in source order for the end of the stream. */
  loose: GeoLine[];
  graphics: Graphic[];
  bodySize: number;
  /** The body text's cell width in pixels. */
  bodyCell: number;
  width: number;
  height: number;
  skew: number;
}

/**
 * Measurements `preparePage` can share between the two layout passes of one page (the second
 * only cuts lines at the gutters the first found): per-line measures and the gutter tests. The
 * per-line measures are flat arrays by the line's position in the page's `lines`, not an object
 * per line.
 */
export interface PrepareCache {
  gutters: GutterCache;
  /** By the line's position in the page's `lines`: the size its words imply (`wordSize`), if known. */
  wordSizes: Array<number | null | undefined>;
  /** By position: `asciiCells` of the line's text (-1 when not all ASCII), read by `scanLines`. */
  ascii: Float64Array;
  /** By position: 0 until the line is measured whole, then `latinLine` or `cjkLine`. */
  kind: Uint8Array;
  /** By position, once measured: the deskewed box. */
  boxes: Array<Box | undefined>;
  /** By position, once measured: the width in cells of the trimmed text (at least 0.5). */
  cells: Float64Array;
  /** By position, once measured: the width in cells of the text as is. */
  rawCells: Float64Array;
  skew?: number;
  /** The lines with a box and text, and the others (`PreparedPage.loose`): alike in both passes. */
  boxed?: IndexedLine[];
  loose?: GeoLine[];
}

/** `PrepareCache.kind` of a line measured whole: not CJK, or CJK (set on a square em). */
const latinLine = 1;
const cjkLine = 2;

/** An empty `PrepareCache`; use one per page. */
export function createPrepareCache(): PrepareCache {
  const none = new Float64Array(0);
  return {
    gutters: createGutterCache(),
    wordSizes: [],
    ascii: none,
    kind: new Uint8Array(0),
    boxes: [],
    cells: none,
    rawCells: none,
  };
}

/**
 * Whether preparing the page with `gutters` would cut a line the pass that filled `cache` (one
 * without gutters) left whole. When it would not, that pass's layout is the one with gutters.
 */
export function cutsMoreLines(
  cache: PrepareCache,
  gutters: ReadonlyArray<readonly [number, number]>,
): boolean {
  return cache.boxed !== undefined && cutsMore(cache.boxed, gutters, cache.gutters);
}

/**
 * What `preparePage` measured of each of its lines (pieces included), by the line's position
 * among them: the measures of one call at a time, in arrays reused from call to call.
 */
const measured = {
  cells: new Float64Array(0),
  rawCells: new Float64Array(0),
  /** The size its characters' advance implies (CJK lines of four cells or more), when `hasAdvance`. */
  advance: new Float64Array(0),
  /** The size its word boxes imply (`wordSize`), when `hasLatin`. */
  latin: new Float64Array(0),
  /** Bits: `isCjk`, `hasAdvance`, `hasLatin`. */
  flags: new Uint8Array(0),
  /** The sizes of the lines, the weights of the body size, the cell widths of body lines. */
  sizes: new Float64Array(0),
  values: new Float64Array(0),
  weights: new Float64Array(0),
};
const isCjk = 1;
const hasAdvance = 2;
const hasLatin = 4;

/** Makes the arrays of `measured` hold at least `n` lines. */
function reserve(n: number): void {
  if (measured.cells.length >= n) return;
  const size = Math.max(n, 2 * measured.cells.length);
  measured.cells = new Float64Array(size);
  measured.rawCells = new Float64Array(size);
  measured.advance = new Float64Array(size);
  measured.latin = new Float64Array(size);
  measured.flags = new Uint8Array(size);
  measured.sizes = new Float64Array(size);
  measured.values = new Float64Array(size);
  measured.weights = new Float64Array(size);
}

/**
 * Prepares the ingested page's lines for layout (see `LayoutLine`). `gutters` are gaps between
 * columns a first pass found (lines running across one are cut there); `cache` carries what a
 * pass over the same page measured already.
 */
export function preparePage(
  page: IngestedPage,
  gutters: ReadonlyArray<readonly [number, number]> = [],
  cache: PrepareCache = createPrepareCache(),
): PreparedPage {
  if (!cache.boxed || !cache.loose) {
    cache.boxed = [];
    cache.loose = [];
    for (let index = 0; index < page.lines.length; index++) {
      const line = page.lines[index]!;
      if (line.box && line.text.trim()) cache.boxed.push(new Indexed(line, index));
      else cache.loose.push(line);
    }
    const count = page.lines.length;
    cache.gutters = createGutterCache(count);
    cache.ascii = new Float64Array(count);
    cache.kind = new Uint8Array(count);
    cache.cells = new Float64Array(count);
    cache.rawCells = new Float64Array(count);
  }
  const { boxed, loose } = cache;
  cache.skew ??= scanLines(boxed, cache);
  const skew = cache.skew;
  let width = page.width;
  let height = page.height;
  if (width === undefined || height === undefined) {
    let right = 1;
    let bottom = 1;
    for (const { line } of boxed) {
      right = Math.max(right, line.box!.x + line.box!.w);
      bottom = Math.max(bottom, line.box!.y + line.box!.h);
    }
    width ??= right;
    height ??= bottom;
  }
  const cx = width / 2;
  const cy = height / 2;
  const pieces = splitAtGutters(boxed, gutters, cache.gutters);
  const n = pieces.length;
  reserve(n);
  const { cells, rawCells, advance, latin, flags, sizes, values, weights } = measured;
  const boxes: Box[] = [];
  let sized = 0;
  // CJK glyph boxes from OCR vary wildly in height, and OCR sometimes runs two printed lines of a
  // headline into one; CJK characters are set on a square em, so the advance is the size. A line
  // too short to measure that way gets its box height scaled by the page's advance-to-height ratio.
  let ratioCount = 0;
  for (let i = 0; i < n; i++) {
    const { line, index } = pieces[i]!;
    if (line.fontSize) sized++;
    let box: Box;
    let known: number | null | undefined;
    if (line === page.lines[index]) {
      // A source line is measured once for both passes; its word size is known from `scanLines`.
      if (cache.kind[index] === 0) measureWhole(cache, line, index, skew, cx, cy);
      box = cache.boxes[index]!;
      cells[i] = cache.cells[index]!;
      rawCells[i] = cache.rawCells[index]!;
      flags[i] = cache.kind[index] === cjkLine ? isCjk : 0;
      known = cache.wordSizes[index];
    } else {
      // A piece cut from a line at a gutter has its own text and words.
      box = deskew(line.box!, skew, cx, cy);
      const text = line.text;
      const ascii = asciiCells(text);
      cells[i] = textWidth(text, ascii);
      rawCells[i] = rawWidth;
      flags[i] = ascii < 0 && cjkShare(text) >= 0.5 ? isCjk : 0;
      known = undefined;
    }
    boxes.push(box);
    if (flags[i] === isCjk) {
      if (cells[i]! >= 4) {
        const a = box.w / cells[i]!;
        advance[i] = a;
        flags[i] = isCjk | hasAdvance;
        if (a && box.h > 0) values[ratioCount++] = a / box.h;
      }
    } else {
      const size = known === undefined ? wordSize(line) : known;
      if (size !== null) {
        latin[i] = size;
        flags[i] = hasLatin;
      }
    }
  }
  const useFont = sized >= n * 0.8;
  const scale = medianOfFirst(values, ratioCount) ?? 1;
  const lines: LayoutLine[] = [];
  // Body size: the median size by characters (lines of six cells or more, forty at most each).
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const { index, line } = pieces[i]!;
    const box = boxes[i]!;
    const f = flags[i]!;
    const fallback = f & isCjk ? box.h * scale : useFont && line.fontSize ? line.fontSize : box.h;
    const size = Math.max(1, f & hasLatin ? latin[i]! : f & hasAdvance ? advance[i]! : fallback);
    sizes[i] = size;
    lines.push(new PreparedLine(index, line, box, size, box.w / cells[i]!));
    const weight = Math.min(40, Math.round(rawCells[i]!));
    if (weight >= 6) {
      values[weighted] = size;
      weights[weighted++] = weight;
    }
  }
  const bodySize = weightedMedian(values, weights, weighted) ?? medianOfFirst(sizes, n) ?? 1;
  let cellCount = 0;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    l.ratio = l.size / bodySize;
    if (Math.abs(l.ratio - 1) < 0.15 && rawCells[i]! >= 6) values[cellCount++] = l.cell;
  }
  const bodyCell = medianOfFirst(values, cellCount) ?? bodySize;
  // A loop, not `map`: arrays made by `map` differ in their internal element kind from one
  // compiler tier to the next, and code reading them would be optimized over and over.
  const graphics: Graphic[] = [];
  for (const g of page.graphics) graphics.push({ ...g, box: deskew(g.box, skew, cx, cy) });
  return { lines, loose, graphics, bodySize, bodyCell, width, height, skew };
}

/**
 * Reads each line's words once, for everything the layout takes from them whatever the gutters:
 * the baseline slopes (the page's skew, returned), each line's word size (`wordSizes`) and its
 * wide gaps (`gutters`), and its text's width if ASCII (`ascii`). One pass while each line's
 * words are at hand, rather than one per use.
 */
function scanLines(boxed: readonly IndexedLine[], cache: PrepareCache): number {
  const slopes: number[] = [];
  for (let at = 0; at < boxed.length; at++) {
    const x = boxed[at]!;
    const s = lineSlope(x.line);
    if (s !== null) slopes.push(s);
    const ascii = asciiCells(x.line.text);
    cache.ascii[x.index] = ascii;
    // An ASCII line is not CJK, so `preparePage` will want its word size (CJK lines need none).
    if (ascii >= 0) cache.wordSizes[x.index] = wordSize(x.line);
    measureGaps(boxed, at, cache.gutters);
  }
  return skewOf(slopes);
}

/**
 * Measures the source line at `index` into `cache`: its deskewed box, its width in cells (of
 * the trimmed text, and of the text as is), whether it is CJK, and, for a line that is not, the
 * size its words imply when `scanLines` left it unknown.
 */
function measureWhole(
  cache: PrepareCache,
  line: GeoLine,
  index: number,
  skew: number,
  cx: number,
  cy: number,
): void {
  cache.boxes[index] = deskew(line.box!, skew, cx, cy);
  const text = line.text;
  const ascii = cache.ascii[index]!;
  cache.cells[index] = textWidth(text, ascii);
  cache.rawCells[index] = rawWidth;
  const cjk = ascii < 0 && cjkShare(text) >= 0.5;
  cache.kind[index] = cjk ? cjkLine : latinLine;
  if (!cjk && cache.wordSizes[index] === undefined) cache.wordSizes[index] = wordSize(line);
}

/** The width in cells of the text as is, as the last `textWidth` call found it. */
let rawWidth = 0;

/**
 * The width in cells of the trimmed text, at least half a cell; sets `rawWidth` to that of the
 * text as is. `ascii` is `asciiCells(text)`.
 */
function textWidth(text: string, ascii: number): number {
  const trimmed = text.trim();
  // ASCII text (most Latin lines) has no CJK character: its cells are counted in one pass.
  const trimmedCells =
    ascii < 0 ? textCells(trimmed) : trimmed.length === text.length ? ascii : asciiCells(trimmed);
  rawWidth = trimmed.length === text.length ? trimmedCells : ascii < 0 ? textCells(text) : ascii;
  return Math.max(0.5, trimmedCells);
}

/**
 * `textCells` of an ASCII string (half a cell a printing character, none a control one), or -1
 * when the text is not all ASCII.
 */
function asciiCells(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return -1;
    if (c >= 0x20) n++;
  }
  return n * 0.5;
}

/**
 * The median of the first `n` values weighted by the positive integers `weights`: the first
 * value, in ascending order, at which the weights seen reach half the total; null for none.
 * Reorders both arrays. Which of equal values comes first does not change the answer, and the
 * sums of integers are exact in any order: the value is selected (`selectWeighted`) rather than
 * sorted for.
 */
function weightedMedian(values: Float64Array, weights: Float64Array, n: number): number | null {
  if (n === 0) return null;
  let zero = false;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // NaN has no order: such values take the callback sort, as pairs.
    if (Number.isNaN(v)) {
      const pairs: Array<[number, number]> = [];
      for (let k = 0; k < n; k++) pairs.push([values[k]!, weights[k]!]);
      return weightedMedianOfPairs(pairs);
    }
    if (v === 0) zero = true;
  }
  if (!zero) return selectWeighted(values, weights, n);
  // Which zero comes first, -0 or 0, is the callback sort's (it keeps them as they came).
  const sorted: number[] = Array.prototype.slice.call(values, 0, n).sort((a: number, b: number) => a - b);
  const at = new Float64Array(n);
  const total = placeWeights(values, weights, n, sorted, at);
  return firstReachingHalf(sorted, at, total);
}

/**
 * `weightedMedian` of values with no NaN and no zero, by selection: the smallest value whose
 * weight and that of every value below it reach half the total. Each round splits the values
 * still in question (`lo` to `hi`) around a pivot, below, equal and above, weights alongside,
 * and keeps the part holding the answer; `before` is the weight of the values below them.
 */
function selectWeighted(values: Float64Array, weights: Float64Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  let lo = 0;
  let hi = n;
  let before = 0;
  while (lo < hi) {
    const x = values[lo]!;
    const y = values[(lo + hi) >> 1]!;
    const z = values[hi - 1]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let lt = lo;
    let i = lo;
    let gt = hi;
    let below = 0;
    let equal = 0;
    while (i < gt) {
      const v = values[i]!;
      if (v < pivot) {
        swap(values, weights, lt, i);
        below += weights[lt]!;
        lt++;
        i++;
      } else if (v > pivot) {
        gt--;
        swap(values, weights, i, gt);
      } else {
        equal += weights[i]!;
        i++;
      }
    }
    if ((before + below) * 2 >= total) hi = lt;
    else if ((before + below + equal) * 2 >= total) return pivot;
    else {
      before += below + equal;
      lo = gt;
    }
  }
  // Not reached for positive weights: the largest value always reaches half.
  let largest = values[0]!;
  for (let i = 1; i < n; i++) largest = Math.max(largest, values[i]!);
  return largest;
}

/** Swaps places `a` and `b` of the values and of their weights. */
function swap(values: Float64Array, weights: Float64Array, a: number, b: number): void {
  const v = values[a]!;
  values[a] = values[b]!;
  values[b] = v;
  const w = weights[a]!;
  weights[a] = weights[b]!;
  weights[b] = w;
}

/**
 * Adds each weight at the first place of `sorted` holding its value; the total weight. Its own
 * function: a loop this hot gets `weightedMedian` compiled on the stack (OSR) before the scan
 * after it ever ran, and that code then left the compiled code again on every call.
 */
function placeWeights(
  values: Float64Array,
  weights: Float64Array,
  n: number,
  sorted: ArrayLike<number>,
  at: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // The first place holding the value (binary search).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    at[lo]! += weights[i]!;
    total += weights[i]!;
  }
  return total;
}

/** The first value of `sorted` at which the weights placed so far reach half of `total`. */
function firstReachingHalf(sorted: ArrayLike<number>, at: Float64Array, total: number): number {
  const n = at.length;
  let seen = 0;
  for (let k = 0; k < n; k++) {
    seen += at[k]!;
    if (at[k]! > 0 && seen * 2 >= total) return sorted[k]!;
  }
  return sorted[n - 1]!;
}

/** `weightedMedian` for values that may hold NaN, which no order holds: sorted as pairs. */
function weightedMedianOfPairs(pairs: Array<[number, number]>): number | null {
  pairs.sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  let seen = 0;
  for (const [v, w] of pairs) {
    seen += w;
    if (seen * 2 >= total) return v;
  }
  return pairs[pairs.length - 1]![0];
}

/**
 * The page's skew as a slope (dy/dx): the median of the baseline slopes the source gives, or
 * of slopes fitted through word centres of long lines; 0 when nothing says otherwise.
 */
export function estimateSkew(lines: readonly GeoLine[]): number {
  const slopes: number[] = [];
  for (const l of lines) {
    const s = lineSlope(l);
    if (s !== null) slopes.push(s);
  }
  return skewOf(slopes);
}

/** A long line's baseline slope (the source's, or fitted through its words), or null. */
function lineSlope(l: GeoLine): number | null {
  if (!l.box || l.box.w < 4 * l.box.h) return null;
  if (l.slope !== undefined) return l.slope;
  return l.words && l.words.length >= 4 ? baselineSlope(l.words) : null;
}

/** The page's skew from its lines' slopes: their median, 0 when too small or implausible. */
function skewOf(slopes: readonly number[]): number {
  const s = median(slopes) ?? 0;
  return Math.abs(s) < 0.002 || Math.abs(s) > 0.2 ? 0 : s;
}

/**
 * `fitSlope` through the words' bottom centres, in the same arithmetic (so the same value),
 * without building the points.
 */
function baselineSlope(words: NonNullable<GeoLine["words"]>): number | null {
  const n = words.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const b = words[i]!.box;
    sx += b.x + b.w / 2;
    sy += b.y + b.h;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const b = words[i]!.box;
    const x = b.x + b.w / 2;
    const y = b.y + b.h;
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  return sxx > 0 ? sxy / sxx : null;
}

function deskew(b: Box, slope: number, cx: number, cy: number): Box {
  if (slope === 0) return b;
  const x = b.x + b.w / 2 - cx;
  const y = b.y + b.h / 2 - cy;
  // Rotate by -atan(slope): a line printed at that slope comes out level, its box as tall as the text.
  const nx = x + slope * y;
  const ny = y - slope * x;
  const h = Math.max(b.h * 0.5, b.h - Math.abs(slope) * b.w);
  return { x: nx + cx - b.w / 2, y: ny + cy - h / 2, w: b.w, h };
}
