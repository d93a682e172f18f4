import type { GeoLine, Graphic, IngestedPage } from "../ingest/ingest.ts";
import { textCells } from "../text/script.ts";
import type { Box } from "../types.ts";
import { fitSlope, median } from "./box.ts";

/**
 * The page's lines made ready for layout: deskewed boxes, a size per line and its ratio to
 * the body size, and the character cell width. Coordinates stay page pixels; deskewing rotates
 * about the page centre by the median baseline slope, so columns line up again.
 */

/** One line as the layout sees it. */
export interface LayoutLine {
  /** Position in the ingested page's `lines`. */
  index: number;
  line: GeoLine;
  box: Box;
  /** Font size in pixels (the source's, or the box height). */
  size: number;
  /** `size` over the page's body size. */
  ratio: number;
  /** Width of one display cell (a CJK character, two Latin ones) in pixels. */
  cell: number;
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
export function preparePage(page: IngestedPage): PreparedPage {
  const boxed = page.lines
    .map((line, index) => ({ line, index }))
    .filter((x) => x.line.box && x.line.text.trim());
  const loose = page.lines.filter((l) => !l.box || !l.text.trim());
  const skew = estimateSkew(boxed.map((x) => x.line));
  const width = page.width ?? Math.max(1, ...boxed.map((x) => x.line.box!.x + x.line.box!.w));
  const height = page.height ?? Math.max(1, ...boxed.map((x) => x.line.box!.y + x.line.box!.h));
  const rotate = (b: Box): Box => deskew(b, skew, width / 2, height / 2);
  const sized = boxed.filter((x) => x.line.fontSize).length;
  const useFont = sized >= boxed.length * 0.8;
  const lines: LayoutLine[] = boxed.map(({ line, index }) => {
    const box = rotate(line.box!);
    const cells = Math.max(0.5, textCells(line.text.trim()));
    const size = useFont && line.fontSize ? line.fontSize : box.h;
    return { index, line, box, size: Math.max(1, size), ratio: 1, cell: box.w / cells };
  });
  const weighted: number[] = [];
  for (const l of lines) {
    const n = Math.min(40, Math.round(textCells(l.line.text)));
    if (n >= 6) for (let i = 0; i < n; i++) weighted.push(l.size);
  }
  const bodySize = median(weighted) ?? median(lines.map((l) => l.size)) ?? 1;
  for (const l of lines) l.ratio = l.size / bodySize;
  const bodyCell =
    median(
      lines.filter((l) => Math.abs(l.ratio - 1) < 0.15 && textCells(l.line.text) >= 6).map((l) => l.cell),
    ) ?? bodySize;
  const graphics = page.graphics.map((g) => ({ ...g, box: rotate(g.box) }));
  return { lines, loose, graphics, bodySize, bodyCell, width, height, skew };
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
