/**
 * Ground truth for a reconstructed page, in the format of `shared/fixtures/*.gt.json`: line
 * lists are ids, or `[from, to]` ranges of line numbers for plain text.
 */

/** A list of line ids or inclusive `[from, to]` ranges. */
export type LineList = (string | number | [number, number])[];

/** One article of the ground truth. */
export interface GroundTruthArticle {
  id: string;
  body: LineList;
  paragraphStarts?: LineList;
  kicker?: LineList | null;
  headline?: LineList | null;
  subheadline?: LineList | null;
  dateline?: string | null;
  byline?: string | null;
  bylineLines?: LineList | null;
  datelineLines?: LineList | null;
  jump?: LineList | null;
}

/** A page's ground truth. */
export interface GroundTruth {
  page: string;
  format: string;
  captions?: { lines: LineList }[];
  other?: { lines: LineList }[];
  articles: GroundTruthArticle[];
  /** Optional: the page column of each body line (for column assignment F1). */
  columns?: { id: string; lines: LineList }[];
}

/** Expands a line list to ids, dropping blank lines of a plain-text source. */
export function expandLines(list: LineList | null | undefined, isBlank: (id: string) => boolean): string[] {
  const ids: string[] = [];
  for (const x of list ?? []) {
    if (Array.isArray(x)) for (let n = x[0]; n <= x[1]; n++) ids.push(String(n));
    else ids.push(String(x));
  }
  return ids.filter((id) => !isBlank(id));
}
