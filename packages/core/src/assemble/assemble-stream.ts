import { describeLines, type LineInfo } from "../lines/line-info.ts";
import { collectHyphenatedWords } from "../text/join.ts";
import type { Article, Block, OtherKind } from "../types.ts";
import { type ArticleDraft, buildArticle } from "./article-parts.ts";
import { attachTitles, titlesFollow } from "./attach-titles.ts";
import { markCaptions } from "./captions.ts";
import { markFurniture } from "./furniture.ts";
import type { LineKind } from "./line-kind.ts";
import type { StreamLine } from "./stream.ts";
import { blockOf, type TextOptions } from "./text-blocks.ts";
import { closingTitleGroup, markTitles } from "./title-lines.ts";
import { splitTitle } from "./title-roles.ts";
import { buildUnits, type Unit } from "./units.ts";

/** Options for `assembleStream`. */
export interface AssembleOptions {
  /** Remove the spaces OCR puts between CJK and digits or Latin words in block text. */
  normalizeDigitSpacing?: boolean;
}

/** The page content the rules find in a stream. */
export interface AssembledContent {
  articles: Article[];
  captions: Block[];
  other: Block[];
}

/**
 * The one set of line-level rules both paths feed: classifies the lines of a stream in reading
 * order (furniture, captions, titles, bylines, body), cuts it into title blocks and body
 * segments, decides which article each title block belongs to, and builds the articles with
 * their datelines, bylines and paragraphs. Every line ends up in exactly one block.
 */
export function assembleStream(
  stream: readonly StreamLine[],
  options: AssembleOptions = {},
): AssembledContent {
  const infos = describeLines(stream);
  const kinds: LineKind[] = new Array(infos.length).fill("body");
  const otherKind = new Map<number, OtherKind>();
  markFurniture(infos, kinds, otherKind);
  const captionGroups = markCaptions(infos, kinds, dominantMeasure(stream));
  markTitles(infos, kinds);
  let units = buildUnits(infos, kinds);
  // A title group ending the stream after a closed body is that body's title where the page
  // sets titles after their bodies.
  const closing = closingTitleGroup(infos, kinds);
  if (closing.length > 0 && titlesFollow(infos, units)) {
    for (const t of closing) kinds[t] = "title";
    units = buildUnits(infos, kinds);
  }
  const attachments = attachTitles(infos, units);
  const textOptions: TextOptions = {
    hyphenated: collectHyphenatedWords(stream.map((l) => l.text)),
    normalizeDigitSpacing: options.normalizeDigitSpacing ?? false,
  };

  const drafts = draftArticles(infos, units, attachments);
  const articles = drafts.map((d) => buildArticle(d, textOptions));
  const captions = captionGroups.map((g) =>
    blockOf(
      g.map((i) => infos[i]!),
      textOptions,
    ),
  );
  const other: Block[] = [];
  infos.forEach((x, i) => {
    const kind = otherKind.get(i);
    if (kind) other.push({ ...blockOf([x], textOptions), kind });
  });
  return { articles, captions, other };
}

/** The measure most body lines are set to (by line count), or 0 when unknown. */
function dominantMeasure(stream: readonly StreamLine[]): number {
  const counts = new Map<number, number>();
  for (const l of stream) if (l.measure) counts.set(l.measure, (counts.get(l.measure) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [m, c] of counts) if (c > most) [best, most] = [m, c];
  return best;
}

function draftArticles(
  infos: readonly LineInfo[],
  units: readonly Unit[],
  attachments: ReadonlyMap<number, { body: number | null; confidence: number }>,
): ArticleDraft[] {
  const titleOf = new Map<number, number>();
  const orphans: number[] = [];
  for (const [t, a] of attachments) {
    if (a.body === null) orphans.push(t);
    else titleOf.set(a.body, t);
  }
  const entries: { order: number; draft: Omit<ArticleDraft, "id"> }[] = [];
  units.forEach((u, k) => {
    if (u.type !== "body") return;
    const t = titleOf.get(k);
    const title = t === undefined ? null : units[t]!;
    const attach = t === undefined ? undefined : attachments.get(t);
    entries.push({
      order: Math.min(u.lines[0]!, title?.lines[0] ?? Number.POSITIVE_INFINITY),
      draft: {
        body: u.lines.map((i) => infos[i]!),
        title: title ? splitTitle(title.lines.map((i) => infos[i]!)) : null,
        titleConfidence: attach?.confidence ?? 0,
        confidence: bodyConfidence(infos, units, k, attach?.confidence),
      },
    });
  });
  for (const t of orphans) {
    const u = units[t]!;
    entries.push({
      order: u.lines[0]!,
      draft: {
        body: [],
        title: splitTitle(u.lines.map((i) => infos[i]!)),
        titleConfidence: 0.3,
        confidence: 0.3,
      },
    });
  }
  entries.sort((a, b) => a.order - b.order);
  return entries.map((e, n) => ({ id: `a${n + 1}`, ...e.draft }));
}

/** How sure the article's extent is: evidence of a boundary at each end of its body. */
function bodyConfidence(
  infos: readonly LineInfo[],
  units: readonly Unit[],
  k: number,
  titleConfidence?: number,
): number {
  const u = units[k]!;
  const first = infos[u.lines[0]!]!;
  const last = infos[u.lines.at(-1)!]!;
  const before = units[k - 1];
  const after = units[k + 1];
  const start = first.dateline || first.bylineLine || !before || before.type === "title" ? 1 : 0.4;
  const end = last.bylineEnd || last.bylineLine || !after || after.type === "title" ? 1 : 0.4;
  const title = titleConfidence ?? 0.6;
  return 0.2 + 0.3 * start + 0.3 * end + 0.2 * title;
}
