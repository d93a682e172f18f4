/**
 * The geometry path stage by stage, for the benchmark: the steps `reconstruct` takes for an
 * OCR file with geometry (as `layoutPage` and `assembleGeometryPage` run them), each timed in
 * CPU time. The total is timed on `reconstruct` itself, so a drift here shows as a gap between
 * the stages' sum and the total.
 */
import { assembleStream } from "../../packages/core/src/assemble/assemble-stream.ts";
import type { StreamLine } from "../../packages/core/src/assemble/stream.ts";
import { groupArticles } from "../../packages/core/src/geometry/articles.ts";
import { buildBlocks } from "../../packages/core/src/geometry/blocks.ts";
import { findColumns, type LayoutColumn } from "../../packages/core/src/geometry/columns.ts";
import { createPrepareCache, preparePage } from "../../packages/core/src/geometry/prepare.ts";
import { buildStream } from "../../packages/core/src/geometry/reading-order.ts";
import { classifyBlocks } from "../../packages/core/src/geometry/regions.ts";
import { ingestDecoded } from "../../packages/core/src/ingest/ingest.ts";
import { decodeInput } from "../../packages/core/src/input/decode.ts";
import { detectFormat } from "../../packages/core/src/input/detect.ts";

/** The stages in pipeline order. */
export const stages = [
  "parse",
  "prepare (deskew, sizes)",
  "first-pass blocks+columns",
  "gutter split (2nd prepare)",
  "blocks",
  "columns",
  "regions",
  "articles",
  "reading order",
  "assembleStream",
] as const;

/** A stage's name. */
export type Stage = (typeof stages)[number];

/** CPU time used by this process so far, in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs the geometry path on `text` once; the CPU milliseconds each stage took. */
export function timeStages(text: string): Record<Stage, number> {
  const times = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  let t0 = cpuMs();
  const lap = (stage: Stage) => {
    const t1 = cpuMs();
    times[stage] += t1 - t0;
    t0 = t1;
  };
  const decoded = decodeInput(text);
  const page = ingestDecoded(decoded, detectFormat(decoded) ?? "text");
  lap("parse");
  const cache = createPrepareCache();
  const first = preparePage(page, [], cache);
  lap("prepare (deskew, sizes)");
  const firstBlocks = buildBlocks(first);
  const firstColumns = findColumns(firstBlocks);
  const cuts = gutters(firstColumns);
  lap("first-pass blocks+columns");
  const again = crossesGutter(first.lines, cuts);
  const prepared = again ? preparePage(page, cuts, cache) : first;
  lap("gutter split (2nd prepare)");
  const blocks = again ? buildBlocks(prepared) : firstBlocks;
  lap("blocks");
  const columns = again ? findColumns(blocks) : firstColumns;
  lap("columns");
  const roles = classifyBlocks(prepared, blocks);
  lap("regions");
  const articles = groupArticles(prepared, blocks, roles);
  lap("articles");
  const rank = page.readingOrder ? new Map(page.readingOrder.map((id, i) => [id, i] as const)) : undefined;
  const stream = buildStream(prepared, blocks, roles, articles, columns, rank);
  lap("reading order");
  for (const segment of segments(stream)) assembleStream(segment, { normalizeDigitSpacing: false });
  lap("assembleStream");
  return times;
}

// The three helpers below restate layout.ts and geometry-page.ts's private steps.

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

function crossesGutter(
  lines: ReadonlyArray<{ line: { words?: Array<{ box: { x: number; w: number } }> } }>,
  cuts: ReadonlyArray<readonly [number, number]>,
): boolean {
  for (const l of lines) {
    const words = l.line.words ?? [];
    for (let i = 1; i < words.length; i++) {
      const g0 = words[i - 1]!.box.x + words[i - 1]!.box.w;
      const g1 = words[i]!.box.x;
      if (cuts.some(([a, b]) => g0 <= (a + b) / 2 && g1 >= (a + b) / 2)) return true;
    }
  }
  return false;
}

function segments(stream: readonly StreamLine[]): StreamLine[][] {
  const out: StreamLine[][] = [];
  let current: StreamLine[] = [];
  for (const line of stream) {
    const prev = current[current.length - 1];
    if (prev && prev.articleHint !== line.articleHint) {
      out.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}
