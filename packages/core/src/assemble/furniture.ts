import type { LineInfo } from "../lines/line-info.ts";
import { opensWithProductionCredit } from "../lines/patterns.ts";
import type { OtherKind } from "../types.ts";
import { isBreakGap, type LineKind } from "./line-kind.ts";

/**
 * Page furniture: folios, running heads with the date, production credits, jump lines, and
 * the short labels (paper name, section flag) that sit beside them in the running head.
 */

/**
 * Whether the line stands apart from the body text around it. At the head or foot of the page
 * (`edge`), the lines of the running head are often read as a stack with no space between them
 * ("华夏日报" / "2024年11月29日 星期五" / "要闻" / "第4版"): a neighbour that is furniture or a
 * short label there is no body text the line could belong to.
 */
function isolated(infos: readonly LineInfo[], i: number, edge: boolean): boolean {
  const x = infos[i]!;
  const prev = infos[i - 1];
  const next = infos[i + 1];
  const stacked = (y: LineInfo) => edge && (y.furniture !== null || isShortLabel(y, true));
  const cutBefore =
    !prev || isBreakGap(x) || x.line.gapBefore === "line" || prev.endsSentence || stacked(prev);
  const cutAfter =
    !next || isBreakGap(next) || next.line.gapBefore === "line" || next.startsSentence || stacked(next);
  return cutBefore && cutAfter;
}

/** A short label: a section flag or, between furniture lines, a paper name (up to six CJK characters). */
function isShortLabel(x: LineInfo, sandwiched = false): boolean {
  if (x.endsSentence || x.dateline || x.bylineLine || x.credit) return false;
  if (x.cjk) return x.chars <= (sandwiched ? 6 : 4) && x.clauses === 0;
  return x.allCaps && x.words <= (sandwiched ? 5 : 3);
}

/** Marks furniture and jump lines in `kinds`, recording each one's kind in `otherKind`. */
export function markFurniture(
  infos: readonly LineInfo[],
  kinds: LineKind[],
  otherKind: Map<number, OtherKind>,
): void {
  const n = infos.length;
  infos.forEach((x, i) => {
    const edge = i < 8 || i >= n - 4;
    if (x.line.roleHint === "furniture") {
      kinds[i] = "furniture";
      otherKind.set(i, x.jump ? "jump" : (x.furniture ?? "running-head"));
    } else if (x.jump) {
      // A whole line that says where the story goes on is a jump line wherever it stands.
      kinds[i] = "jump";
      otherKind.set(i, "jump");
    } else if (x.furniture === "credit" && x.line.roleHint !== "body" && opensWithProductionCredit(x.text)) {
      // "责任编辑：王波" opens no sentence: a production credit wherever it stands.
      kinds[i] = "furniture";
      otherKind.set(i, "credit");
    } else if (x.furniture && !x.endsSentence && x.line.roleHint !== "body" && isolated(infos, i, edge)) {
      // A line the source or the layout sets as body text ("708" in a list) is no folio.
      kinds[i] = "furniture";
      otherKind.set(i, x.furniture);
    }
  });
  const top = Array.from({ length: Math.min(8, n) }, (_, k) => k);
  const bottom = Array.from({ length: Math.min(4, n) }, (_, k) => n - 1 - k);
  for (const order of [top, bottom]) markRunningHeadLabels(infos, kinds, otherKind, order);
}

/**
 * Within the first (or last) lines of the page, in `order`: short labels before the last
 * furniture line, and those directly after it, belong to the running head.
 */
function markRunningHeadLabels(
  infos: readonly LineInfo[],
  kinds: LineKind[],
  otherKind: Map<number, OtherKind>,
  order: readonly number[],
): void {
  let last = -1;
  order.forEach((i, k) => {
    if (kinds[i] === "furniture") last = k;
  });
  if (last < 0) return;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (kinds[i] !== "body") {
      if (k > last) break;
      continue;
    }
    const x = infos[i]!;
    if (!isShortLabel(x, k < last)) {
      if (k > last) break;
      return;
    }
    // After the running head, keep a label only if a line remains before the body for a title.
    // A label set apart from the running head by whitespace but tight over the line under it
    // heads what follows, as a kicker does ("NATION & WORLD" / "" / "ANALYSIS" / headline).
    if (k > last) {
      const following = order[k + 1];
      if (following === undefined || kinds[following] !== "body" || infos[following]!.dateline) break;
      if (isBreakGap(x) && infos[following]!.line.gapBefore === "none") break;
    }
    kinds[i] = "furniture";
    otherKind.set(i, "section");
  }
}
