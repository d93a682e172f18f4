/**
 * The reconstruction contract (`shared/spec/reconstruction.md`) and the values the pipeline
 * passes between its stages. Field names of the contract are fixed; fields marked "extra" are
 * Galley's additions, which the contract allows.
 */

/** The source formats `reconstruct` reads. Images are turned into hOCR outside core. */
export type SourceFormat = "text" | "hocr" | "alto" | "page";

/** An axis-aligned box in page pixels, origin top-left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One recognised word with its box and OCR confidence in [0, 1]. */
export interface SourceWord {
  text: string;
  box: Box;
  conf?: number;
}

/**
 * One line of the source as ingested, before any layout decision. The text path and the
 * geometry path meet here: after ingest there is one set of rules.
 */
export interface SourceLine {
  /** The contract's line id: the 1-based line number for text, the element id for XML. */
  id: string;
  /** The line's text as recognised (hyphenation left as printed). */
  text: string;
  /** Bounding box in page pixels, when the source has geometry. */
  box?: Box;
  /** Words with boxes and confidences, when the source has them. */
  words?: SourceWord[];
  /** Font size in page pixels (x-height based or from styles), when known. */
  fontSize?: number;
  /** Id of the source region/block that holds the line (hOCR carea, ALTO TextBlock, PAGE TextRegion). */
  region?: string;
  /** The source's own label for the region or line (PAGE `type`, hOCR `ocr_caption`/`ocr_header`). */
  regionType?: string;
  /** Plain text only: number of blank lines directly before this one. */
  blankBefore?: number;
  /** Set by ingest when the source marks the line's last word as hyphenated (ALTO HYP / SUBS_TYPE). */
  hyphenated?: boolean;
}

/** A run of source lines with one role. */
export interface Block {
  /** The text, joined by the script's rules (see `joinLines`). */
  text: string;
  /** Ids of the source lines it came from, in order. */
  lines: string[];
  /** Extra: how sure the reconstruction is of this block's role and placement, in [0, 1]. */
  confidence?: number;
  /**
   * Extra, datelines and bylines only: set when the span is printed inside a body line rather
   * than on lines of its own. The paragraph that holds the line keeps the span in its text;
   * `"start"` means the span opens the line, `"end"` that it closes it.
   */
  inline?: "start" | "end";
  /** Extra, captions only: the article the caption illustrates, when known. */
  article?: string;
  /** Extra, `other` only: what the block is. */
  kind?: OtherKind;
  /** Extra, columns only: left and right edge in page pixels, when the source has geometry. */
  x?: [number, number];
}

/** Extra: the kinds of blocks kept in `other`. */
export type OtherKind = "folio" | "running-head" | "section" | "jump" | "credit" | "ad" | "unplaced";

/** One article of the page. */
export interface Article {
  /** Stable within the page: "a1", "a2", ... */
  id: string;
  kicker: Block | null;
  headline: Block | null;
  subheadline: Block | null;
  dateline: Block | null;
  byline: Block | null;
  paragraphs: Block[];
  /** Extra: how sure the reconstruction is of this article's extent and title, in [0, 1]. */
  confidence: number;
}

/** What `reconstruct` returns: the page as articles, captions and everything else. */
export interface ReconstructedPage {
  source: {
    format: SourceFormat;
    lineCount: number;
    language?: string;
    /** Extra: page size in pixels, when the source has geometry. */
    width?: number;
    height?: number;
  };
  columns: Block[];
  articles: Article[];
  captions: Block[];
  other: Block[];
  /**
   * Extra: what the source held that ingest did not take as written — a box that is not a
   * number or lies beyond a million pixels, and what was done instead — one line per kind of
   * problem, with its count and first position. Absent when there is none.
   */
  warnings?: string[];
}
