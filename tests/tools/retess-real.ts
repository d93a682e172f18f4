/**
 * Real layouts read by Tesseract: `tsx tests/tools/retess-real.ts [--out DIR] [NAMES…]`.
 * For each real page with coordinates (tests/fixtures/realdata), draws every text line of the
 * source at its own box (its text stretched to the box's width, type set to its height) on a
 * white page in Chromium, OCRs the image with Tesseract (`--psm 3`, hOCR), and carries the
 * truth over: each line Tesseract made goes to the source line it covers most (its article,
 * role, paragraph start). The layout and text are the paper's own; the zoning, reading order and
 * line breaks are Tesseract's — what Galley meets when it OCRs a scanned page itself or reads a
 * Tesseract hOCR. Writes NAME.tess.hocr and NAME.tess.hocr.gt.json; the image stays in a scratch
 * directory. `pnpm eval` scores these pages apart from the real ones (a view of them, not more
 * of them).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GeoLine, ingest } from "@galley/core";
import { realCorpus } from "@galley/training";
import { carryTruth } from "./carry-truth.ts";
import { ocrPage } from "./ocr-page.ts";
import { startBrowser } from "./render-page.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** The height, in image pixels, the page's median line is drawn at (Tesseract reads 20–40 px best). */
const lineHeight = 34;

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An SVG page of the source's lines, each at its box, scaled by `scale`. */
function pageSvg(lines: readonly GeoLine[], width: number, height: number, scale: number): string {
  const texts: string[] = [];
  for (const line of lines) {
    const b = line.box;
    const text = line.text.trim();
    if (!b || !text || b.w < 2 || b.h < 2) continue;
    const size = b.h * scale * 0.8;
    const x = b.x * scale;
    const y = (b.y + b.h * 0.78) * scale;
    texts.push(
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size.toFixed(1)}" textLength="${(b.w * scale).toFixed(1)}" lengthAdjust="spacingAndGlyphs">${escapeXml(text)}</text>`,
    );
  }
  const w = Math.ceil(width * scale);
  const h = Math.ceil(height * scale);
  return `<!doctype html><html><body style="margin:0;background:#fff"><svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" style="display:block;font-family:'DejaVu Serif',serif;fill:#000">${texts.join("")}</svg></body></html>`;
}

async function main(argv: string[]): Promise<void> {
  let out = join(here, "..", "fixtures", "realdata", "tesseract");
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = argv[++i] ?? out;
    else names.push(argv[i]!);
  }
  const pages = realCorpus().filter(
    (p) => p.format !== "text" && (!names.length || names.some((n) => p.name.startsWith(n))),
  );
  const { browser, close } = await startBrowser();
  const scratch = await mkdtemp(join(tmpdir(), "galley-retess-"));
  try {
    for (const page of pages) {
      const started = Date.now();
      const read = ingest(page.input, page.format);
      const boxed = read.lines.filter((l) => l.box && l.box.h > 1 && l.text.trim());
      const heights = boxed.map((l) => l.box!.h).sort((a, b) => a - b);
      const scale = lineHeight / heights[Math.floor(heights.length / 2)]!;
      const width = read.width ?? Math.max(...boxed.map((l) => l.box!.x + l.box!.w));
      const height = read.height ?? Math.max(...boxed.map((l) => l.box!.y + l.box!.h));
      const tab = await browser.newPage();
      await tab.setViewportSize({ width: Math.ceil(width * scale), height: Math.ceil(height * scale) });
      await tab.setContent(pageSvg(boxed, width, height, scale));
      const image = join(scratch, `${page.name}.png`);
      await tab.screenshot({ path: image, fullPage: true });
      await tab.close();
      // English is the Latin-script model installed here; the layout, not the spelling, is the point.
      const ocr = await ocrPage(image, join(scratch, page.name), "eng");
      const tess = ingest(ocr.hocr, "hocr").lines;
      const gt = carryTruth(page, boxed, tess, scale);
      await writeFile(join(out, `${page.name}.tess.hocr`), ocr.hocr);
      await writeFile(join(out, `${page.name}.tess.hocr.gt.json`), `${JSON.stringify(gt, null, 1)}\n`);
      console.log(
        `${page.name}: ${Math.ceil(width * scale)}×${Math.ceil(height * scale)} px, ${boxed.length} source lines → ${tess.length} Tesseract lines, ${gt.articles.length} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  } finally {
    await close();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
