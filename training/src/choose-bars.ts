import { assembleDecisions, decideLines, type Thresholds } from "@galley/core/model";
import { fullCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import {
  cachedModelsWithoutEachPaper,
  meansOf,
  type PageResult,
  routeResults,
  scoreBoth,
} from "./evaluate.ts";
import { scorePage } from "./score.ts";

/**
 * `tsx training/src/choose-bars.ts [--cache FILE] [--grid JSON]`: how the bars of `Thresholds`
 * were chosen, reproducible. Fits the leave-one-paper-out models once (as `pnpm eval` does; the
 * trees do not depend on the bars), then for every pair of bars in the grid prints the real and
 * fixture means, the router refitted for each pair. Choosing bars on the figures they are judged
 * by flatters them, so it also prints the nested figure: each real paper scored at the bars best
 * on the other real papers. `--cache` keeps the fitted models in a file between runs.
 */

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const cache = option("--cache");
const grid: Partial<Record<keyof Thresholds, number[]>> = JSON.parse(
  option("--grid") ?? '{"begin":[0.5,0.3,0.2,0.15,0.1],"lead":[0.5,0.3,0.2,0.1]}',
);

const corpus = readCorpus(fullCorpus());
const scored = corpus.filter((p) => !p.page.paper.startsWith("generated") && p.page.use !== "fit");
const models = cachedModelsWithoutEachPaper(corpus, cache);

const read = scored.map((p) => {
  const model = models[p.page.paper]!;
  return { p, result: scoreBoth(p, model), decisions: decideLines(p.features, model) };
});
let combos: Partial<Thresholds>[] = [{}];
for (const [name, values] of Object.entries(grid))
  combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));

const f = (v: number | null) => (v === null ? "—" : v.toFixed(3));
const runs = combos.map((bars) => {
  const results = read.map(({ p, result, decisions }) => {
    const at = { ...decisions, thresholds: { ...decisions.thresholds, ...bars } };
    const source = p.page.format === "text" ? p.page.input : null;
    return { ...result, model: scorePage(p.page.gt, assembleDecisions(p.reading, p.features, at), source) };
  });
  routeResults(results);
  const real = meansOf(results.filter((r) => r.real)).routed;
  const fixtures = meansOf(results.filter((r) => !r.real)).routed;
  console.log(
    `${JSON.stringify(bars)}: real ${f(real.articleF1)} / ${f(real.titleAcc)}, fixtures ${f(fixtures.articleF1)} / ${f(fixtures.titleAcc)}`,
  );
  return { bars, results };
});

const gain = (results: PageResult[]) => {
  const m = meansOf(results).routed;
  return m.articleF1 + (m.titleAcc ?? 0);
};
const nested: PageResult[] = [];
for (const paper of new Set(scored.filter((p) => p.page.real).map((p) => p.page.paper))) {
  let best = runs[0]!;
  for (const run of runs)
    if (
      gain(run.results.filter((r) => r.real && r.paper !== paper)) >
      gain(best.results.filter((r) => r.real && r.paper !== paper))
    )
      best = run;
  console.log(`without ${paper}: ${JSON.stringify(best.bars)}`);
  nested.push(...best.results.filter((r) => r.real && r.paper === paper));
}
const m = meansOf(nested).routed;
console.log(`nested, real: ${f(m.articleF1)} / ${f(m.titleAcc)}`);
