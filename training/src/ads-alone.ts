import { decidePage, type LineModel, readPage } from "@galley/core/model";
import { fullCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { fitModel } from "./fit-model.ts";
import { expandLines } from "./ground-truth.ts";

/**
 * `tsx training/src/ads-alone.ts`: item 6 measured on real ads. For each real page whose truth
 * keeps at least 20 lines outside its articles (ads, notices, listings), those lines, read alone
 * as a plain-text page, are a page of nothing but ads; a model fitted without that paper reads
 * it (bypassing the router, which would send such a page to the model anyway: no datelines).
 * Prints how many articles it makes and the share of lines it sets outside (the goal: none and
 * all).
 */
const corpus = readCorpus(fullCorpus());
const models = new Map<string, LineModel>();
const rows = ["| page | ad lines | articles made | lines outside |", "|---|---|---|---|"];
for (const p of corpus) {
  if (!p.page.real || p.page.format === "text") continue;
  const outside = new Set((p.page.gt.other ?? []).flatMap((o) => expandLines(o.lines, () => false)));
  const lines = p.reading.stream.filter((l) => outside.has(String(l.id))).map((l) => l.text);
  if (lines.length < 20) continue;
  let model = models.get(p.page.paper);
  if (!model) {
    model = fitModel(corpus.filter((q) => q.page.paper !== p.page.paper));
    models.set(p.page.paper, model);
  }
  const page = decidePage(readPage(lines.join("\n")), { ...model, router: undefined });
  const out = [...page.other, ...page.captions].reduce((n, b) => n + b.lines.length, 0);
  rows.push(
    `| ${p.page.name} | ${lines.length} | ${page.articles.length} | ${((100 * out) / lines.length).toFixed(0)} % |`,
  );
}
console.log(rows.join("\n"));
