import { defaultFit } from "@galley/core/model";
import { fullCorpus } from "./corpus.ts";
import { readCorpus } from "./dataset.ts";
import { leaveOnePaperOut, lowestFifthShare, resultTable, routeResults } from "./evaluate.ts";

/** `pnpm eval`: the leave-one-newspaper-out figures, per paper and format, and their means. */
const started = Date.now();
const pages = readCorpus(
  fullCorpus().filter((p) => !(process.argv.includes("--no-ads") && p.paper === "generated: ads")),
);
const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
};
const settings = { ...defaultFit };
settings.rounds = flag("--rounds") ?? settings.rounds;
settings.depth = flag("--depth") ?? settings.depth;
settings.learningRate = flag("--lr") ?? settings.learningRate;
settings.realWeight = flag("--real-weight") ?? settings.realWeight;
settings.thresholds = {
  other: flag("--other") ?? settings.thresholds.other,
  begin: flag("--begin") ?? settings.thresholds.begin,
  title: flag("--title") ?? settings.thresholds.title,
};
const results = leaveOnePaperOut(pages, settings);
routeResults(results);
const real = results.filter((r) => r.real);
const format = (r: { geometry: boolean }) => (r.geometry ? "geometry" : "text");
console.log(resultTable(real, (r) => `${r.paper} (${format(r)})`));
console.log();
console.log(resultTable(real, (r) => `real, ${format(r)}`));
console.log(resultTable(real, () => "real, all"));
console.log(
  resultTable(
    results.filter((r) => !r.real),
    (r) => `${r.paper}, ${format(r)}`,
  ),
);
console.log(
  resultTable(
    results.filter((r) => !r.real),
    (r) => `fixtures, ${format(r)}`,
  ),
);
for (const head of ["begin", "title"] as const) {
  const { wrong, share } = lowestFifthShare(
    real.flatMap((r) => r.doubts),
    head,
  );
  console.log(
    `calibration, ${head}: ${wrong} wrong decisions on real pages, ${(share * 100).toFixed(0)} % of them among the 20 % least sure`,
  );
}
if (process.argv.includes("--pages")) {
  for (const r of results)
    console.log(
      `${r.paper}\t${r.name}\t${r.routed}\t${JSON.stringify(r.signals)}\t${r.model.articleF1.toFixed(3)}\t${r.rules.articleF1.toFixed(3)}\t${r.model.titleAcc.toFixed(3)}\t${r.rules.titleAcc.toFixed(3)}`,
    );
}
console.error(`${((Date.now() - started) / 1000).toFixed(1)} s`);
