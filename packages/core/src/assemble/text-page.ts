import { readTextLayout } from "../layout/text-stream.ts";
import { joinLines } from "../text/join.ts";
import { cjkShare } from "../text/script.ts";
import type { ReconstructedPage, SourceLine } from "../types.ts";
import { assembleStream } from "./assemble-stream.ts";

/** Options for `assembleTextPage`. */
export interface TextPageOptions {
  /** Lines in the file, blank ones included (the contract's `lineCount`). */
  lineCount: number;
  language?: string;
  digitSpacing?: "keep" | "normalize";
}

/**
 * Reconstructs a plain-text stream: reads its layout evidence (measure runs, blank-line
 * rhythm, indents), then applies the shared rules. Measure runs are reported as `columns`.
 */
export function assembleTextPage(lines: SourceLine[], options: TextPageOptions): ReconstructedPage {
  const { stream, runs } = readTextLayout(lines);
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
  const sample = lines
    .slice(0, 400)
    .map((l) => l.text)
    .join("");
  if (sample.replace(/\s/g, "").length < 20) return undefined;
  return cjkShare(sample) >= 0.3 ? "zh" : "en";
}
