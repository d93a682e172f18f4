import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GroundTruth } from "@galley/training";

/**
 * The geometry fixtures with ground truth: every rendered page's hOCR and ALTO, and the real
 * pages (whose truth names its input). A rendered page is a "stress" page when Tesseract ran
 * more than 5 % of its lines across two printed elements: its truth then rests on a judgement
 * (a run-together line goes to its larger share), so it is scored and shown but kept out of the
 * averages the accuracy test holds to the targets.
 */

/** One fixture: a name, its input file, its truth, and which group it scores in. */
export interface GeometryFixture {
  name: string;
  input: string;
  truth: GroundTruth;
  group: "rendered" | "stress" | "real";
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/**
 * Lists the geometry fixtures, sorted by name; with `dirs`, the rendered pages in those
 * directories instead (pages written elsewhere by make-rendered.ts --out, e.g. unseen seeds).
 */
export function geometryFixtures(dirs?: string[]): GeometryFixture[] {
  const out: GeometryFixture[] = [];
  const sources = dirs ?? [join(fixtures, "rendered"), join(fixtures, "realdata")];
  for (const root of sources) {
    const dir = root.endsWith("realdata") ? "realdata" : "rendered";
    for (const f of readdirSync(root)) {
      if (!f.endsWith(".gt.json")) continue;
      const truth = JSON.parse(readFileSync(join(root, f), "utf8")) as GroundTruth & {
        input?: string;
        straddling?: string[];
      };
      const m = /^(.*)\.(hocr|alto)\.gt\.json$/.exec(f);
      if (dir === "realdata" && truth.input) {
        out.push({
          name: truth.input.replace(/\.xml$/, ""),
          input: join(root, truth.input),
          truth,
          group: "real",
        });
      } else if (m) {
        const input = join(root, m[2] === "hocr" ? `${m[1]}.hocr` : `${m[1]}.alto.xml`);
        const lines = truth.articles.reduce((n, a) => n + a.body.length, 0) + (truth.other?.length ?? 0);
        const stress = (truth.straddling?.length ?? 0) > 0.05 * Math.max(1, lines);
        out.push({ name: `${m[1]}.${m[2]}`, input, truth, group: stress ? "stress" : "rendered" });
      }
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
