/**
 * Scores every `X.txt` with an `X.gt.json` beside it in a directory (by default the text
 * fixtures), one row a page and the average: for pages written elsewhere, such as the house
 * generator's variants at other seeds (`make-house-fixtures.ts --seed N --out DIR`).
 * `npx tsx tests/tools/score-text.ts [DIR] [FILTER]`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reconstruct } from "@galley/core";
import type { GroundTruth } from "@galley/training";
import { type PageScore, scorePage } from "@galley/training";

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "text");
const filter = process.argv[3] ?? "";
const scores: PageScore[] = [];
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith(".txt") || !f.includes(filter)) continue;
  const gtFile = join(dir, f.replace(/\.txt$/, ".gt.json"));
  if (!existsSync(gtFile)) continue;
  const text = readFileSync(join(dir, f), "utf8");
  const s = scorePage(JSON.parse(readFileSync(gtFile, "utf8")) as GroundTruth, reconstruct(text), text);
  scores.push(s);
  console.log(
    `${f.padEnd(34)} articleF1=${s.articleF1.toFixed(3)} title=${s.titleAcc.toFixed(2)} byline=${s.bylineAcc.toFixed(2)} dateline=${s.datelineAcc.toFixed(2)} para=${s.paragraphF1.toFixed(3)}`,
  );
}
const avg = (k: keyof PageScore) => scores.reduce((a, s) => a + (s[k] as number), 0) / (scores.length || 1);
console.log(
  `average (${scores.length} pages): articleF1=${avg("articleF1").toFixed(3)} titleAcc=${avg("titleAcc").toFixed(3)} paragraphF1=${avg("paragraphF1").toFixed(3)}`,
);
