/**
 * Scores a reconstruction against ground truth in the shared `*.gt.json` format. The metric
 * definitions follow the project's yardstick (shared/eval/score.mjs): pairwise clustering F1
 * of lines into articles (captions and each furniture line their own clusters), title
 * accuracy per ground-truth article, paragraph-start F1 over body lines, line coverage. Added
 * here: pairwise F1 of body lines into columns, and the same article F1 computed from the
 * geometry layout's `articleHint`s alone.
 */

/** A ground-truth file (the fields the scorer reads). */
export interface GroundTruth {
  format: string;
  articles: Array<{
    id: string;
    body: Array<string | number | [number, number]>;
    paragraphStarts?: Array<string | number>;
    kicker?: Array<string | number> | null;
    headline?: Array<string | number> | null;
    subheadline?: Array<string | number> | null;
    bylineLines?: Array<string | number> | null;
    jump?: Array<string | number> | null;
  }>;
  captions?: Array<{ lines: Array<string | number> }>;
  other?: Array<{ lines: Array<string | number> }>;
  columns?: Array<{ lines: Array<string | number | [number, number]> }>;
}

interface BlockLike {
  lines: string[];
}

/** The parts of a reconstruction the scorer reads. */
export interface Scored {
  columns: BlockLike[];
  articles: Array<{
    kicker: BlockLike | null;
    headline: BlockLike | null;
    subheadline: BlockLike | null;
    dateline: BlockLike | null;
    byline: BlockLike | null;
    paragraphs: BlockLike[];
  }>;
  captions: BlockLike[];
  other: BlockLike[];
}

/** Scores of one page, each in [0, 1]. */
export interface PageScores {
  articleF1: number;
  titleAcc: number;
  paragraphF1: number;
  lineCoverage: number;
  columnF1: number;
}

/** Expands GT line lists (ids, numbers or [from, to] ranges) to string ids. */
export function expandIds(
  list: ReadonlyArray<string | number | [number, number]> | null | undefined,
): string[] {
  const out: string[] = [];
  for (const x of list ?? []) {
    if (Array.isArray(x)) for (let n = x[0]; n <= x[1]; n++) out.push(String(n));
    else out.push(String(x));
  }
  return out;
}

/** Pairwise F1 of two clusterings over the keys of `truth` (missing predictions are singletons). */
export function pairwiseF1(truth: Map<string, string>, predicted: Map<string, string>): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const joint = new Map<string, number>();
  const gSize = new Map<string, number>();
  const pSize = new Map<string, number>();
  let k = 0;
  for (const [id, g] of truth) {
    const p = predicted.get(id) ?? `missing${k++}`;
    joint.set(`${g}\u0000${p}`, (joint.get(`${g}\u0000${p}`) ?? 0) + 1);
    gSize.set(g, (gSize.get(g) ?? 0) + 1);
    pSize.set(p, (pSize.get(p) ?? 0) + 1);
  }
  let tp = 0;
  let gp = 0;
  let pp = 0;
  for (const n of joint.values()) tp += pairs(n);
  for (const n of gSize.values()) gp += pairs(n);
  for (const n of pSize.values()) pp += pairs(n);
  const precision = pp ? tp / pp : 1;
  const recall = gp ? tp / gp : 1;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Ground truth's line → article cluster (captions and furniture lines clusters of their own). */
export function truthClusters(gt: GroundTruth): Map<string, string> {
  const cluster = new Map<string, string>();
  (gt.captions ?? []).forEach((c, i) => {
    for (const id of expandIds(c.lines)) cluster.set(id, `caption${i}`);
  });
  (gt.other ?? []).forEach((c, i) => {
    expandIds(c.lines).forEach((id, j) => {
      cluster.set(id, `other${i}.${j}`);
    });
  });
  for (const a of gt.articles) {
    for (const part of [a.body, a.kicker, a.headline, a.subheadline, a.bylineLines]) {
      for (const id of expandIds(part)) cluster.set(id, a.id);
    }
    expandIds(a.jump).forEach((id, j) => {
      cluster.set(id, `jump.${a.id}.${j}`);
    });
  }
  return cluster;
}

const lines = (b: BlockLike | null | undefined) => b?.lines ?? [];

/** Scores one page's reconstruction against its ground truth. */
export function scorePage(gt: GroundTruth, out: Scored): PageScores {
  const truth = truthClusters(gt);
  const predicted = new Map<string, string>();
  const put = (ids: string[], c: string) => {
    for (const id of ids) if (!predicted.has(id)) predicted.set(id, c);
  };
  out.articles.forEach((a, j) => {
    for (const b of [a.kicker, a.headline, a.subheadline, ...a.paragraphs, a.byline, a.dateline])
      put(lines(b), `P${j}`);
  });
  out.captions.forEach((b, i) => {
    put(b.lines, `cap${i}`);
  });
  out.other.forEach((b, i) => {
    b.lines.forEach((id, j) => {
      put([id], `oth${i}.${j}`);
    });
  });
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  let titles = 0;
  for (const a of gt.articles) {
    const votes = new Map<number, number>();
    for (const id of expandIds(a.body)) {
      const p = predicted.get(id);
      if (p?.startsWith("P")) votes.set(Number(p.slice(1)), (votes.get(Number(p.slice(1))) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    const pa = best === undefined ? undefined : out.articles[best];
    const want = [...expandIds(a.kicker), ...expandIds(a.headline), ...expandIds(a.subheadline)];
    const got = pa ? [...lines(pa.kicker), ...lines(pa.headline), ...lines(pa.subheadline)] : [];
    if (same(want, got)) titles++;
  }
  const body = new Set(gt.articles.flatMap((a) => expandIds(a.body)));
  const gtStarts = new Set(gt.articles.flatMap((a) => expandIds(a.paragraphStarts)));
  let hit = 0;
  let made = 0;
  for (const a of out.articles) {
    for (const p of a.paragraphs) {
      const first = p.lines[0];
      if (first === undefined || !body.has(first)) continue;
      made++;
      if (gtStarts.has(first)) hit++;
    }
  }
  const pp = made ? hit / made : 1;
  const pr = gtStarts.size ? hit / gtStarts.size : 1;
  const covered = [...truth.keys()].filter((id) => predicted.has(id)).length;
  return {
    articleF1: pairwiseF1(truth, predicted),
    titleAcc: gt.articles.length ? titles / gt.articles.length : 1,
    paragraphF1: pp + pr ? (2 * pp * pr) / (pp + pr) : 0,
    lineCoverage: truth.size ? covered / truth.size : 1,
    columnF1: columnF1(gt, out.columns),
  };
}

/** Pairwise F1 of body lines into columns: ground truth's `columns` against the output's. */
export function columnF1(gt: GroundTruth, columns: readonly BlockLike[]): number {
  const body = new Set(gt.articles.flatMap((a) => expandIds(a.body)));
  const truth = new Map<string, string>();
  (gt.columns ?? []).forEach((c, i) => {
    for (const id of expandIds(c.lines)) if (body.has(id)) truth.set(id, `c${i}`);
  });
  const predicted = new Map<string, string>();
  columns.forEach((c, i) => {
    for (const id of c.lines) if (!predicted.has(id)) predicted.set(id, `p${i}`);
  });
  return truth.size ? pairwiseF1(truth, predicted) : 1;
}

/** Article F1 from a line → article-hint map alone (furniture and captions as their own). */
export function hintF1(gt: GroundTruth, hints: Map<string, string>): number {
  return pairwiseF1(truthClusters(gt), hints);
}
