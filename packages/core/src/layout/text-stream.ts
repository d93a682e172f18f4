import type { StreamLine } from "../assemble/stream.ts";
import { isCjkCode, tallyScript } from "../text/script.ts";
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
  const t = text.trim();
  let cells = 0;
  let wide = 0;
  let cjkChars = 0;
  let visible = 0;
  let prevCjk = false;
  let pendingSpace = false;
  for (let i = 0; i < t.length; i++) {
    let code = t.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      code = t.codePointAt(i) ?? code;
      i++;
    }
    if (code === 32 || code === 9 || code === 0x3000) {
      pendingSpace = true;
      continue;
    }
    visible++;
    const cjk = isCjkCode(code);
    // A space counts half a cell only between two non-CJK characters.
    if (pendingSpace && !prevCjk && !cjk) cells += 0.5;
    pendingSpace = false;
    prevCjk = cjk;
    if (cjk) {
      cjkChars++;
      cells += 1;
    } else if (code >= 0x20) {
      cells += 0.5;
      if (wideMarks.has(code)) wide++;
    }
  }
  // Curly quotes and dashes are set full width in CJK text: half a cell more each.
  return visible && cjkChars / visible >= 0.3 ? cells + wide * 0.5 : cells;
}

/** Typographic marks that print in a full cell in CJK text (curly quotes, dashes, ellipsis). */
const wideMarks = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2026, 0x00b7, 0x2016]);

/**
 * Gathers the layout evidence a plain-text stream holds: measure runs (a sustained change of
 * line width is a block boundary), each line's fill of its run's measure, leading spaces as
 * indentation, and blank lines read against the stream's rhythm — in a double-spaced stream a
 * single blank line is ordinary leading, elsewhere it separates paragraphs or blocks.
 */
export function readTextLayout(lines: readonly SourceLine[]): TextLayout {
  const widths = lines.map((l) => printedCells(l.text));
  const latin = sampleShare(lines) < 0.3;
  const runs = findMeasureRuns(
    widths,
    latin ? { overAbs: 1.5, overRel: 0.1, underAbs: 2, underRel: 0.18, switchCost: 5 } : {},
  );
  if (latin) settleRunStarts(lines, widths, runs);
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
    const out: StreamLine = {
      id: line.id,
      text: line.text,
      blankBefore: blanks,
      column: runOf[i]!,
      measure: run.measure,
      gapBefore,
      fill: run.measure > 0 ? widths[i]! / run.measure : 1,
    };
    if (lead > 0) out.indent = lead * 0.5;
    return out;
  });
  return { stream, runs };
}

/**
 * A short line fits any measure, so where a measure changes next to one the segmentation may
 * start the new run on it. A short line that completes the line before — whose sentence or
 * word that line left open ("… help restore" / "service", "training pro-" / "grams.") —
 * ends the old run instead: the change of measure comes after it.
 */
function settleRunStarts(lines: readonly SourceLine[], widths: readonly number[], runs: MeasureRun[]): void {
  for (let r = 1; r < runs.length; r++) {
    const run = runs[r]!;
    const before = runs[r - 1]!;
    const s = run.start;
    if (run.end - s < 2) continue;
    const w = widths[s]!;
    if (w > 0.7 * run.measure || w > 0.7 * before.measure) continue;
    if (closesText.test(lines[s - 1]!.text.trimEnd())) continue;
    before.end = s + 1;
    run.start = s + 1;
  }
}

/** A line end that closes a sentence (a quotation or bracket may follow the stop). */
const closesText = /[.!?…:;]["'”’)\]]*$/;

/** The CJK share of up to 200 lines spread over the stream, enough to tell its script. */
function sampleShare(lines: readonly SourceLine[]): number {
  const tally = { cjk: 0, all: 0 };
  for (let i = 0; i < lines.length; i += Math.max(1, Math.floor(lines.length / 200)))
    tallyScript(lines[i]!.text, tally);
  return tally.all ? tally.cjk / tally.all : 0;
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
