import type { LineInfo } from "../lines/line-info.ts";

/** How many of the lines after a heading give the measure it is set against. */
const measureLines = 10;

/**
 * Whether the line `at` is set as a heading by its shape alone over the lines `following` it: a
 * sentence of its own ("Tweede Kamer.", "Landbouw.", "ROYAL AMPHITHEATRE.") at most half as long
 * as those lines (the median of up to ten, at least two). Archive pages head their short items
 * this way in body type, where the model, having seen few such papers, holds the line no likelier
 * a title than any other. Not a line that starts in lower case, breaks a word, or reads as a
 * dateline, byline, jump line or page furniture; nor a CJK line (CJK headings close without a
 * full stop, and CJK columns are narrow).
 */
export function headingShaped(infos: readonly LineInfo[], at: number, following: readonly number[]): boolean {
  if (following.length < 2) return false;
  const line = infos[at]!;
  if (!line.endsSentence || line.cjk || line.startsLower || line.endsHyphen) return false;
  if (line.dateline || line.bylineLine || line.jump || line.furniture) return false;
  const measure = following
    .slice(0, measureLines)
    .map((i) => infos[i]!.chars)
    .sort((a, b) => a - b);
  return line.chars <= measure[measure.length >> 1]! / 2;
}

/** Whether an article (its lines, in stream order) opens with a line set as a heading. */
export function opensWithHeading(infos: readonly LineInfo[], lines: readonly number[]): boolean {
  return lines.length > 0 && headingShaped(infos, lines[0]!, lines.slice(1));
}

/**
 * Whether stream line `i` stands as a heading between two articles: set as a heading over the
 * lines after it, after a line that ends a sentence (a paragraph's last line, not one the
 * heading-sized line would go on from) and before one that does not start in lower case.
 */
export function breaksAsHeading(infos: readonly LineInfo[], i: number): boolean {
  const before = infos[i - 1];
  const after = infos[i + 1];
  if (!before?.endsSentence || !after || after.startsLower) return false;
  const following: number[] = [];
  for (let j = i + 1; j < infos.length && following.length < measureLines; j++) following.push(j);
  return headingShaped(infos, i, following);
}
