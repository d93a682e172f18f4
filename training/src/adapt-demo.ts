import { adaptModel, decidePage } from "@galley/core/model";
import { fixtureCorpus, realCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { fitModel } from "./fit-model.ts";
import { scorePage } from "./score.ts";
import { truthPage } from "./truth-page.ts";

/**
 * `tsx training/src/adapt-demo.ts`: learning a newspaper from its corrections, measured. For
 * each paper with more than one page, a model fitted without that paper is adapted to one of
 * its pages (as approved by its editors) and scores the paper's other pages, before and after.
 */

const pages = readCorpus([...realCorpus(), ...fixtureCorpus()]);
const means = { before: 0, after: 0, n: 0 };
const rows = [
  "| paper | adapted on | scored on | articleF1 before | after | titleAcc before | after |",
  "|---|---|---|---|---|---|---|",
];
for (const paper of new Set(pages.filter((p) => p.page.real).map((p) => p.page.paper))) {
  const own = pages.filter((p) => p.page.paper === paper && p.page.format !== "text");
  if (own.length < 2) continue;
  const base = fitModel(pages.filter((p) => p.page.paper !== paper));
  delete base.router;
  const [first, ...rest] = own;
  const adapted = adaptModel(base, [
    {
      input: first!.page.input,
      format: first!.page.format,
      truth: truthPage(first!.page.gt, first!.page.format),
    },
  ]);
  for (const p of rest) {
    const before = scorePage(p.page.gt, decidePage(p.reading, base), null);
    const after = scorePage(p.page.gt, decidePage(p.reading, adapted), null);
    means.before += before.articleF1;
    means.after += after.articleF1;
    means.n++;
    const t = (v: number) => (p.page.gt.rolesAnnotated === false ? "—" : v.toFixed(3));
    rows.push(
      `| ${paper} | ${first!.page.name} | ${p.page.name} | ${before.articleF1.toFixed(3)} | ${after.articleF1.toFixed(3)} | ${t(before.titleAcc)} | ${t(after.titleAcc)} |`,
    );
  }
}
console.log(rows.join("\n"));
console.log(
  `\nMean articleF1 over these ${means.n} pages: ${(means.before / means.n).toFixed(3)} → ${(means.after / means.n).toFixed(3)}`,
);
