import type { StreamLine } from "../assemble/stream.ts";
import type { LayoutBlock } from "./blocks.ts";
import { medianOfFirst, right } from "./box.ts";
import { isBodyLike, type LayoutColumn } from "./columns.ts";
import type { LayoutLine, PreparedPage } from "./prepare.ts";
import { type BlockRole, bodyTypes } from "./regions.ts";

/**
 * Reading order and the stream. Top furniture first; then the articles in page order (by
 * rows: articles starting at about the same height from left to right, rows top to bottom),
 * each read title blocks first and then column by column, top to bottom, its captions last;
 * then bottom furniture. A PAGE `ReadingOrder`, when given, orders the articles and blocks
 * instead. Each line carries the geometric evidence `StreamLine` defines.
 */

/** Orders the blocks and turns them into the stream. */
export function buildStream(
  page: PreparedPage,
  blocks: readonly LayoutBlock[],
  roles: ReadonlyMap<LayoutBlock, BlockRole>,
  articles: ReadonlyMap<LayoutBlock, number>,
  columns: readonly LayoutColumn[],
  regionRank?: ReadonlyMap<string, number>,
): StreamLine[] {
  const rank = (b: LayoutBlock): number => {
    if (!regionRank) return 0;
    let best = Number.POSITIVE_INFINITY;
    for (const l of b.lines)
      best = Math.min(best, regionRank.get(l.region ?? "") ?? Number.POSITIVE_INFINITY);
    return best;
  };
  const furniture = blocks.filter((b) => roles.get(b) === "furniture");
  const middle = page.height / 2;
  const byPosition = (a: LayoutBlock, b: LayoutBlock) => a.y0 - b.y0 || a.x0 - b.x0;
  const top = furniture.filter((b) => b.y0 < middle).sort(byPosition);
  const foot = furniture.filter((b) => b.y0 >= middle).sort(byPosition);
  const groups = new Map<number, LayoutBlock[]>();
  for (const b of blocks) {
    const a = articles.get(b);
    if (a === undefined || roles.get(b) === "furniture") continue;
    const group = groups.get(a);
    if (group) group.push(b);
    else groups.set(a, [b]);
  }
  const ordered = orderArticles([...groups.values()], page.bodySize, regionRank ? rank : undefined);
  const out: StreamLine[] = [];
  const deck = decks(ordered, roles);
  const emit = (b: LayoutBlock, hint: number | undefined) => {
    const role = deck.has(b) ? "heading" : roles.get(b)!;
    const measure = measureOf(b, columns);
    // Worked out once per block, for every line after its first.
    const usual = b.lines.length > 1 ? usualGap(b) : null;
    for (let i = 0; i < b.lines.length; i++) {
      out.push(streamLine(b.lines[i]!, b, i, role, hint, measure, usual));
    }
  };
  for (const b of top) emit(b, undefined);
  for (const group of ordered) {
    const hint = articles.get(group[0]!);
    for (const b of orderWithin(group, roles, deck, regionRank ? rank : undefined)) emit(b, hint);
  }
  for (const b of foot) emit(b, undefined);
  return out;
}

/**
 * Decks: short blocks set a little larger than body type right under an article's headline and
 * above its body — type between body and headline size says title, not text.
 */
function decks(groups: LayoutBlock[][], roles: ReadonlyMap<LayoutBlock, BlockRole>): Set<LayoutBlock> {
  const out = new Set<LayoutBlock>();
  for (const g of groups) {
    const heads = g.filter((b) => roles.get(b) === "heading");
    const bodyTop = Math.min(
      ...g.filter((b) => roles.get(b) === "text" && isBodyLike(b) && b.lines.length >= 4).map((b) => b.y0),
    );
    for (const b of g) {
      if (roles.get(b) !== "text" || b.lines.length > 3 || b.ratio < 1.08) continue;
      // A block the source itself puts in a paragraph region (PAGE) is text, whatever its type size.
      if (b.lines.some((l) => bodyTypes.has(l.regionType ?? ""))) continue;
      if (heads.some((h) => h.y1 <= b.y0 + 2) && b.y1 <= bodyTop + 2) out.add(b);
    }
  }
  return out;
}

function orderArticles(
  groups: LayoutBlock[][],
  bodySize: number,
  rank?: (b: LayoutBlock) => number,
): LayoutBlock[][] {
  const anchor = groups.map((g) => ({
    g,
    y: Math.min(...g.map((b) => b.y0)),
    x: Math.min(...g.map((b) => b.x0)),
    r: rank ? Math.min(...g.map(rank)) : 0,
  }));
  if (rank) return anchor.sort((a, b) => a.r - b.r || a.y - b.y || a.x - b.x).map((a) => a.g);
  anchor.sort((a, b) => a.y - b.y);
  const rows: Array<typeof anchor> = [];
  for (const a of anchor) {
    const row = rows[rows.length - 1];
    if (row && a.y - row[0]!.y < 3 * bodySize) row.push(a);
    else rows.push([a]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x).map((a) => a.g));
}

function orderWithin(
  group: LayoutBlock[],
  roles: ReadonlyMap<LayoutBlock, BlockRole>,
  deck: ReadonlySet<LayoutBlock>,
  rank?: (b: LayoutBlock) => number,
): LayoutBlock[] {
  if (group.length < 2) return [...group];
  const bodyTop = Math.min(...group.filter((b) => roles.get(b) === "text" && isBodyLike(b)).map((b) => b.y0));
  // Each block's sort key, worked out once: stage (title, body, captions), column, top; or, with
  // a reading order, rank and source position.
  const keys = new Map<LayoutBlock, [number, number, number, number]>();
  for (const b of group) {
    const role = roles.get(b);
    const title =
      role !== "text" ||
      deck.has(b) ||
      (b.y1 <= bodyTop + 2 && !isBodyLike(b)) ||
      sitsOnHeading(b, group, roles);
    const stage = role === "caption" ? 2 : title ? 0 : 1;
    // With the source's reading order, its order of lines decides within a region too.
    if (rank) keys.set(b, [rank(b), firstIndex(b), 0, 0]);
    else keys.set(b, [0, stage, stage === 1 ? (b.column ?? 0) : 0, b.y0]);
  }
  return [...group].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return a.x0 - b.x0;
  });
}

/** The position in the source of the block's first line. */
function firstIndex(b: LayoutBlock): number {
  let first = Number.POSITIVE_INFINITY;
  for (const l of b.lines) if (l.index < first) first = l.index;
  return first;
}

/**
 * Whether a short block stands right on top of a heading of its group (a kicker, a byline set
 * above the headline), possibly through another such block: it reads with the title.
 */
function sitsOnHeading(
  b: LayoutBlock,
  group: readonly LayoutBlock[],
  roles: ReadonlyMap<LayoutBlock, BlockRole>,
  depth = 0,
): boolean {
  if (depth > 2 || b.lines.length > 3) return false;
  return group.some(
    (h) =>
      h !== b &&
      h.y0 >= b.y1 - 2 &&
      h.y0 - b.y1 < 1.5 * Math.max(b.size, h.size) &&
      Math.min(b.x1, h.x1) - Math.max(b.x0, h.x0) > 0 &&
      (roles.get(h) === "heading" || sitsOnHeading(h, group, roles, depth + 1)),
  );
}

/** The block's ordinary leading: the median gap between a printed line and the one above it. */
function usualGap(b: LayoutBlock): number | null {
  // The gaps more than a type size negative (lines side by side) are not leading.
  let n = 0;
  let prev: LayoutLine | null = null;
  for (const x of b.lines) {
    if (prev && !x.partOfRow) {
      const g = x.box.y - (prev.box.y + prev.box.h);
      if (g > -b.size) gaps[n++] = g;
    }
    if (!x.partOfRow) prev = x;
  }
  return medianOfFirst(gaps, n);
}

/** Reused by `usualGap` for one block's gaps at a time. */
const gaps: number[] = [];

/**
 * The measure a block's lines are set to: its column's width when the block sits in a column
 * (a byline or a kicker is short of the measure, not a measure of its own), else its own width.
 */
function measureOf(b: LayoutBlock, columns: readonly LayoutColumn[]): number {
  const own = Math.max(1, b.x1 - b.x0);
  const c = b.column === undefined ? undefined : columns[b.column];
  if (!c) return own;
  const width = c.x1 - c.x0;
  return own <= width * 1.1 && b.x0 >= c.x0 - 0.1 * width && b.x1 <= c.x1 + 0.1 * width
    ? Math.max(own, width)
    : own;
}

/** The role a line of block `b` (of role `role`) is certain to have, if any. */
function roleHintOf(l: LayoutLine, b: LayoutBlock, role: BlockRole): StreamLine["roleHint"] {
  if (role === "furniture") return "furniture";
  if (role === "caption") return "caption";
  if (role === "heading") return "heading";
  // Inside a run of body text (four lines or more at body size) a line is body, not a title;
  // so is a line the source itself puts in a paragraph region (PAGE).
  if (bodyTypes.has(l.regionType ?? "")) return "body";
  if (isBodyLike(b) && b.lines.length >= 4 && Math.abs(l.ratio - 1) < 0.15) return "body";
  return undefined;
}

function streamLine(
  l: LayoutLine,
  b: LayoutBlock,
  i: number,
  role: BlockRole,
  hint: number | undefined,
  measure: number,
  usual: number | null,
): StreamLine {
  // Object.assign, not a spread: V8 copies these many-field lines far faster this way (~10×).
  const s: StreamLine = Object.assign({}, l.line);
  // Every field the layout adds is set on every line, in one order, even when undefined: lines
  // then share one shape per source line shape, where optional fields made up to twenty, and the
  // code reading them (here and in the line rules) was optimized again for each new one.
  s.column = b.column;
  // A printed line OCR cut in pieces: the pieces after the first follow with no gap and no indent,
  // and all of them report the fill of the whole printed line.
  let first = i;
  while (first > 0 && b.lines[first]!.partOfRow) first--;
  let last = i;
  while (last + 1 < b.lines.length && b.lines[last + 1]!.partOfRow) last++;
  const rowStart = b.lines[first]!;
  if (i === 0) s.gapBefore = "block";
  else if (l.partOfRow) s.gapBefore = "none";
  else {
    let p = i - 1;
    while (p > 0 && b.lines[p]!.partOfRow) p--;
    const prev = b.lines[p]!;
    const gap = l.box.y - (prev.box.y + prev.box.h);
    s.gapBefore = gap > (usual ?? gap) + 0.5 * l.size ? "paragraph" : "line";
  }
  s.measure = Math.round(measure);
  let rowRight = Number.NEGATIVE_INFINITY;
  for (let k = first; k <= last; k++) rowRight = Math.max(rowRight, right(b.lines[k]!.box));
  const width = rowRight - rowStart.box.x;
  s.fill = Math.round((width / measure) * 1000) / 1000;
  const indent = l.partOfRow ? 0 : (rowStart.box.x - b.x0) / Math.max(1, l.cell);
  s.indent = Math.max(0, Math.round(indent * 10) / 10);
  s.sizeRatio = Math.round(l.ratio * 1000) / 1000;
  s.articleHint = hint;
  s.roleHint = roleHintOf(l, b, role);
  return s;
}
