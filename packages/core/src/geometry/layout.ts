import type { StreamLine } from "../assemble/stream.ts";
import type { IngestedPage } from "../ingest/ingest.ts";
import { joinLines } from "../text/join.ts";
import type { Block } from "../types.ts";
import { groupArticles } from "./articles.ts";
import { buildBlocks } from "./blocks.ts";
import { findColumns, type LayoutColumn } from "./columns.ts";
import { createPrepareCache, cutsMoreLines, preparePage } from "./prepare.ts";
import { buildStream } from "./reading-order.ts";
import { classifyBlocks } from "./regions.ts";

/** What the geometry layout hands on: the page's columns and its lines in reading order. */
export interface GeometryLayout {
  /** Text columns left to right, each with the ids of the lines read in it and its x extent. */
  columns: Block[];
  /** Every line of the page, in reading order, with its layout evidence. */
  stream: StreamLine[];
  /** Detected skew (dy/dx) that was removed before the layout. */
  skew: number;
}

/** The stages of `layoutPage` in the order it runs them, as its `onStage` hook names them. */
export const layoutStages = [
  "prepare",
  "first-pass blocks+columns",
  "gutter split",
  "blocks",
  "columns",
  "regions",
  "articles",
  "reading order",
  "column text",
] as const;

/** A stage of `layoutPage`. */
export type LayoutStage = (typeof layoutStages)[number];

/** Options for `layoutPage`. */
export interface LayoutOptions {
  /**
   * Called as each stage ends (benchmarks time the stages with it). A page whose gutters cut no
   * line the first pass left whole skips the second pass: "gutter split", "blocks" and "columns"
   * then report only the test that found nothing more to cut.
   */
  onStage?: (stage: LayoutStage) => void;
}

/**
 * Lays out a page with geometry (hOCR, ALTO, PAGE XML): deskew, blocks, columns, block roles
 * (furniture, captions, headings), spatial article grouping and reading order. Every source
 * line with text appears once in the stream; lines without a box follow at the end in source
 * order. Pure and deterministic.
 */
export function layoutPage(page: IngestedPage, options: LayoutOptions = {}): GeometryLayout {
  const { onStage } = options;
  // Two passes: the columns of the first show the gutters; lines OCR ran across one are cut there.
  const cache = createPrepareCache();
  const firstPass = preparePage(page, [], cache);
  onStage?.("prepare");
  const firstBlocks = buildBlocks(firstPass);
  const firstColumns = findColumns(firstBlocks);
  const cuts = gutters(firstColumns);
  onStage?.("first-pass blocks+columns");
  // Unless the gutters cut a line the first pass left whole, the first pass is the layout: the
  // second would see the very same lines.
  const again = cutsMoreLines(cache, cuts);
  const prepared = again ? preparePage(page, cuts, cache) : firstPass;
  onStage?.("gutter split");
  const blocks = again ? buildBlocks(prepared) : firstBlocks;
  onStage?.("blocks");
  const columns = again ? findColumns(blocks) : firstColumns;
  onStage?.("columns");
  const roles = classifyBlocks(prepared, blocks);
  onStage?.("regions");
  const rank = page.readingOrder ? new Map(page.readingOrder.map((id, i) => [id, i] as const)) : undefined;
  const articles = groupArticles(prepared, blocks, roles, rank);
  onStage?.("articles");
  const stream = buildStream(prepared, blocks, roles, articles, columns, rank);
  for (const line of prepared.loose) {
    // Object.assign, not a spread: V8 copies these many-field lines far faster this way.
    if (line.text.trim()) stream.push(Object.assign({}, line, { gapBefore: "block" as const }));
  }
  onStage?.("reading order");
  const inColumn = columns.map(() => [] as StreamLine[]);
  for (const s of stream) {
    const b = s.column;
    if (b !== undefined && s.roleHint !== "furniture") inColumn[b]?.push(s);
  }
  const columnBlocks: Block[] = columns.map((c, i) => ({
    text: joinLines(inColumn[i]!.map((l) => l.text)),
    lines: inColumn[i]!.map((l) => l.id),
    x: [Math.round(c.x0), Math.round(c.x1)],
  }));
  onStage?.("column text");
  return { columns: columnBlocks, stream, skew: prepared.skew };
}

/** The gaps between neighbouring columns that do not overlap, as [left, right] in pixels. */
function gutters(columns: readonly LayoutColumn[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const sorted = [...columns].sort((a, b) => a.x0 - b.x0);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.x1 < b.x0 && b.x0 - a.x1 < 0.2 * (a.x1 - a.x0)) out.push([a.x1, b.x0]);
  }
  return out;
}
