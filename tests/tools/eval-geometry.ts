/**
 * Prints, per geometry fixture, what the layout alone achieves: column F1 of body lines and the
 * article F1 of its `articleHint`s (captions and furniture counted apart), plus the full
 * reconstruction's scores. `tsx tests/tools/eval-geometry.ts [FILTER]`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ingest, layoutPage, reconstruct } from "@galley/core";
import { columnF1, type GroundTruth, hintF1, scorePage } from "./score.ts";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "fixtures");

/** Every geometry fixture with its ground truth: [name, input path, truth path]. */
export function geometryFixtures(): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const dir of ["rendered", "realdata"]) {
    for (const f of readdirSync(join(fixtures, dir))) {
      const m = /^(.*)\.(hocr|alto|page)\.gt\.json$/.exec(f);
      if (!m) {
        // Real pages name their input in the truth file.
        if (!f.endsWith(".gt.json")) continue;
        const input = (JSON.parse(readFileSync(join(fixtures, dir, f), "utf8")) as { input?: string }).input;
        if (input)
          out.push([input.replace(/\.xml$/, ""), join(fixtures, dir, input), join(fixtures, dir, f)]);
        continue;
      }
      const input =
        m[2] === "hocr" ? `${m[1]}.hocr` : m[2] === "alto" ? `${m[1]}.alto.xml` : `${m[1]}.page.xml`;
      out.push([`${m[1]}.${m[2]}`, join(fixtures, dir, input), join(fixtures, dir, f)]);
    }
  }
  return out.sort();
}

const filter = process.argv[2] ?? "";
for (const [name, input, truthPath] of geometryFixtures()) {
  if (!name.includes(filter)) continue;
  const gt = JSON.parse(readFileSync(truthPath, "utf8")) as GroundTruth;
  const layout = layoutPage(ingest(readFileSync(input)));
  const hints = new Map<string, string>();
  for (const s of layout.stream) {
    if (s.roleHint === "furniture" || s.articleHint === undefined) hints.set(s.id, `f.${s.id}`);
    else if (s.roleHint === "caption") hints.set(s.id, `cap.${s.articleHint}`);
    else hints.set(s.id, `a.${s.articleHint}`);
  }
  const col = columnF1(gt, layout.columns);
  const art = hintF1(gt, hints);
  const s = scorePage(gt, reconstruct(readFileSync(input)));
  const f = (n: number) => n.toFixed(3);
  console.log(
    `${name.padEnd(26)} col=${f(col)} hint=${f(art)} | articleF1=${f(s.articleF1)} title=${f(s.titleAcc)} para=${f(s.paragraphF1)} cover=${f(s.lineCoverage)}`,
  );
}
