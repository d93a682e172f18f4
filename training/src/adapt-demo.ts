import { adaptModel } from "@galley/core/model";
import { fixtureCorpus, realCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { modelPage } from "./evaluate.ts";
import { fitModel } from "./fit-model.ts";
import { scorePage } from "./score.ts";
import { truthPage } from "./truth-page.ts";

/**
 * `tsx training/src/adapt-demo.ts`: learning a newspaper from its corrections, measured. For
 * each paper with more than one page, a model fitted without that paper is adapted to one of
 * its pages (as approved by its editors) and scores the paper's other pages, before and after.
 */

const pages = readCorpus([...realCorpus(), ...fixtureCorpus()]);
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
  const flag = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? Number(process.argv[at + 1]) : undefined;
  };
  const tuning = Object.fromEntries(
    Object.entries({ rounds: flag("--rounds"), learningRate: flag("--lr"), lambda: flag("--lambda") }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const adapted = adaptModel(
    base,
    [
      {
        input: first!.page.input,
        format: first!.page.format,
        truth: truthPage(first!.page.gt, first!.page.format),
      },
    ],
    tuning,
  );
  for (const p of rest) {
    const before = scorePage(p.page.gt, modelPage(p, base), null);
    const after = scorePage(p.page.gt, modelPage(p, adapted), null);
    const t = (v: number) => (p.page.gt.rolesAnnotated === false ? "—" : v.toFixed(3));
    rows.push(
      `| ${paper} | ${first!.page.name} | ${p.page.name} | ${before.articleF1.toFixed(3)} | ${after.articleF1.toFixed(3)} | ${t(before.titleAcc)} | ${t(after.titleAcc)} |`,
    );
  }
}
console.log(rows.join("\n"));
