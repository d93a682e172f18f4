/**
 * Regenerates the rendered fixtures: `tsx tests/tools/make-rendered.ts [--out DIR] [IDS…]`.
 * For each page: compose HTML (compose-page.ts) from real public texts (texts/*.json), render
 * it in Chromium at 2400 px, OCR the full-size image with Tesseract (hOCR + ALTO + txt from one
 * run), and derive ground truth per format from the element boxes. Writes ID.html,
 * ID.boxes.json, ID.png (50 %), ID.hocr, ID.alto.xml, ID.txt and ID.{hocr,alto,txt}.gt.json.
 * An id is LANG-NN (zh-11, en-12, …); its number seeds the layout, so a run is reproducible.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { composePage, randomPage, type TextPool } from "./compose-page.ts";
import { deriveTruth, lineIdMaps, renameTruth } from "./derive-truth.ts";
import { ocrPage } from "./ocr-page.ts";
import { renderPage, startBrowser } from "./render-page.ts";

const here = dirname(fileURLToPath(import.meta.url));
const defaultIds = ["zh-11", "zh-12", "zh-13", "en-11", "en-12", "en-13"];

async function main(argv: string[]): Promise<void> {
  let out = join(here, "..", "fixtures", "rendered");
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = argv[++i] ?? out;
    else ids.push(argv[i]!);
  }
  const pools = {
    zh: JSON.parse(await readFile(join(here, "texts", "zh-rural-2018.json"), "utf8")) as TextPool,
    en: JSON.parse(await readFile(join(here, "texts", "en-nasa.json"), "utf8")) as TextPool,
  };
  const { browser, close } = await startBrowser();
  const scratch = await mkdtemp(join(tmpdir(), "galley-ocr-"));
  try {
    for (const id of ids.length ? ids : defaultIds) {
      const [lang, num] = id.split("-") as ["zh" | "en", string];
      const seed = Number(num) * 1009 + (lang === "zh" ? 17 : 0);
      const pool = pools[lang];
      const spec = randomPage(id, lang, pool, seed);
      const html = composePage(spec, pool, seed);
      const t0 = Date.now();
      const rendered = await renderPage(browser, html);
      const full = join(scratch, `${id}.png`);
      await writeFile(full, rendered.png);
      const ocr = await ocrPage(full, join(scratch, id), lang === "zh" ? "chi_sim" : "eng");
      const meta = {
        image: `${id}.png`,
        imageScale: 0.5,
        ocrImageSize: [rendered.width, rendered.height],
        lang,
        engine: ocr.engine,
        html: `${id}.html`,
        ncols: spec.ncols,
        source: pool.source,
      };
      const hocrTruth = deriveTruth(id, rendered, ocr.hocr, meta);
      const maps = lineIdMaps(ocr.hocr, ocr.alto, ocr.txt);
      const files: Array<[string, string | Buffer]> = [
        [`${id}.html`, html],
        [`${id}.png`, rendered.halfPng],
        [`${id}.hocr`, ocr.hocr],
        [`${id}.alto.xml`, ocr.alto],
        [`${id}.txt`, ocr.txt],
        [
          `${id}.boxes.json`,
          `${JSON.stringify({ page: id, width: rendered.width, height: rendered.height, layout: rendered.layout, elements: rendered.elements })}\n`,
        ],
        [`${id}.hocr.gt.json`, `${JSON.stringify(hocrTruth, null, 1)}\n`],
        [
          `${id}.alto.gt.json`,
          `${JSON.stringify(renameTruth(hocrTruth, maps.alto, "alto", `${id}.alto.xml`), null, 1)}\n`,
        ],
        [
          `${id}.txt.gt.json`,
          `${JSON.stringify({ ...renameTruth(hocrTruth, maps.txt, "text", `${id}.txt`), txtMapping: { rule: "txt line n = n-th hOCR line with text, same order; blank lines separate Tesseract's blocks" } }, null, 1)}\n`,
        ],
      ];
      for (const [name, data] of files) await writeFile(join(out, name), data);
      const lines = hocrTruth.articles.reduce((s, a) => s + a.body.length, 0);
      process.stderr.write(
        `${id}: ${spec.ncols} columns, ${hocrTruth.articles.length} articles, ${lines} body lines, ${hocrTruth.straddling.length} straddling, ${hocrTruth.unaligned.length} unaligned (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
      );
    }
  } finally {
    await close();
    await rm(scratch, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`make-rendered: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
