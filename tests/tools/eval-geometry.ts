/**
 * Prints, per geometry fixture, what the layout alone achieves (column F1 of body lines, the
 * article F1 of its `articleHint`s with captions and furniture counted apart) and the full
 * reconstruction's scores. `tsx tests/tools/eval-geometry.ts [--dir DIR]… [FILTER]`: with --dir,
 * the rendered pages in DIR (make-rendered.ts --out DIR) instead of the committed fixtures.
 */
import { readFileSync } from "node:fs";
import { ingest, layoutPage, reconstruct } from "@galley/core";
import { columnF1, pairwiseF1, scorePage, truthClusters } from "@galley/training";
import { geometryFixtures } from "./geometry-fixtures.ts";

const dirs: string[] = [];
let filter = "";
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--dir") dirs.push(argv[++i] ?? ".");
  else filter = argv[i]!;
}
for (const { name, input, truth, group } of geometryFixtures(dirs.length ? dirs : undefined)) {
  if (!name.includes(filter)) continue;
  const bytes = readFileSync(input);
  const layout = layoutPage(ingest(bytes));
  const hints = new Map<string, string>();
  for (const s of layout.stream) {
    if (s.roleHint === "furniture" || s.articleHint === undefined) hints.set(s.id, `f.${s.id}`);
    else if (s.roleHint === "caption") hints.set(s.id, `cap.${s.articleHint}`);
    else hints.set(s.id, `a.${s.articleHint}`);
  }
  const s = scorePage(truth, reconstruct(bytes), null);
  const f = (n: number) => n.toFixed(3);
  console.log(
    `${name.padEnd(26)} ${group.padEnd(8)} col=${f(columnF1(truth, layout.columns) ?? 1)} hint=${f(pairwiseF1(truthClusters(truth), hints))} | articleF1=${f(s.articleF1)} title=${f(s.titleAcc)} para=${f(s.paragraphF1)} cover=${f(s.lineCoverage)}`,
  );
}
