import type { LineInfo } from "../lines/line-info.ts";
import { isFragment } from "./line-kind.ts";

/**
 * Splits an article's body lines into paragraphs. A paragraph ends at a line that closes a
 * sentence short of the measure; one starts at an indented line, after a paragraph gap, or
 * (CJK, where OCR drops the two-cell indent) at a line that starts short after a sentence
 * ended at the measure. A line that does not close a sentence never ends a paragraph, so a
 * column break in mid-sentence is joined over.
 */
export function splitParagraphs(lines: readonly LineInfo[]): LineInfo[][] {
  const paragraphs: LineInfo[][] = [];
  let current: LineInfo[] = [];
  const fragment = lines.map((_, k) => isFragment(lines, k));
  lines.forEach((x, k) => {
    let before = k - 1;
    while (before > 0 && fragment[before]) before--;
    if (current.length > 0 && !fragment[k] && before >= 0 && startsParagraph(lines, k, before)) {
      paragraphs.push(current);
      current = [];
    }
    current.push(x);
  });
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

/**
 * How many character cells a CJK line falls short of its measure. In plain text the measure
 * is in cells already; with geometry it is in pixels, so the shortfall is read from the line's
 * own characters (a CJK character is about one cell).
 */
function cellsShort(x: LineInfo): number {
  const fill = x.line.fill ?? 1;
  const m = x.line.measure;
  if (m !== undefined && m > 0 && !x.line.box) return m - fill * m;
  return fill > 0 ? x.chars / fill - x.chars : 0;
}

function shortOfMeasure(x: LineInfo): boolean {
  const fill = x.line.fill ?? 1;
  // One and a half cells short of a CJK measure cannot be justification.
  if (x.cjk) return x.line.measure !== undefined ? cellsShort(x) >= 1.5 : fill < 0.9;
  return fill < 0.8;
}

function startsParagraph(lines: readonly LineInfo[], k: number, before: number): boolean {
  const x = lines[k]!;
  const prev = lines[before]!;
  // A source that labels its paragraph regions (PAGE) has said where paragraphs start.
  if (x.line.regionType === "paragraph" && prev.line.regionType === "paragraph")
    return x.line.region !== prev.line.region;
  const closed = prev.endsSentence || prev.endsColon || prev.bylineEnd?.spaced === true;
  const gap = x.line.gapBefore;
  // A paragraph gap where the line also starts short by an indent: OCR lost the closing mark.
  if (!closed && x.cjk && gap === "paragraph" && lostIndent(lines, k)) return true;
  // The same at the top of a new block or column, where geometry measured the two-cell indent.
  if (!closed && x.cjk && gap === "block" && !prev.endsHyphen && isCjkIndent(x.line.indent)) return true;
  if (!closed || prev.endsHyphen) return false;
  if (!x.cjk && x.startsLower) return false;
  if (shortOfMeasure(prev)) return true;
  if ((x.line.indent ?? 0) >= 1) return true;
  if (gap === "paragraph" || gap === "block") return true;
  return x.cjk && lostIndent(lines, k);
}

/** An indent of about two CJK cells, as a paragraph's first line is set. */
function isCjkIndent(indent: number | undefined): boolean {
  return indent !== undefined && indent >= 1.5 && indent <= 3;
}

/** The line starts about two cells short of the measure while the next line is full: an indent OCR dropped. */
function lostIndent(lines: readonly LineInfo[], k: number): boolean {
  const x = lines[k]!;
  const next = lines[k + 1];
  if (!x.line.measure || !next) return false;
  const short = cellsShort(x);
  return short >= 1.5 && short <= 3.5 && !shortOfMeasure(next);
}
