import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultFit } from "@galley/core/model";
import { fullCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { leaveOnePaperOut, routedPage } from "./evaluate.ts";
import { fitModel } from "./fit-model.ts";
import { fitRouter } from "./fit-router.ts";
import { serializeModel } from "./serialize.ts";

/**
 * `pnpm train`: fits the shipped model on every page of the corpus and writes
 * `packages/core/src/model/model.json`. The router is fitted on the leave-one-paper-out
 * figures (each page scored by a model that never saw its paper), so it learns where the
 * model does better on papers it has not seen. Deterministic: the same data gives the same file.
 */
const started = Date.now();
const pages = readCorpus(fullCorpus());
const results = leaveOnePaperOut(pages, defaultFit);
const router = fitRouter(results.map(routedPage));
const model = fitModel(pages, defaultFit);
if (Number.isFinite(router.threshold)) model.router = router;
const out = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "packages",
  "core",
  "src",
  "model",
  "model.json",
);
writeFileSync(out, serializeModel(model));
console.log(
  `model.json: ${pages.length} pages, ${Object.values(model.heads).reduce((n, h) => n + h.trees.length, 0)} trees, ` +
    `router ${JSON.stringify(model.router ?? null)}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
