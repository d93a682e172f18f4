/**
 * Screenshots of the newsroom app's main screens for `docs/screenshots/`: a real server (port 0,
 * temp data) with the browser tests' seed issue and two scanned pages (`tests/fixtures/rendered/`
 * `en-06` and `zh-06`: PNG + Tesseract hOCR), Debian's Chromium at 1,440 × 900 (and a 390 px
 * phone). The Chinese screens are taken after switching the app to 中文.
 *
 * Run: `npx tsx tests/tools/screenshots.ts [OUTDIR]` (default `docs/screenshots`). Writes PNGs.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
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
const browser = await openBrowser({ locale: "en-US" });
const page = browser.page;
await page.setViewportSize({ width: 1440, height: 900 });

/** Waits until the image viewer has stopped moving. */
const settled = (p: Page) => p.waitForSelector(".page-viewer[data-state=ready]:not([data-animating])");

async function pageShot(id: string, name: string, blockIndex: number): Promise<void> {
  await page.goto(`${galley.url}/pages/${id}`);
  await page.waitForSelector(".galley-editor[data-galley-state=ready]");
  await settled(page);
  const block = page.locator(".ProseMirror [data-role=paragraph][data-lines]").nth(blockIndex);
  await block.click({ position: { x: 30, y: 8 } });
  await page.waitForSelector(".galley-line-strip img");
  await page.waitForFunction(
    () => (document.querySelector(".galley-line-strip img") as HTMLImageElement).complete,
  );
  await page.waitForFunction(
    () => Number(document.querySelector(".page-viewer")?.getAttribute("data-moves")) > 0,
  );
  await settled(page);
  await page.screenshot({ path: join(out, `${name}.png`) });
}

try {
  await page.goto(`${galley.url}/?token=${encodeURIComponent(galley.tokens.admin)}`);
  await page.waitForSelector(".issue-list li");
  await page.screenshot({ path: join(out, "issues.png") });
  await page.goto(`${galley.url}/issues/${galley.issueId}`);
  await page.waitForSelector(".page-list tr[data-page-id] .progress[data-total]");
  await page.setInputFiles('[data-upload="input"]', [
    { name: "en-06.txt", mimeType: "text/plain", buffer: readFileSync(fixture("en-06.txt")) },
    { name: "broken.hocr", mimeType: "text/html", buffer: Buffer.from("<html><body><div class='ocr_page'") },
  ]);
  await page.waitForSelector('.upload-list li[data-state="done"]');
  await page.waitForSelector('.upload-list li[data-state="failed"]');
  await page.waitForSelector(".page-list tr[data-page-id] >> nth=3");
  await page.screenshot({ path: join(out, "issue.png"), fullPage: true });
  await pageShot(en.pageId, "page-en", 4);
  await page.selectOption("#locale", "zh-CN");
  await pageShot(zh.pageId, "page-zh", 2);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${galley.url}/pages/${galley.pageId}`);
  await page.waitForSelector(".galley-editor[data-galley-state=ready]");
  await page.screenshot({ path: join(out, "phone.png") });
} finally {
  await browser.close();
  await galley.close();
}
console.log(`screenshots in ${out}`);
