import type { LineInfo } from "../lines/line-info.ts";

/** What a line is, before articles are formed. */
export type LineKind = "body" | "title" | "byline" | "caption" | "furniture" | "jump";

/** Whether whitespace before the line separates paragraphs or blocks (not ordinary leading). */
export function isBreakGap(x: LineInfo | undefined): boolean {
  const g = x?.line.gapBefore;
  return g === "paragraph" || g === "block";
}
