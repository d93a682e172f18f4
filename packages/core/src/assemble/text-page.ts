import { readTextLayout, type TextLayout } from "../layout/text-stream.ts";
import { joinLines } from "../text/join.ts";
import { tallyScript } from "../text/script.ts";
import type { ReconstructedPage, SourceLine } from "../types.ts";
import { assembleStream } from "./assemble-stream.ts";

/** Options for `assembleTextPage`. */
export interface TextPageOptions {
  /** Lines in the file, blank ones included (the contract's `lineCount`). */
  lineCount: number;
  language?: string;
  digitSpacing?: "keep" | "normalize";
  /** The stream's layout when the caller already read it (`readTextLayout` of the same lines). */
  layout?: TextLayout;
}

/**
 * Reconstructs a plain-text stream: reads its layout evidence (measure runs, blank-line
 * rhythm, indents), then applies the shared rules. Measure runs are reported as `columns`.
 */
export function assembleTextPage(lines: SourceLine[], options: TextPageOptions): ReconstructedPage {
  const { stream, runs } = options.layout ?? readTextLayout(lines);
  const content = assembleStream(stream, { normalizeDigitSpacing: options.digitSpacing === "normalize" });
  const columns =
    runs.length > 1
      ? runs.map((r) => ({
          text: joinLines(lines.slice(r.start, r.end).map((l) => l.text)),
          lines: lines.slice(r.start, r.end).map((l) => l.id),
        }))
      : [];
  const language = options.language ?? guessLanguage(lines);
  return {
    source: { format: "text", lineCount: options.lineCount, ...(language ? { language } : {}) },
    columns,
    ...content,
  };
}

/** "zh" or "en" from the script of the text, or undefined for too little text. */
export function guessLanguage(lines: readonly SourceLine[]): string | undefined {
  // The first 400 lines, tallied one by one: the counts of their text joined.
  const tally = { cjk: 0, all: 0 };
  const n = Math.min(lines.length, 400);
  for (let i = 0; i < n; i++) tallyScript(lines[i]!.text, tally);
  // Too little text: fewer than 20 characters other than white space of any kind.
  if (visibleChars(lines, n) < 20) return undefined;
  return tally.cjk / tally.all >= 0.3 ? "zh" : "en";
}

/** Characters in the first `n` lines that are not white space (`\s`), counting at most 20. */
function visibleChars(lines: readonly SourceLine[], n: number): number {
  let count = 0;
  for (let i = 0; i < n && count < 20; i++) count += lines[i]!.text.replace(/\s/g, "").length;
  return count;
}
