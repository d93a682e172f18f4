import { fullCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { cachedModelsWithoutEachPaper, modelPage } from "./evaluate.ts";
import { scorePage, truthClusters } from "./score.ts";

/**
 * `tsx training/src/page-errors.ts [--cache FILE]`: what goes wrong on each real page, read by
 * a model fitted without its paper (the leave-one-paper-out models of `pnpm eval`; `--cache`
 * shares them with `choose-bars.ts`). Per page: the truth's articles and the model's, pairwise
 * precision (low: articles merged) and recall (low: articles cut apart), articleF1 and titleAcc
 * (where the truth marks titles), the lines set outside every article against the truth's, and
 * how often the stream the model reads comes back to an article it had left (a cut can only
 * split the stream, never rejoin it). The rules' figures follow on the same line.
 */

const at = process.argv.indexOf("--cache");
const cache = at >= 0 ? process.argv[at + 1] : undefined;
const corpus = readCorpus(fullCorpus());
const models = cachedModelsWithoutEachPaper(corpus, cache);

const f = (v: number) => v.toFixed(2);
for (const p of corpus) {
  if (!p.page.real) continue;
  const source = p.page.format === "text" ? p.page.input : null;
  const page = modelPage(p, models[p.page.paper]!);
  const m = scorePage(p.page.gt, page, source);
  const r = scorePage(p.page.gt, p.reading.rules, source);
  const outside = page.other.reduce((n, b) => n + b.lines.length, 0) + page.captions.length;
  const truthOutside = p.labels.other.reduce((n, v) => n + v, 0);
  const titles = p.labels.titleKnown ? f(m.titleAcc) : "—";
  console.log(
    `${p.page.name.padEnd(56)} articles ${p.page.gt.articles.length}, re-entered ${reentries(p)} | ` +
      `model ${m.articles}: P ${f(m.pairP)} R ${f(m.pairR)} F1 ${f(m.articleF1)} titles ${titles}, ` +
      `outside ${outside} (truth ${truthOutside}) | rules ${r.articles}: P ${f(r.pairP)} R ${f(r.pairR)} F1 ${f(r.articleF1)}`,
  );
}

/** How many times the stream returns to a truth article after leaving it. */
function reentries(p: (typeof corpus)[number]): number {
  const clusters = truthClusters(p.page.gt);
  const articles = new Set(p.page.gt.articles.map((a) => a.id));
  const seen = new Set<string>();
  let last: string | undefined;
  let count = 0;
  for (const line of p.reading.stream) {
    const k = clusters.get(line.id);
    if (k === undefined || !articles.has(k) || k === last) continue;
    if (seen.has(k)) count++;
    seen.add(k);
    last = k;
  }
  return count;
}
