import { type Block, type Box, type SourceLine, textCells } from "@galley/core";
import { cleanInline } from "../text/clean-text.ts";
import type { IssuePage } from "../types.ts";
import { resolveLinePieces } from "./line-pieces.ts";
import { isUnedited, splitByWeights } from "./line-split.ts";

/** Structural role of a laid-out block, as the METS logical map names it. */
export type LayoutRole =
  | "kicker"
  | "headline"
  | "subheadline"
  | "dateline"
  | "byline"
  | "paragraph"
  | "caption"
  | "furniture";

/** One word of a laid-out line: text, box in page pixels, OCR confidence when the source had it. */
export interface LayoutWord {
  text: string;
  box: Box;
  conf?: number;
}

/** One line of a laid-out block. */
export interface LayoutLine {
  /** The source line id it stands for, when it came from one. */
  sourceId: string | null;
  text: string;
  box: Box;
  words: LayoutWord[];
}

/** One block of a page as ALTO writes it: a `TextBlock`. */
export interface LayoutBlock {
  role: LayoutRole;
  /** The article it belongs to (captions: the one they illustrate), else null. */
  articleId: string | null;
  lines: LayoutLine[];
  box: Box;
}

/** A page laid out for ALTO: size, blocks in reading order, and whether geometry was synthesised. */
export interface PageLayout {
  width: number;
  height: number;
  blocks: LayoutBlock[];
  /** True when at least one line had no geometry in the source and was placed on a synthetic grid. */
  synthetic: boolean;
}

/** Synthetic grid, in pixels: margin, line height and pitch, width of one full-width cell. */
const grid = { margin: 100, lineHeight: 36, pitch: 48, blockGap: 24, cell: 28, width: 2480 };

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

/** Spreads the whitespace-separated words of `text` over `box`, in proportion to their display width. */
function spreadWords(text: string, box: Box): LayoutWord[] {
  const words = text.split(/\s+/).filter(Boolean);
  const cells = words.map((w) => Math.max(textCells(w), 0.5));
  const total = cells.reduce((a, b) => a + b, 0) + (words.length - 1) * 0.5;
  const unit = total > 0 ? box.w / total : 0;
  let x = box.x;
  return words.map((w, i) => {
    const width = Math.max(cells[i]! * unit, 1);
    const word = { text: w, box: { x: Math.round(x), y: box.y, w: Math.round(width), h: box.h } };
    x += width + 0.5 * unit;
    return word;
  });
}

/** What went into one page's ALTO, in reading order, with the article each block belongs to. */
function pageBlocks(page: IssuePage): { role: LayoutRole; articleId: string | null; block: Block }[] {
  const out: { role: LayoutRole; articleId: string | null; block: Block }[] = [];
  for (const a of page.page.articles) {
    const own = (role: LayoutRole, block: Block | null) => {
      if (block && !block.inline) out.push({ role, articleId: a.id, block });
    };
    own("kicker", a.kicker);
    own("headline", a.headline);
    own("subheadline", a.subheadline);
    own("dateline", a.dateline);
    own("byline", a.byline);
    for (const p of a.paragraphs) out.push({ role: "paragraph", articleId: a.id, block: p });
  }
  for (const c of page.page.captions) out.push({ role: "caption", articleId: c.article ?? null, block: c });
  for (const o of page.page.other) out.push({ role: "furniture", articleId: null, block: o });
  return out;
}

/**
 * Lays a page out for ALTO. Each contract block (inline datelines/bylines excepted: they
 * live inside their paragraph's line) becomes a block whose lines are its source lines: with
 * the source's boxes (and word boxes and confidences, when the block's text is unedited)
 * where the source had geometry, and on a synthetic grid otherwise (lines 36 px tall at a
 * 48 px pitch, 28 px per full-width cell, from a 100 px margin, below any real geometry).
 * Corrected text is spread over the source lines in proportion to their printed lengths
 * (`splitByWeights`). Lines that core cut at a column gutter get their own words back
 * (`resolveLinePieces`). Blocks whose text is empty are left out.
 */
export function layoutPage(page: IssuePage): PageLayout {
  const content = pageBlocks(page);
  const sourceLines = new Map<string, SourceLine>((page.lines ?? []).map((l) => [l.id, l]));
  for (const [id, piece] of resolveLinePieces(
    page.lines ?? [],
    content.map((c) => c.block),
  ))
    sourceLines.set(id, piece);
  const boxes = (page.lines ?? []).flatMap((l) => (l.box ? [l.box] : []));
  const width =
    page.page.source.width ??
    page.image?.width ??
    (boxes.length ? union(boxes).x + union(boxes).w : grid.width);
  let cursor = boxes.length ? union(boxes).y + union(boxes).h + grid.margin : grid.margin;
  let synthetic = false;
  const place = (text: string): Box => {
    synthetic = true;
    const w = Math.max(1, Math.min(Math.round(textCells(text) * grid.cell), width - 2 * grid.margin));
    const box = { x: grid.margin, y: cursor, w, h: grid.lineHeight };
    cursor += grid.pitch;
    return box;
  };
  const blocks: LayoutBlock[] = [];
  for (const { role, articleId, block } of content) {
    const text = cleanInline(block.text);
    if (!text) continue;
    const ids: (string | null)[] = block.lines.length ? block.lines : [null];
    const sources = ids.map((id) => (id === null ? undefined : sourceLines.get(id)));
    const sourceTexts = sources.map((s) => (s ? cleanInline(s.text) : ""));
    const verbatim = sources.every((s) => s) && isUnedited(text, sourceTexts);
    const texts = verbatim
      ? sourceTexts
      : splitByWeights(
          text,
          sources.map((s) => (s ? Math.max(s.text.replace(/\s+/g, "").length, 1) : 1)),
        );
    const lines: LayoutLine[] = [];
    ids.forEach((id, i) => {
      const lineText = texts[i] ?? "";
      if (!lineText) return;
      const source = sources[i];
      const box = source?.box ?? place(lineText);
      const sourceWords =
        verbatim && source?.box && source.words
          ? source.words
              .map((w) => ({
                text: cleanInline(w.text),
                box: w.box,
                ...(w.conf !== undefined ? { conf: w.conf } : {}),
              }))
              .filter((w) => w.text)
          : [];
      const words = sourceWords.length ? sourceWords : spreadWords(lineText, box);
      if (words.length) lines.push({ sourceId: id, text: lineText, box, words });
    });
    if (lines.length === 0) continue;
    blocks.push({ role, articleId, lines, box: union(lines.map((l) => l.box)) });
    if (!lines.every((l) => sources[ids.indexOf(l.sourceId)]?.box)) cursor += grid.blockGap;
  }
  const bottom = blocks.length
    ? Math.max(...blocks.map((b) => b.box.y + b.box.h)) + grid.margin
    : grid.margin;
  const height = Math.max(page.page.source.height ?? page.image?.height ?? 0, bottom);
  return { width: Math.max(width, ...blocks.map((b) => b.box.x + b.box.w)), height, blocks, synthetic };
}
