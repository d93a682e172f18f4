import type { Block, ReconstructedPage } from "@galley/core";
import { expandLines, type GroundTruth } from "./ground-truth.ts";

/**
 * Scores a reconstruction against ground truth with the metrics of the shared yardstick
 * (`shared/eval/score.mjs`): pairwise clustering F1 of lines into articles (captions and
 * furniture as their own clusters), title, byline and dateline accuracy per ground-truth
 * article, paragraph-start F1, line coverage, and column assignment F1 where the ground truth
 * gives columns.
 */

/** The figures for one page. */
export interface PageScore {
  articleF1: number;
  /** The pairwise precision and recall behind `articleF1` (see `pairwise`). */
  pairP: number;
  pairR: number;
  /** How many articles the reconstruction made. */
  articles: number;
  titleAcc: number;
  bylineAcc: number;
  datelineAcc: number;
  paragraphF1: number;
  lineCoverage: number;
  /** Pairwise F1 of body lines grouped by column, or null without column ground truth. */
  columnF1: number | null;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pairs = (n: number) => (n * (n - 1)) / 2;
const blockLines = (b: Block | null | undefined) => b?.lines.map(String) ?? [];
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const normalise = (s: string | null | undefined) =>
  (s ?? "")
    .normalize("NFKC")
    .replace(/^\s*by\s+/i, "")
    .replace(/[\s（）()【】[\]—–\-:：,，]/g, "")
    .replace(/记者/g, "")
    .toLowerCase();

/** Pairwise F1 between two clusterings of the same items (items missing from `pred` are singletons). */
export function pairwiseF1(truth: Map<string, string>, pred: Map<string, string>): number {
  const { precision, recall } = pairwise(truth, pred);
  return f1(precision, recall);
}

/**
 * Pairwise precision (of the pairs `pred` puts together, the share the truth does too: low when
 * articles are merged) and recall (of the truth's pairs, the share `pred` keeps: low when
 * articles are cut apart).
 */
export function pairwise(
  truth: Map<string, string>,
  pred: Map<string, string>,
): { precision: number; recall: number } {
  const joint = new Map<string, number>();
  const sizeT = new Map<string, number>();
  const sizeP = new Map<string, number>();
  let missing = 0;
  for (const [id, t] of truth) {
    const p = pred.get(id) ?? `missing${missing++}`;
    joint.set(`${t}\u0000${p}`, (joint.get(`${t}\u0000${p}`) ?? 0) + 1);
    sizeT.set(t, (sizeT.get(t) ?? 0) + 1);
    sizeP.set(p, (sizeP.get(p) ?? 0) + 1);
  }
  let tp = 0;
  let gp = 0;
  let pp = 0;
  for (const n of joint.values()) tp += pairs(n);
  for (const n of sizeT.values()) gp += pairs(n);
  for (const n of sizeP.values()) pp += pairs(n);
  return { precision: pp ? tp / pp : 1, recall: gp ? tp / gp : 1 };
}

/**
 * Ground truth's line → cluster: each article one cluster (title, byline and body lines), each
 * caption one, each furniture or jump line its own (grouping them is never penalised).
 */
export function truthClusters(
  gt: GroundTruth,
  isBlank: (id: string) => boolean = () => false,
): Map<string, string> {
  const ex = (list: Parameters<typeof expandLines>[0]) => expandLines(list, isBlank);
  const truth = new Map<string, string>();
  (gt.captions ?? []).forEach((c, i) => {
    for (const id of ex(c.lines)) truth.set(id, `caption${i}`);
  });
  (gt.other ?? []).forEach((c, i) => {
    ex(c.lines).forEach((id, j) => {
      truth.set(id, `other${i}.${j}`);
    });
  });
  for (const a of gt.articles) {
    for (const list of [a.body, a.kicker, a.headline, a.subheadline, a.bylineLines, a.datelineLines]) {
      for (const id of ex(list)) truth.set(id, a.id);
    }
    ex(a.jump).forEach((id, j) => {
      truth.set(id, `jump.${a.id}.${j}`);
    });
  }

  return truth;
}

/** Pairwise F1 of body lines into columns (ground truth's `columns` against the page's), or null without column truth. */
export function columnF1(
  gt: GroundTruth,
  columns: readonly { lines: readonly string[] }[],
  isBlank: (id: string) => boolean = () => false,
): number | null {
  if (!gt.columns?.length) return null;
  const ex = (list: Parameters<typeof expandLines>[0]) => expandLines(list, isBlank);
  const bodyIds = new Set(gt.articles.flatMap((a) => ex(a.body)));
  const truth = new Map<string, string>();
  gt.columns.forEach((c, i) => {
    for (const id of ex(c.lines)) if (bodyIds.has(id)) truth.set(id, `c${i}`);
  });
  const predicted = new Map<string, string>();
  columns.forEach((c, i) => {
    for (const id of c.lines.map(String)) if (!predicted.has(id)) predicted.set(id, `p${i}`);
  });
  return truth.size ? pairwiseF1(truth, predicted) : null;
}

/** Scores `page` against `gt`; `sourceText` is the plain-text input (for blank lines), else null. */
export function scorePage(gt: GroundTruth, page: ReconstructedPage, sourceText: string | null): PageScore {
  const textLines = sourceText?.split(/\r?\n/) ?? null;
  const isBlank = (id: string) => textLines !== null && !(textLines[Number(id) - 1] ?? "").trim();
  const ex = (list: Parameters<typeof expandLines>[0]) => expandLines(list, isBlank);

  const truth = truthClusters(gt, isBlank);

  const pred = new Map<string, string>();
  const put = (ids: string[], cluster: string) => {
    for (const id of ids) if (!pred.has(id)) pred.set(id, cluster);
  };
  page.articles.forEach((a, j) => {
    const c = `P${j}`;
    for (const b of [a.kicker, a.headline, a.subheadline, ...a.paragraphs, a.byline, a.dateline])
      put(blockLines(b), c);
  });
  page.captions.forEach((b, i) => {
    put(blockLines(b), `pcap${i}`);
  });
  page.other.forEach((b, i) => {
    blockLines(b).forEach((id, j) => {
      put([id], `poth${i}.${j}`);
    });
  });

  let title = 0;
  let byline = 0;
  let dateline = 0;
  for (const a of gt.articles) {
    const body = ex(a.body);
    const votes = new Map<number, number>();
    for (const id of body) {
      const p = pred.get(id);
      if (p?.startsWith("P")) votes.set(Number(p.slice(1)), (votes.get(Number(p.slice(1))) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    const pa = best === undefined ? undefined : page.articles[best];
    const gtTitle = [...ex(a.kicker), ...ex(a.headline), ...ex(a.subheadline)];
    const prTitle = pa
      ? [...blockLines(pa.kicker), ...blockLines(pa.headline), ...blockLines(pa.subheadline)]
      : [];
    if (sameSet(gtTitle, prTitle)) title++;
    const bylineOk = a.bylineLines
      ? !!pa && sameSet(ex(a.bylineLines), blockLines(pa.byline))
      : normalise(a.byline) === normalise(pa?.byline?.text);
    if (bylineOk) byline++;
    if (normalise(a.dateline) === normalise(pa?.dateline?.text)) dateline++;
  }

  const gtStarts = new Set(gt.articles.flatMap((a) => ex(a.paragraphStarts)));
  const bodyIds = new Set(gt.articles.flatMap((a) => ex(a.body)));
  const prStarts = page.articles.flatMap((a) => a.paragraphs.map((p) => String(p.lines[0])));
  let hit = 0;
  let counted = 0;
  for (const id of new Set(prStarts)) {
    if (!bodyIds.has(id)) continue;
    counted++;
    if (gtStarts.has(id)) hit++;
  }

  const columns = columnF1(gt, page.columns, isBlank);

  const n = gt.articles.length || 1;
  const covered = [...truth.keys()].filter((id) => pred.has(id)).length;
  const { precision, recall } = pairwise(truth, pred);
  return {
    articleF1: f1(precision, recall),
    pairP: precision,
    pairR: recall,
    articles: page.articles.length,
    titleAcc: title / n,
    bylineAcc: byline / n,
    datelineAcc: dateline / n,
    paragraphF1: f1(counted ? hit / counted : 1, gtStarts.size ? hit / gtStarts.size : 1),
    lineCoverage: truth.size ? covered / truth.size : 1,
    columnF1: columns,
  };
}
