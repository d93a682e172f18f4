import { join } from "node:path";
import { defaultFit } from "@galley/core/model";
import { fullCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { cachedModelsWithoutEachPaper, meansOf, routeResults, scoreBoth } from "./evaluate.ts";

/**
 * `tsx training/src/fit-spread.ts [--bins 40,48,56] [--cache-dir DIR]`: how far the
 * leave-one-paper-out means move from one fit to another. The fits differ only in the tree
 * fitter's histogram bins (48 is the shipped setting), which changes where the trees may split
 * and nothing else; each fit's models are kept in `DIR/lono-bins-N.json` (no cache without
 * `--cache-dir`; the models depend on the line features, not on assembly, so empty the directory
 * after a change to how lines are read). Prints each fit's real and fixture means, routed as `pnpm eval` routes them,
 * and their mean over the fits: a change that needs a refit is judged by the mean, since one
 * fit's figures move by a few hundredths when one page's reading changes.
 */

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const bins = (option("--bins") ?? "40,48,56").split(",").map(Number);
const cacheDir = option("--cache-dir");

const corpus = readCorpus(fullCorpus());
const scored = corpus.filter((p) => !p.page.paper.startsWith("generated") && p.page.use !== "fit");
const f = (v: number | null) => (v === null ? "—" : v.toFixed(3));
const sums = { real: [0, 0], fixtures: [0, 0] };
for (const b of bins) {
  const cache = cacheDir ? join(cacheDir, `lono-bins-${b}.json`) : undefined;
  const models = cachedModelsWithoutEachPaper(corpus, cache, { ...defaultFit, bins: b });
  const results = scored.map((p) => scoreBoth(p, models[p.page.paper]!));
  routeResults(results);
  const real = meansOf(results.filter((r) => r.real)).routed;
  const fixtures = meansOf(results.filter((r) => !r.real)).routed;
  sums.real[0]! += real.articleF1;
  sums.real[1]! += real.titleAcc ?? 0;
  sums.fixtures[0]! += fixtures.articleF1;
  sums.fixtures[1]! += fixtures.titleAcc ?? 0;
  console.log(
    `bins ${b}: real ${f(real.articleF1)} / ${f(real.titleAcc)}, fixtures ${f(fixtures.articleF1)} / ${f(fixtures.titleAcc)}`,
  );
}
const n = bins.length;
console.log(
  `mean over ${n} fits: real ${f(sums.real[0]! / n)} / ${f(sums.real[1]! / n)}, fixtures ${f(sums.fixtures[0]! / n)} / ${f(sums.fixtures[1]! / n)}`,
);
