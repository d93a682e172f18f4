import type { LineInfo } from "../lines/line-info.ts";
import type { LineKind } from "./line-kind.ts";

/**
 * Cuts the classified stream into units: title blocks and body segments, in reading order.
 * Captions and furniture are transparent (an article's body runs on across a caption). A body
 * segment is cut where an article visibly ends or starts: a dateline after a closed sentence,
 * a byline closing a line, a "By" line, a change of spatial article, or a change of measure
 * after a paragraph end.
 */

/** A title block or a body segment: line indexes in reading order. */
export interface Unit {
  type: "title" | "body";
  lines: number[];
}

/** Builds the units of a classified stream. */
export function buildUnits(infos: readonly LineInfo[], kinds: readonly LineKind[]): Unit[] {
  const units: Unit[] = [];
  // A jump line ("下转第4版", "Continued on Page A6") closes the article it ends.
  let jumped = false;
  infos.forEach((_, i) => {
    const kind = kinds[i];
    const last = units.at(-1);
    if (kind === "jump") jumped = true;
    if (kind === "title" || kind === "byline") {
      if (last?.type === "title") last.lines.push(i);
      else units.push({ type: "title", lines: [i] });
    } else if (kind === "body") {
      const h = last?.type === "body" ? last.lines.at(-1) : undefined;
      if (last?.type === "body" && h !== undefined && !jumped && !cutsBetween(infos, h, i))
        last.lines.push(i);
      else units.push({ type: "body", lines: [i] });
    }
    if (kind === "body" || kind === "title" || kind === "byline") jumped = false;
  });
  return units;
}

/** Whether a line is a bare name closing an article ("王波" on a line of its own). */
export function isClosingName(infos: readonly LineInfo[], i: number): boolean {
  const x = infos[i]!;
  const prev = infos[i - 1];
  return x.cjk && x.chars <= 12 && (x.bylineLine !== null || x.bareName) && prev?.endsSentence === true;
}

function shortLine(x: LineInfo): boolean {
  return (x.line.fill ?? 1) < (x.cjk ? 0.85 : 0.75);
}

function cutsBetween(infos: readonly LineInfo[], h: number, i: number): boolean {
  const a = infos[h]!;
  const b = infos[i]!;
  if (
    a.line.articleHint !== undefined &&
    b.line.articleHint !== undefined &&
    a.line.articleHint !== b.line.articleHint
  ) {
    return true;
  }
  // Lines of one paragraph region (PAGE) are one paragraph by the source's word: no article ends inside.
  if (a.line.regionType === "paragraph" && a.line.region !== undefined && a.line.region === b.line.region)
    return false;
  const closed = a.endsSentence || a.bylineEnd !== null || a.bylineLine !== null || isClosingName(infos, h);
  if (b.dateline && closed) return true;
  if (a.bylineEnd?.spaced && b.startsSentence) return true;
  if (isClosingName(infos, h) && b.startsSentence) return true;
  if (b.bylineLine && !b.cjk && a.endsSentence) return true;
  const ma = a.line.measure;
  const mb = b.line.measure;
  const gap = b.line.gapBefore === "block" || b.line.gapBefore === "paragraph";
  if (
    ma &&
    mb &&
    Math.abs(ma - mb) / Math.max(ma, mb) >= 0.25 &&
    a.endsSentence &&
    shortLine(a) &&
    gap &&
    b.startsSentence
  ) {
    return true;
  }
  return false;
}
