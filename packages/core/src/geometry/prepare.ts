import { joinWords } from "../ingest/hocr.ts";
import type { GeoLine, Graphic, IngestedPage } from "../ingest/ingest.ts";
import { cjkShare, textCells } from "../text/script.ts";
import type { Box } from "../types.ts";
import { fitSlope, median, unionBoxes } from "./box.ts";

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

/** Prepares the ingested page's lines for layout (see `LayoutLine`). */
export function preparePage(
  page: IngestedPage,
  gutters: ReadonlyArray<readonly [number, number]> = [],
): PreparedPage {
  const boxed = page.lines
    .map((line, index) => ({ line, index }))
    .filter((x) => x.line.box && x.line.text.trim());
  const loose = page.lines.filter((l) => !l.box || !l.text.trim());
  const skew = estimateSkew(boxed.map((x) => x.line));
  const width = page.width ?? Math.max(1, ...boxed.map((x) => x.line.box!.x + x.line.box!.w));
  const height = page.height ?? Math.max(1, ...boxed.map((x) => x.line.box!.y + x.line.box!.h));
  const rotate = (b: Box): Box => deskew(b, skew, width / 2, height / 2);
  const pieces = splitAtGutters(boxed, gutters);
  const sized = pieces.filter((x) => x.line.fontSize).length;
  const useFont = sized >= pieces.length * 0.8;
  // CJK glyph boxes from OCR vary wildly in height, and OCR sometimes runs two printed lines of a
  // headline into one; CJK characters are set on a square em, so the advance is the size. A line
  // too short to measure that way gets its box height scaled by the page's advance-to-height ratio.
  const measured = pieces.map(({ line, index }) => {
    const box = rotate(line.box!);
    const cells = Math.max(0.5, textCells(line.text.trim()));
    const cjk = cjkShare(line.text) >= 0.5;
    const advance = cjk && cells >= 4 ? box.w / cells : null;
    return { index, line, box, cells, cjk, advance };
  });
  const scale =
    median(measured.filter((m) => m.advance && m.box.h > 0).map((m) => m.advance! / m.box.h)) ?? 1;
  const lines: LayoutLine[] = measured.map(({ index, line, box, cells, cjk, advance }) => {
    const latin = cjk ? null : wordSize(line);
    const fallback = cjk ? box.h * scale : useFont && line.fontSize ? line.fontSize : box.h;
    const size = latin ?? advance ?? fallback;
    return { index, line, box, size: Math.max(1, size), ratio: 1, cell: box.w / cells };
  });
  // Body size: the median size by characters (lines of six cells or more, forty at most each).
  const weighted: Array<[number, number]> = [];
  for (const l of lines) {
    const n = Math.min(40, Math.round(textCells(l.line.text)));
    if (n >= 6) weighted.push([l.size, n]);
  }
  const bodySize = weightedMedian(weighted) ?? median(lines.map((l) => l.size)) ?? 1;
  for (const l of lines) l.ratio = l.size / bodySize;
  const bodyCell =
    median(
      lines.filter((l) => Math.abs(l.ratio - 1) < 0.15 && textCells(l.line.text) >= 6).map((l) => l.cell),
    ) ?? bodySize;
  const graphics = page.graphics.map((g) => ({ ...g, box: rotate(g.box) }));
  return { lines, loose, graphics, bodySize, bodyCell, width, height, skew };
}

/**
 * The type size (em, in pixels) a line's word boxes imply, or null when no word can tell. A
 * word box spans from the top of its tallest letter to the bottom of its lowest: capitals,
 * digits and ascenders reach about 0.72 em, x-height letters 0.5 em, descenders go 0.22 em
 * below the baseline, and a CJK character fills about 0.92 em. Dividing each word's height
 * by its expected share of the em and taking the median gives the same size for "on", "By"
 * and "typography" alike, whatever format the boxes come from.
 */
export function wordSize(line: GeoLine): number | null {
  const sizes: number[] = [];
  for (const w of line.words ?? []) {
    if (w.box.h <= 0) continue;
    const share = emShare(w.text);
    if (share) sizes.push(w.box.h / share);
  }
  return median(sizes);
}

function emShare(text: string): number | null {
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 0.92;
  const letters = text.replace(/[^\p{L}\p{N}]/gu, "");
  if (!letters) return null;
  // Brackets and slashes reach from above the capitals to below the baseline.
  if (/[()[\]{}/|]/.test(text)) return 0.98;
  const top = /[\p{Lu}\p{N}bdfhklti]/u.test(letters) ? 0.72 : /\p{Ll}/u.test(letters) ? 0.5 : null;
  if (top === null) return null;
  if (/[gjpqyQ]/.test(letters)) return top + 0.22;
  return top + (/[,;]$/.test(text) ? 0.12 : 0);
}

/**
 * Splits lines that OCR ran across a column gutter into pieces, so the layout sees each
 * column's text where it is printed. A gap between two words (at least 0.6 of the type size)
 * is a gutter when it is a clear channel: no word of the lines printed just above or below
 * crosses its middle — a wide space in a justified line always has words above and below it.
 * A gap of several ems with no lines around (a running head) is one too, and so is a gap over a
 * gutter between two columns already found on the page (`gutters`, from a first layout pass). The piece with the
 * most characters keeps the line's id; the others get `ID+2`, `ID+3`, … and their own words.
 */
export function splitAtGutters(
  lines: Array<{ line: GeoLine; index: number }>,
  gutters: ReadonlyArray<readonly [number, number]> = [],
): Array<{ line: GeoLine; index: number }> {
  const isChannel = channelTester(lines.map((x) => x.line));
  const out: Array<{ line: GeoLine; index: number }> = [];
  for (const x of lines) {
    const words = x.line.words ?? [];
    const box = x.line.box!;
    const size = median(words.map((w) => w.box.h)) ?? box.h;
    const cuts: number[] = [];
    for (let i = 1; i < words.length; i++) {
      const g0 = words[i - 1]!.box.x + words[i - 1]!.box.w;
      const g1 = words[i]!.box.x;
      if (g1 - g0 < 0.6 * size) continue;
      const channel = isChannel((g0 + g1) / 2, box.y, size, x.line);
      // A gap over a gutter between two columns found on the page is a gutter whatever is around it.
      const overGutter = gutters.some(
        ([a, b]) => g0 <= (a + b) / 2 && g1 >= (a + b) / 2 && g1 - g0 >= 0.6 * (b - a),
      );
      if (overGutter || channel === "clear" || (channel === "alone" && g1 - g0 >= 3 * size)) cuts.push(i);
    }
    if (cuts.length === 0) {
      out.push(x);
      continue;
    }
    const groups: (typeof words)[] = [];
    let start = 0;
    for (const c of [...cuts, words.length]) {
      groups.push(words.slice(start, c));
      start = c;
    }
    const chars = groups.map((g) => g.reduce((n, w) => n + w.text.length, 0));
    const keep = chars.indexOf(Math.max(...chars));
    let k = 1;
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
      out.push({ line: piece, index: x.index });
    });
  }
  return out;
}

/**
 * Tests whether the vertical line at `x` runs clear of words through the lines printed within
 * 8 type sizes above and below `y`: "clear" with at least six such lines and no word across it
 * (a gutter), "crossed" when a word crosses it (a space inside a column), "alone" when there are
 * too few lines around to tell.
 */
export function channelTester(
  lines: readonly GeoLine[],
): (x: number, y: number, size: number, self: GeoLine) => "clear" | "crossed" | "alone" {
  const byY = lines.filter((l) => l.box).sort((a, b) => a.box!.y - b.box!.y);
  const tops = byY.map((l) => l.box!.y);
  return (x, y, size, self) => {
    let neighbours = 0;
    for (let k = upper(tops, y - 8 * size); k < byY.length && tops[k]! <= y + 8 * size; k++) {
      const other = byY[k]!;
      if (other === self || other.id === self.id) continue;
      neighbours++;
      if ((other.words ?? []).some((w) => w.box.x < x && w.box.x + w.box.w > x)) return "crossed";
    }
    return neighbours >= 6 ? "clear" : "alone";
  };
}

function upper(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The median of values given with weights, as [value, weight] pairs; null for none. */
function weightedMedian(pairs: Array<[number, number]>): number | null {
  if (pairs.length === 0) return null;
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
    if (!l.box || l.box.w < 4 * l.box.h) continue;
    if (l.slope !== undefined) slopes.push(l.slope);
    else if (l.words && l.words.length >= 4) {
      const s = fitSlope(l.words.map((w) => [w.box.x + w.box.w / 2, w.box.y + w.box.h] as const));
      if (s !== null) slopes.push(s);
    }
  }
  const s = median(slopes) ?? 0;
  return Math.abs(s) < 0.002 || Math.abs(s) > 0.2 ? 0 : s;
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
