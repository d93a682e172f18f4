import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GroundTruth } from "./ground-truth.ts";
import { adLanguages } from "./synth/ad-languages.ts";
import { adPage } from "./synth/ads.ts";
import { seededDice } from "./synth/random.ts";
import { textView } from "./text-view.ts";

/**
 * Every page the model learns from and is measured on, with its truth. Real pages are grouped
 * by newspaper (the unit left out in evaluation); each real page with coordinates is also read
 * as the plain-text stream its lines make in file order (`#text`), with the same truth. The
 * project's own fixtures (the seed page, the house-style streams, the rendered pages) form
 * families of their own (`fixtureFamily`): training material, reported apart, never the measure of real pages.
 */

/** One page of the corpus. */
export interface CorpusPage {
  /** File name, with `#text` for the plain-text reading of a geometry page. */
  name: string;
  /** The newspaper (or "fixtures"): pages of one paper are left out together. */
  paper: string;
  real: boolean;
  format: "text" | "hocr" | "alto" | "page";
  input: string;
  gt: GroundTruth & { rolesAnnotated?: boolean };
  /** Only fitted on, never scored ("fit"), or only scored, never fitted on ("score"); else both. */
  use?: "fit" | "score";
  /** A real layout OCR'd by Tesseract (`tests/tools/retess-real.ts`): reported apart from the real pages. */
  tesseract?: boolean;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "fixtures");

/** The real pages and their papers: `[file, paper]`, relative to `tests/fixtures/realdata`. */
const realPages: [string, string][] = [
  ["newseye/lematin-18840315-p2.page.xml", "Le Matin 1884"],
  ["newseye/lematin-18840315-p3.page.xml", "Le Matin 1884"],
  ["newseye/lematin-18840315-p4.page.xml", "Le Matin 1884"],
  ["newseye/lematin-19420115-p2.page.xml", "Le Matin 1942"],
  ["newseye/lematin-19420115-p3.page.xml", "Le Matin 1942"],
  ["kb/kb-1750-05-15-p1.alto.xml", "Gravenhaegse Courant 1750"],
  ["kb/kb-1750-05-15-p2.alto.xml", "Gravenhaegse Courant 1750"],
  ["kb/kb-1813-11-16-p1.alto.xml", "Advertentieblad 1813"],
  ["kb/kb-1813-11-16-p2.alto.xml", "Advertentieblad 1813"],
  ["kb/kb-1876-12-01-p1.alto.xml", "Algemeen Handelsblad 1876"],
  ["kb/kb-1876-12-01-p3.alto.xml", "Algemeen Handelsblad 1876"],
  ["bl_liverpool-standard_1832-11-23_p0001_alto.xml", "Liverpool Standard 1832"],
  ["reichsanzeiger_1918_268_0134_page.xml", "Reichsanzeiger 1918"],
];

function formatOf(file: string): CorpusPage["format"] {
  if (file.endsWith(".hocr")) return "hocr";
  if (file.endsWith(".txt")) return "text";
  return file.includes("page") && !file.includes("alto") ? "page" : "alto";
}

function truthFile(file: string): string {
  if (file.endsWith(".xml") && existsSync(file.replace(/\.xml$/, ".gt.json")))
    return file.replace(/\.xml$/, ".gt.json");
  if (file.endsWith(".txt") && existsSync(file.replace(/\.txt$/, ".gt.json")))
    return file.replace(/\.txt$/, ".gt.json");
  return `${file}.gt.json`;
}

/**
 * The real pages, each also as its plain-text reading; with `flat`, also as plain text without
 * blank lines (`#flat`), fitted on, scored, or both.
 */
export function realCorpus(flat?: "fit" | "score" | "both"): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const [file, paper] of realPages) {
    const path = join(fixtures, "realdata", file);
    const gt = JSON.parse(readFileSync(truthFile(path), "utf8")) as CorpusPage["gt"];
    const input = readFileSync(path, "utf8");
    const format = formatOf(file);
    const name = file.split("/").at(-1)!;
    pages.push({ name, paper, real: true, format, input, gt });
    const view = textView(input, format, gt);
    pages.push({ name: `${name}#text`, paper, real: true, format: "text", input: view.text, gt: view.gt });
    if (!flat) continue;
    const bare = textView(input, format, gt, false);
    const use = flat === "both" ? undefined : flat;
    pages.push({
      name: `${name}#flat`,
      paper,
      real: true,
      format: "text",
      input: bare.text,
      gt: bare.gt,
      use,
    });
  }
  return pages;
}

/**
 * The real pages with coordinates as Tesseract reads them, drawn from their own boxes
 * (`tests/fixtures/realdata/tesseract`, made by `tests/tools/retess-real.ts`): each of its
 * source's paper, so it is left out with it.
 */
export function tesseractCorpus(use: "fit" | "score" | "both"): CorpusPage[] {
  const dir = join(fixtures, "realdata", "tesseract");
  if (!existsSync(dir)) return [];
  const pages: CorpusPage[] = [];
  for (const [file, paper] of realPages) {
    const name = `${file.split("/").at(-1)!}.tess.hocr`;
    const path = join(dir, name);
    if (!existsSync(`${path}.gt.json`)) continue;
    const gt = JSON.parse(readFileSync(`${path}.gt.json`, "utf8")) as CorpusPage["gt"];
    const input = readFileSync(path, "utf8");
    pages.push({
      name,
      paper,
      real: true,
      tesseract: true,
      format: "hocr",
      input,
      gt,
      use: use === "both" ? undefined : use,
    });
  }
  return pages;
}

/** The project's own pages: the seed, the house-style streams, the rendered pages in every format. */
export function fixtureCorpus(): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const add = (dir: string, file: string) => {
    const path = join(dir, file);
    const truth = truthFile(path);
    if (!existsSync(truth)) return;
    const gt = JSON.parse(readFileSync(truth, "utf8")) as CorpusPage["gt"];
    pages.push({
      name: file,
      paper: fixtureFamily(file),
      real: false,
      format: formatOf(file),
      input: readFileSync(path, "utf8"),
      gt,
    });
  };
  const text = join(fixtures, "text");
  for (const f of readdirSync(text).sort()) if (f.endsWith(".txt")) add(text, f);
  const rendered = join(fixtures, "rendered");
  for (const f of readdirSync(rendered).sort()) {
    if (/\.(txt|hocr|alto\.xml)$/.test(f)) add(rendered, f);
  }
  return pages;
}

/**
 * The family a fixture page belongs to, left out together in evaluation: the seed page, the
 * house-style and stream pages of each language, and the rendered pages of each language
 * (all three formats of a rendered page are one page).
 */
function fixtureFamily(file: string): string {
  if (file.startsWith("seed")) return "fixtures: seed";
  const rendered = /^(en|zh)-\d+/.exec(file);
  if (rendered) return `fixtures: rendered ${rendered[1]}`;
  const styled = /^(house|stream)-(en|zh)/.exec(file);
  return styled ? `fixtures: ${styled[1]} ${styled[2]}` : "fixtures: other";
}

/** Generated pages of nothing but ads and listings in four languages (`synth/ads.ts`). */
export function adCorpus(perLanguage = 6): CorpusPage[] {
  const d = seededDice(20261207);
  const pages: CorpusPage[] = [];
  for (const lang of adLanguages) {
    for (let n = 1; n <= perLanguage; n++) {
      const page = adPage(d, lang, n);
      pages.push({
        name: page.name,
        paper: "generated: ads",
        real: false,
        format: "text",
        input: page.text,
        gt: page.gt,
      });
    }
  }
  return pages;
}

/**
 * Every page the model is fitted on: the real ones, the fixtures, the generated ad pages. `flat`
 * adds each real page as plain text without blank lines (`realCorpus`). The real layouts read by
 * Tesseract (`tesseractCorpus`) are not here: `pnpm eval` scores them apart.
 */
export function fullCorpus(flat?: "fit" | "score" | "both"): CorpusPage[] {
  return [...realCorpus(flat), ...fixtureCorpus(), ...adCorpus()];
}
