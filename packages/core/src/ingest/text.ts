import type { SourceLine } from "../types.ts";

/**
 * Splits a plain-text OCR stream into source lines. Ids are 1-based line numbers; blank lines
 * produce no line but are counted in the next line's `blankBefore`. Trailing whitespace is
 * dropped; leading whitespace is kept (it may be a paragraph indent).
 */
export function ingestText(text: string): SourceLine[] {
  const raw = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  const lines: SourceLine[] = [];
  let blanks = 0;
  for (let i = 0; i < raw.length; i++) {
    const clean = raw[i]!.trimEnd();
    if (!clean) {
      blanks++;
      continue;
    }
    lines.push({ id: String(i + 1), text: clean, blankBefore: blanks });
    blanks = 0;
  }
  return lines;
}

/** Number of lines in a plain-text stream, as the contract's `lineCount` counts them. */
export function countTextLines(text: string): number {
  const n = text.split(/\r\n|\r|\n/).length;
  return /(\r\n|\r|\n)$/.test(text) ? n - 1 : n;
}
