import { type Block, ingest, joinLines, type ReconstructedPage, type SourceFormat } from "@galley/core";
import { type GroundTruth, truthPage } from "@galley/training";

/**
 * The page as its editors would leave it once every correction is made: the ground truth's
 * articles and roles, each block holding the text of its source lines (read from `source`),
 * and the page's own facts (`source`, `columns`) as the server reconstructed them, since
 * correcting articles does not change those.
 */
export function correctedPage(
  gt: GroundTruth,
  source: string,
  format: SourceFormat,
  current: ReconstructedPage,
): ReconstructedPage {
  const text = new Map(ingest(source, format).lines.map((line) => [line.id, line.text]));
  const filled = (block: Block | null): Block | null =>
    block && { ...block, text: joinLines(block.lines.map((id) => text.get(id) ?? "")) };
  const truth = truthPage(gt, format);
  return {
    ...truth,
    source: current.source,
    columns: current.columns,
    articles: truth.articles.map((article) => ({
      ...article,
      kicker: filled(article.kicker),
      headline: filled(article.headline),
      subheadline: filled(article.subheadline),
      dateline: filled(article.dateline),
      byline: filled(article.byline),
      paragraphs: article.paragraphs.map((p) => filled(p)!),
    })),
    captions: truth.captions.map((b) => filled(b)!),
    other: truth.other.map((b) => filled(b)!),
  };
}
