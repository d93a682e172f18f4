import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, type TestBrowser } from "./support/browser.ts";
import { caretAt, caretBlock } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";
import { storeScannedPage } from "./support/seed.ts";

/**
 * Checking the text against the print on a scanned page (PNG + Tesseract hOCR,
 * `tests/fixtures/rendered/en-06`): the image zooms and pans, the articles are drawn on it and
 * linked both ways to their cards, the line being corrected is shown as a strip of the print,
 * lines land in the middle of the viewer and of the source list, doubtful words tell their OCR
 * confidence.
 */

const fixture = (name: string) => new URL(`../fixtures/rendered/${name}`, import.meta.url);

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;
let pageId: string;
let articleCount: number;

beforeAll(async () => {
  galley = await startTestGalley();
  ({ pageId, articleCount } = await storeScannedPage(galley.storage, galley.issueId, {
    png: readFileSync(fixture("en-06.png")),
    hocr: readFileSync(fixture("en-06.hocr"), "utf8"),
  }));
  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript({
    content:
      "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
  });
  await openEditor(page, galley.url, pageId, galley.tokens.editor);
  await page.waitForSelector(".page-viewer[data-state=ready]");
  await page.waitForSelector(".page-overlay .article-region");
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

/** The screen centre of an element's box. */
async function centreOf(selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const zoom = async () => Number(await page.getAttribute(".page-viewer", "data-zoom"));
/** Waits until the viewer has stopped moving. */
const settled = () => page.waitForSelector(".page-viewer[data-state=ready]:not([data-animating])");

describe("the page image", () => {
  it("opens in the viewer with a box for every source line", async () => {
    const lines = await page.locator(".source-lines li").count();
    expect(lines).toBeGreaterThan(50);
    expect(await page.locator(".page-overlay .line-box").count()).toBe(lines);
    // OpenSeadragon drew the scan on its canvas.
    const painted = await page.$eval(".page-viewer canvas", (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 200 && data[i + 3]! > 0) return true;
      return false;
    });
    expect(painted).toBe(true);
  });

  it("runs under the app's Content-Security-Policy without a violation", async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });

  it("zooms in and out with its buttons and the mouse wheel, and back to the whole page", async () => {
    await page.click('.page-viewer [data-zoom="home"]');
    await page.waitForFunction(
      () => document.querySelector(".page-viewer")!.getAttribute("data-zoom") !== null,
    );
    const whole = await zoom();
    await page.click('.page-viewer [data-zoom="in"]');
    await page.waitForFunction(
      (z) => Number(document.querySelector(".page-viewer")!.getAttribute("data-zoom")) > z * 1.3,
      whole,
    );
    const zoomed = await zoom();
    const centre = await centreOf(".page-viewer-stage");
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      (z) => Number(document.querySelector(".page-viewer")!.getAttribute("data-zoom")) > z * 1.1,
      zoomed,
    );
    await page.click('.page-viewer [data-zoom="out"]');
    await page.click('.page-viewer [data-zoom="home"]');
    await page.waitForFunction(
      (z) =>
        Math.abs(Number(document.querySelector(".page-viewer")!.getAttribute("data-zoom")) - z) < z * 0.02,
      whole,
    );
  });

  it("draws each article as a coloured region with its headline marked and numbered", async () => {
    const regions = await page.$$eval(".page-overlay .article-region", (gs) =>
      gs.map((g) => ({
        id: g.getAttribute("data-article-id"),
        color: (g as SVGGElement).style.getPropertyValue("--region"),
        areas: g.querySelectorAll(".region-area").length,
        headlines: g.querySelectorAll(".region-headline").length,
        badge: g.querySelector(".region-badge text")?.textContent,
      })),
    );
    expect(regions.length).toBe(articleCount);
    expect(regions.every((r) => r.areas > 0)).toBe(true);
    expect(regions.filter((r) => r.headlines > 0).length).toBeGreaterThan(articleCount / 2);
    expect(regions.map((r) => r.badge)).toEqual(regions.map((_, i) => String(i + 1)));
    // The same colour and number as the article's card.
    const cards = await page.$$eval("article[data-article-id]", (as) =>
      as.map((a) => ({
        id: a.getAttribute("data-article-id"),
        color: (a as HTMLElement).style.getPropertyValue("--galley-article").trim(),
        number: a.querySelector(".galley-card-number")?.textContent,
      })),
    );
    expect(cards.map((c) => c.id)).toEqual(regions.map((r) => r.id));
    expect(cards.map((c) => c.color)).toEqual(regions.map((r) => r.color.trim()));
  });

  it("goes from a region to its card, and lights the region of the card the caret is in", async () => {
    await settled();
    const id = await page.getAttribute(".page-overlay .article-region >> nth=1", "data-article-id");
    // A point inside the article's area but between its lines' boxes, if any; else its first line.
    const target = await page.$eval(`.page-overlay .article-region[data-article-id="${id}"]`, (g) => {
      const area = g.querySelector(".region-area")!.getBoundingClientRect();
      return { x: area.left + 3, y: area.top + area.height / 2 };
    });
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(
      (article) =>
        getSelection()?.anchorNode?.parentElement?.closest("article")?.getAttribute("data-article-id") ===
        article,
      id,
    );
    expect((await caretBlock(page)).article).toBe(id);
    await page.waitForSelector(`.page-overlay .article-region.lit[data-article-id="${id}"]`);
    await page.hover(`article[data-article-id] >> nth=0`);
    const first = await page.getAttribute("article[data-article-id] >> nth=0", "data-article-id");
    await page.waitForSelector(`.page-overlay .article-region.lit[data-article-id="${first}"]`);
  });

  it("puts the caret in the block of a line box that is clicked", async () => {
    const lineId = await page
      .$eval(
        ".ProseMirror [data-role=paragraph][data-lines] >> nth=3",
        (el) => el.getAttribute("data-lines")!.split(" ")[0]!,
      )
      .catch(async () =>
        page.$$eval(
          ".ProseMirror [data-role=paragraph][data-lines]",
          (els) => els[3]!.getAttribute("data-lines")!.split(" ")[0]!,
        ),
      );
    await settled();
    const centre = await centreOf(`.page-overlay .line-box[data-line-id="${lineId}"]`);
    await page.mouse.click(centre.x, centre.y);
    await page.waitForSelector(`.page-overlay .line-box.lit[data-line-id="${lineId}"]`);
    const lines = await page.$eval(".ProseMirror .galley-linked", (el) => el.getAttribute("data-lines"));
    expect(lines?.split(" ")).toContain(lineId);
  });

  it("centres the lit line in the viewer, zoomed in far enough to read it", async () => {
    await page.click('.page-viewer [data-zoom="home"]');
    await settled();
    const block = page.locator(".ProseMirror [data-role=paragraph][data-lines]").last();
    const lineId = (await block.getAttribute("data-lines"))!.split(" ")[0]!;
    const moves = Number((await page.getAttribute(".page-viewer", "data-moves")) ?? 0);
    await block.click({ position: { x: 4, y: 4 } });
    await page.waitForSelector(`.page-overlay .line-box.lit[data-line-id="${lineId}"]`);
    await page.waitForFunction((n) => {
      const viewer = document.querySelector(".page-viewer")!;
      return Number(viewer.getAttribute("data-moves")) > n && !viewer.hasAttribute("data-animating");
    }, moves);
    const stage = (await page.locator(".page-viewer-stage").boundingBox())!;
    const box = (await page.locator(`.page-overlay .line-box[data-line-id="${lineId}"]`).boundingBox())!;
    expect(Math.abs(box.y + box.height / 2 - (stage.y + stage.height / 2))).toBeLessThan(stage.height * 0.2);
    expect(box.height).toBeGreaterThanOrEqual(13);
  });

  it("shows the printed line above the block being corrected, following the caret", async () => {
    const block = page.locator(".ProseMirror [data-role=paragraph][data-lines]").nth(2);
    const lines = (await block.getAttribute("data-lines"))!.split(" ");
    const text = (await block.textContent())!;
    await caretAt(page, text.slice(0, 8), true);
    await page.waitForSelector(`.galley-line-strip[data-line-id="${lines[0]}"]`);
    await caretAt(page, text.slice(-8));
    await page.waitForSelector(`.galley-line-strip[data-line-id="${lines.at(-1)}"]`);
    expect(
      await page.$eval(".galley-line-strip img", (img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    // The strip stands right above the caret's block.
    const strip = (await page.locator(".galley-line-strip").boundingBox())!;
    const blockBox = (await block.boundingBox())!;
    expect(blockBox.y - (strip.y + strip.height)).toBeGreaterThanOrEqual(0);
    expect(blockBox.y - (strip.y + strip.height)).toBeLessThan(20);
  });

  it("tells a doubtful word's OCR confidence on hover, in the UI language", async () => {
    const word = page.locator(".galley-doubt-word").first();
    expect(await word.getAttribute("title")).toMatch(/^OCR confidence \d+%$/);
    await page.selectOption("#locale", "zh-CN");
    await page.waitForFunction(() =>
      document.querySelector(".galley-doubt-word")?.getAttribute("title")?.startsWith("OCR 置信度"),
    );
    expect(await page.locator(".tabs [data-tab=image]").textContent()).toBe("图像");
    await page.selectOption("#locale", "en");
  });

  it("centres the lit line in the source list, and never breaks an hOCR line id", async () => {
    await page.click(".tabs [data-tab=lines]");
    const block = page.locator(".ProseMirror [data-role=paragraph][data-lines]").nth(-2);
    const lineId = (await block.getAttribute("data-lines"))!.split(" ")[0]!;
    await block.click({ position: { x: 4, y: 4 } });
    await page.waitForSelector(`.source-lines li.lit[data-line-id="${lineId}"]`);
    const list = (await page.locator(".source-panel").boundingBox())!;
    const row = (await page.locator(`.source-lines li[data-line-id="${lineId}"]`).boundingBox())!;
    expect(Math.abs(row.y + row.height / 2 - (list.y + list.height / 2))).toBeLessThan(list.height * 0.15);
    // Every id on one line: "line_1_12" is never split into "line_1_" over "12".
    const wrapped = await page.$$eval(".source-lines .line-id", (els) =>
      els
        .filter((el) => el.getClientRects().length > 1 || el.getBoundingClientRect().height > 24)
        .map((el) => el.textContent),
    );
    expect(wrapped).toEqual([]);
    expect(await page.locator(".source-lines .line-id").first().textContent()).toMatch(/^line_/);
    await page.click(".tabs [data-tab=image]");
  });
});
