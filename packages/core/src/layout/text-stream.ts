import type { StreamLine } from "../assemble/stream.ts";
import { charCells, cjkShare, isCjk } from "../text/script.ts";
import type { SourceLine } from "../types.ts";
import { findMeasureRuns, type MeasureRun } from "./measure-runs.ts";

/** A plain-text stream read as a layout: its lines with evidence, and its measure runs. */
export interface TextLayout {
  stream: StreamLine[];
  runs: MeasureRun[];
}

/**
 * Display width of a recognised line in cells, counting spaces as they print: OCR puts
 * spaces between CJK characters and digits or Latin words ("是 2025 年") that print as no
 * more than a hair space, so a space next to a CJK character counts 0; a space between Latin
 * words ½.
 */
export function printedCells(text: string): number {
  const chars = [...text.trim()];
  const cjkContext = cjkShare(text) >= 0.3;
  let cells = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === " " || ch === "\t" || ch === "\u3000") {
      if (!isCjk(chars[i - 1]) && !isCjk(chars[i + 1])) cells += 0.5;
      continue;
    }
    cells += charCells(ch, cjkContext);
  }
  return cells;
}

/**
 * Gathers the layout evidence a plain-text stream holds: measure runs (a sustained change of
 * line width is a block boundary), each line's fill of its run's measure, leading spaces as
 * indentation, and blank lines read against the stream's rhythm — in a double-spaced stream a
 * single blank line is ordinary leading, elsewhere it separates paragraphs or blocks.
 */
export function readTextLayout(lines: readonly SourceLine[]): TextLayout {
  const widths = lines.map((l) => printedCells(l.text));
  const latin = cjkShare(lines.map((l) => l.text).join("")) < 0.3;
  const runs = findMeasureRuns(
    widths,
    latin ? { overAbs: 1.5, overRel: 0.1, underAbs: 2, underRel: 0.18, switchCost: 5 } : {},
  );
  const runOf = new Int32Array(lines.length);
  runs.forEach((run, r) => {
    runOf.fill(r, run.start, run.end);
  });
  // Prefix sums of gaps with blank lines, for the double-spacing window of each line.
  const blankSums = new Int32Array(lines.length + 1);
  lines.forEach((l, i) => {
    blankSums[i + 1] = blankSums[i]! + (i > 0 && (l.blankBefore ?? 0) > 0 ? 1 : 0);
  });
  const stream = lines.map((line, i): StreamLine => {
    const run = runs[runOf[i]!]!;
    const lead = line.text.length - line.text.trimStart().length;
    const blanks = line.blankBefore ?? 0;
    // A change of measure is a block boundary where the stream also leaves a blank line; the
    // exact line where a measure changes is otherwise too uncertain to cut on.
    let gapBefore: StreamLine["gapBefore"] = "none";
    if (blanks > 0) {
      if (i > 0 && run.start === i) gapBefore = "block";
      else gapBefore = isDoubleSpaced(blankSums, i) && blanks < 2 ? "line" : "paragraph";
    }
    return {
      ...line,
      column: runOf[i]!,
      measure: run.measure,
      gapBefore,
      fill: run.measure > 0 ? widths[i]! / run.measure : 1,
      ...(lead > 0 ? { indent: lead * 0.5 } : {}),
    };
  });
  return { stream, runs };
}

/** Whether blank lines around gap `i` are the stream's rhythm rather than separators. */
function isDoubleSpaced(blankSums: Int32Array, i: number): boolean {
  const n = blankSums.length - 1;
  const from = Math.max(1, i - 8);
  const to = Math.min(n - 1, i + 8);
  const all = to - from + 1;
  const blank = blankSums[to + 1]! - blankSums[from]!;
  return all >= 4 && blank / all >= 0.6;
}
