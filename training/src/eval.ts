import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultFit } from "@galley/core/model";
import { fullCorpus, tesseractCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { leaveOnePaperOut, lowestFifthShare, pooledTitles, resultTable, routeResults } from "./evaluate.ts";

/** `pnpm eval`: the leave-one-newspaper-out figures, per paper and format, and their means. */
const started = Date.now();
const pages = readCorpus(
  [
    ...fullCorpus(flatOption()),
    // The real layouts read by Tesseract: scored apart, each by the model fitted without its paper
    // (`--tesseract fit|both` fits on them too).
    ...tesseractCorpus((option("--tesseract") ?? "score") as "fit" | "score" | "both"),
  ].filter((p) => !(process.argv.includes("--no-ads") && p.paper === "generated: ads")),
);
function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
function flatOption(): "fit" | "score" | "both" | undefined {
  return option("--flat") as "fit" | "score" | "both" | undefined;
}
const flag = (name: string) => {
  const value = option(name);
  return value === undefined ? undefined : Number(value);
};
const settings = { ...defaultFit };
settings.rounds = flag("--rounds") ?? settings.rounds;
settings.depth = flag("--depth") ?? settings.depth;
settings.learningRate = flag("--lr") ?? settings.learningRate;
settings.realWeight = flag("--real-weight") ?? settings.realWeight;
settings.pageNorm = process.argv.includes("--page-norm") || settings.pageNorm;
settings.thresholds = {
  other: flag("--other") ?? settings.thresholds.other,
  begin: flag("--begin") ?? settings.thresholds.begin,
  title: flag("--title") ?? settings.thresholds.title,
  lead: flag("--lead") ?? settings.thresholds.lead,
};
const results = leaveOnePaperOut(pages, settings);
routeResults(results);
const real = results.filter((r) => r.real && !r.tesseract);
const tesseract = results.filter((r) => r.tesseract);
const fixtures = results.filter((r) => !r.real);
const format = (r: { geometry: boolean; name: string }) =>
  r.geometry ? "geometry" : r.name.endsWith("#flat") ? "text, no blank lines" : "text";
const report: string[] = [
  "Each real paper scored by a model and router fitted without it (routed: the page the router",
  "picks; model: the model's page; rules: the rules alone):",
  "",
  resultTable(real, (r) => `${r.paper} (${format(r)})`),
  "",
  "Means over the real pages:",
  "",
  resultTable(real, (r) => `real, ${format(r)}`),
  resultTable(real, () => "real, all")
    .split("\n")
    .slice(2)
    .join("\n"),
  "",
  ...(["geometry", "text"] as const).map((kind) => {
    const pooled = pooledTitles(real.filter((r) => format(r) === kind));
    return `- titles counted per article (${kind}: ${pooled.articles} articles of titled pages, routed): ${pooled.titleAcc.toFixed(3)}`;
  }),
  "",
  ...(tesseract.length
    ? [
        "Real layouts read by Tesseract (tests/tools/retess-real.ts; apart from the real means, each scored by the model fitted without its paper):",
        "",
        resultTable(tesseract, (r) => r.paper),
        resultTable(tesseract, () => "real layouts, Tesseract")
          .split("\n")
          .slice(2)
          .join("\n"),
        "",
      ]
    : []),
  "The project's fixtures, each family left out in turn:",
  "",
  resultTable(fixtures, (r) => `${r.paper}, ${format(r)}`),
  resultTable(fixtures, (r) => `fixtures, ${format(r)}`)
    .split("\n")
    .slice(2)
    .join("\n"),
  "",
  "Calibration (issue 12, item 5), over the line decisions of the model on the real pages:",
  "",
];
for (const head of ["begin", "title"] as const) {
  const { wrong, share } = lowestFifthShare(
    real.flatMap((r) => r.doubts),
    head,
  );
  report.push(
    `- ${head}: ${wrong} wrong decisions; ${(share * 100).toFixed(0)} % of them are among the 20 % of decisions the model was least sure of.`,
  );
}
console.log(report.join("\n"));
if (process.argv.includes("--write")) {
  const file = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "accuracy.md");
  const doc = readFileSync(file, "utf8");
  const begin = "<!-- pnpm eval: begin -->";
  const end = "<!-- pnpm eval: end -->";
  const before = doc.slice(0, doc.indexOf(begin) + begin.length);
  const after = doc.slice(doc.indexOf(end));
  writeFileSync(file, `${before}\n\n${report.join("\n")}\n\n${after}`);
}
if (process.argv.includes("--pages")) {
  for (const r of results)
    console.log(
      `${r.paper}\t${r.name}\t${r.routed}\t${JSON.stringify(r.signals)}\t${r.model.articleF1.toFixed(3)}\t${r.rules.articleF1.toFixed(3)}\t${r.model.titleAcc.toFixed(3)}\t${r.rules.titleAcc.toFixed(3)}`,
    );
}
console.error(`${((Date.now() - started) / 1000).toFixed(1)} s`);
