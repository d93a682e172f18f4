import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GroundTruth } from "./ground-truth.ts";

/** A fixture page: its input file and ground truth. */
export interface FixturePage {
  name: string;
  input: string;
  gt: GroundTruth;
  /**
   * A stress page: Tesseract ran more than 5 % of its lines across two source elements (the
   * ground truth's `straddling` list), so no reading of its text can be clean. Scored and
   * printed, kept out of the held averages (the same rule as the geometry accuracy test).
   */
  stress: boolean;
  /**
   * Why the page is printed but not held (the ground truth's `printedOnly`): a style the rules
   * do not yet read well enough for its figures to count in the averages. Null: held.
   */
  printedOnly: string | null;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "fixtures");

/** The plain-text pages with ground truth: `text/*.txt` and the rendered pages' Tesseract `.txt`. */
export function textFixturePages(): FixturePage[] {
  const pages: FixturePage[] = [];
  const add = (dir: string, txt: string, gt: string) => {
    if (!existsSync(join(dir, gt))) return;
    const truth = JSON.parse(readFileSync(join(dir, gt), "utf8")) as GroundTruth & {
      straddling?: unknown[];
      printedOnly?: string;
    };
    const lines = readFileSync(join(dir, txt), "utf8")
      .split(/\r?\n/)
      .filter((l) => l.trim()).length;
    const stress = (truth.straddling?.length ?? 0) > 0.05 * lines;
    pages.push({
      name: txt,
      input: join(dir, txt),
      gt: truth,
      stress,
      printedOnly: truth.printedOnly ?? null,
    });
  };
  const text = join(fixtures, "text");
  for (const f of readdirSync(text).sort())
    if (f.endsWith(".txt")) add(text, f, f.replace(/\.txt$/, ".gt.json"));
  const rendered = join(fixtures, "rendered");
  if (existsSync(rendered)) {
    for (const f of readdirSync(rendered).sort()) if (f.endsWith(".txt")) add(rendered, f, `${f}.gt.json`);
  }
  return pages;
}
