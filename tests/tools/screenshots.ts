/**
 * Screenshots of the newsroom app's main screens for `docs/`: a real server (port 0, temp data)
 * with the browser tests' seed issue and two scanned pages (`tests/fixtures/rendered/en-06` and
 * `zh-06`: PNG + Tesseract hOCR), Debian's Chromium at 1440 × 900 (and a 390 px phone).
 *
 * Run: `npx tsx tests/tools/screenshots.ts [OUTDIR]` (default `docs/screenshots`). Writes PNGs.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { openBrowser } from "../e2e/support/browser.ts";
import { startTestGalley } from "../e2e/support/galley.ts";
import { storeScannedPage } from "../e2e/support/seed.ts";

const out = resolve(process.argv[2] ?? "docs/screenshots");
mkdirSync(out, { recursive: true });
const fixture = (name: string) => new URL(`../fixtures/rendered/${name}`, import.meta.url);

const galley = await startTestGalley();
const en = await storeScannedPage(
  galley.storage,
  galley.issueId,
  { png: readFileSync(fixture("en-06.png")), hocr: readFileSync(fixture("en-06.hocr"), "utf8") },
  "p-en",
);
const zh = await storeScannedPage(
  galley.storage,
  galley.issueId,
  { png: readFileSync(fixture("zh-06.png")), hocr: readFileSync(fixture("zh-06.hocr"), "utf8") },
  "p-zh",
);
const browser = await openBrowser({ locale: process.env.SHOT_LOCALE ?? "en-US" });
const page = browser.page;
await page.setViewportSize({ width: 1440, height: 900 });
try {
  await page.goto(`${galley.url}/?token=${encodeURIComponent(galley.tokens.admin)}`);
  await page.waitForSelector(".issue-list li");
  await page.screenshot({ path: join(out, "issues.png") });
  await page.goto(`${galley.url}/issues/${galley.issueId}`);
  await page.waitForSelector(".page-list tr[data-page-id]");
  await page.screenshot({ path: join(out, "issue.png") });
  for (const [name, id] of [
    ["page-en", en.pageId],
    ["page-zh", zh.pageId],
  ] as const) {
    await page.goto(`${galley.url}/pages/${id}`);
    await page.waitForSelector(".galley-editor[data-galley-state=ready]");
    await page.waitForSelector(".page-viewer[data-state=ready]");
    await page.click(".ProseMirror [data-role=paragraph] >> nth=1");
    await page.waitForSelector(".galley-line-strip img");
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, `${name}.png`) });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${galley.url}/pages/${galley.pageId}`);
  await page.waitForSelector(".galley-editor[data-galley-state=ready]");
  await page.screenshot({ path: join(out, "phone.png") });
} finally {
  await browser.close();
  await galley.close();
}
console.log(`screenshots in ${out}`);
