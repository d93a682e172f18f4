import type { LineInfo } from "../lines/line-info.ts";

/** How many of the lines after the opening line give the article's measure. */
const measureLines = 10;

/**
 * Whether an article opens with a line set as a heading by its shape alone: a sentence of its
 * own ("Tweede Kamer.", "Landbouw.", "ROYAL AMPHITHEATRE.") at most half as long as the lines
 * that follow it (the median of up to ten), over at least two of them. Archive pages head their
 * short items this way in body type, where the model, having seen few such papers, holds the line
 * no likelier a title than any other. A lone line is no heading; nor is a line that starts in
 * lower case, breaks a word, or reads as a dateline, byline, jump line or page furniture; nor a
 * CJK line (CJK headings close without a full stop, and CJK columns are narrow).
 */
export function opensWithHeading(infos: readonly LineInfo[], lines: readonly number[]): boolean {
  if (lines.length < 3) return false;
  const first = infos[lines[0]!]!;
  if (!first.endsSentence || first.cjk || first.startsLower || first.endsHyphen) return false;
  if (first.dateline || first.bylineLine || first.jump || first.furniture) return false;
  const after = lines
    .slice(1, 1 + measureLines)
    .map((i) => infos[i]!.chars)
    .sort((a, b) => a - b);
  return first.chars <= after[after.length >> 1]! / 2;
}
