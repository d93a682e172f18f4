import type { LineInfo } from "../lines/line-info.ts";

/** What a line is, before articles are formed. */
export type LineKind = "body" | "title" | "byline" | "caption" | "furniture" | "jump";

/** Whether whitespace before the line separates paragraphs or blocks (not ordinary leading). */
export function isBreakGap(x: LineInfo | undefined): boolean {
  const g = x?.line.gapBefore;
  return g === "paragraph" || g === "block";
}

/**
 * Whether the line is a stray fragment: a few Latin words set apart by gaps, not closing a
 * sentence — OCR lifted them out of a line of the neighbouring column. Fragments say nothing
 * about where sentences or paragraphs end, so the rules look past them.
 */
export function isFragment(infos: readonly LineInfo[], i: number): boolean {
  const x = infos[i];
  if (!x || x.cjk || x.words > 3 || x.chars > 24 || x.endsSentence) return false;
  // Capitalised words set apart may be a one-word title; lower-case ones are cut-off text.
  if (!x.startsLower && (x.line.fill ?? 1) >= 0.45) return false;
  if (x.dateline || x.bylineLine || x.jump || x.furniture) return false;
  const next = infos[i + 1];
  return isBreakGap(x) && (!next || isBreakGap(next));
}
