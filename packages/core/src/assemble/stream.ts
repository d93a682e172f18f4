import type { SourceLine } from "../types.ts";

/**
 * A source line in reading order with the layout evidence its path could gather. The text
 * path fills what a plain stream can tell (blank lines, measure, fill); the geometry path adds
 * what coordinates tell (columns, font size, indentation, spatial article grouping). Both hand
 * their stream to one set of rules (`assembleStream`): one set of rules, two sources of evidence.
 * All evidence fields are optional; absent means "no evidence", never "false".
 */
export interface StreamLine extends SourceLine {
  /** Index of the column (in the page's `columns`) the line was read from. */
  column?: number;
  /**
   * Whitespace before the line: `"line"` ordinary leading, `"paragraph"` a blank line or a
   * paragraph-sized gap, `"block"` a new source block/region or a measure change.
   */
  gapBefore?: "none" | "line" | "paragraph" | "block";
  /**
   * The measure (column or run width) the line is set to: display cells for text, pixels for
   * geometry. Only compared with other lines' measures of the same page.
   */
  measure?: number;
  /** How much of its column's measure the line fills: 1 is a full line; may exceed 1 slightly. */
  fill?: number;
  /** Indentation at the line start, in character widths (about 2 for a CJK paragraph indent). */
  indent?: number;
  /** Font size relative to the page's body text (1 = body size; a headline is well above 1). */
  sizeRatio?: number;
  /**
   * Spatial article grouping from geometry: lines with different hints were laid out as
   * different articles (a headline and the columns under it share one hint).
   */
  articleHint?: number;
  /** A role the source itself states or geometry makes certain. */
  roleHint?: "caption" | "furniture" | "heading" | "body";
}
