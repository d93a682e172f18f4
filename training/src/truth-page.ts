import type { Block, ReconstructedPage } from "@galley/core";
import { expandLines, type GroundTruth } from "./ground-truth.ts";

/**
 * Ground truth as the page an editor would have approved: each article's title parts, its
 * dateline and byline lines, and its body as one paragraph per paragraph start, jump lines last
 * (block text is left empty: only structure counts).
 */
export function truthPage(gt: GroundTruth, format: ReconstructedPage["source"]["format"]): ReconstructedPage {
  const ex = (list: Parameters<typeof expandLines>[0]) => expandLines(list, () => false);
  const block = (lines: string[]): Block | null => (lines.length ? { text: "", lines } : null);
  const articles = gt.articles.map((a, k) => {
    const body = ex(a.body);
    const starts = new Set(ex(a.paragraphStarts));
    const paragraphs: Block[] = [];
    for (const id of body) {
      if (!paragraphs.length || starts.has(id)) paragraphs.push({ text: "", lines: [] });
      paragraphs.at(-1)!.lines.push(id);
    }
    const jump = ex(a.jump);
    if (jump.length) paragraphs.push({ text: "", lines: jump });
    return {
      id: `a${k + 1}`,
      kicker: block(ex(a.kicker)),
      headline: block(ex(a.headline)),
      subheadline: block(ex(a.subheadline)),
      dateline: block(ex(a.datelineLines)),
      byline: block(ex(a.bylineLines)),
      paragraphs,
      confidence: 1,
    };
  });
  const blocks = (list: { lines: Parameters<typeof expandLines>[0] }[] | undefined) =>
    (list ?? []).map((c) => ({ text: "", lines: ex(c.lines) }));
  return {
    source: { format, lineCount: 0 },
    columns: [],
    articles,
    captions: blocks(gt.captions),
    other: blocks(gt.other),
  };
}
