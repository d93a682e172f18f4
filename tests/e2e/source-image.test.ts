import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, type TestBrowser } from "./support/browser.ts";
import { caretBlock } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";
import { storeScannedPage } from "./support/seed.ts";

/**
 * A scanned page (PNG + Tesseract hOCR, `tests/fixtures/rendered/en-06`): the source panel shows
 * the image with every line's box, boxes and blocks point at each other, and the words Tesseract
 * was unsure of are marked in the text.
 */

const fixture = (name: string) => new URL(`../fixtures/rendered/${name}`, import.meta.url);

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;
let pageId: string;

beforeAll(async () => {
  galley = await startTestGalley();
  ({ pageId } = await storeScannedPage(galley.storage, galley.issueId, {
    png: readFileSync(fixture("en-06.png")),
    hocr: readFileSync(fixture("en-06.hocr"), "utf8"),
  }));
  browser = await openBrowser();
  page = browser.page;
  await openEditor(page, galley.url, pageId, galley.tokens.editor);
  await page.waitForSelector(".page-image:not([hidden]) rect");
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

describe("a scanned page's source", () => {
  it("shows the page image with one box per source line", async () => {
    const lines = await page.locator(".source-lines li").count();
    expect(lines).toBeGreaterThan(50);
    expect(await page.locator(".page-image rect").count()).toBe(lines);
    expect(
      await page.$eval(".page-image img", (img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
  });

  it("puts the caret in the block of a box that is clicked, and lights the block's boxes", async () => {
    const lineId = await page.$eval(
      ".ProseMirror [data-role=paragraph][data-lines]",
      (el) => el.getAttribute("data-lines")!.split(" ")[0],
    );
    await page.locator(`.page-image rect[data-line-id="${lineId}"]`).dispatchEvent("click");
    const block = await caretBlock(page);
    expect(block.role).toBe("paragraph");
    const lines = await page.$eval(".ProseMirror .galley-linked", (el) => el.getAttribute("data-lines"));
    expect(lines?.split(" ")).toContain(lineId);
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector(`.page-image rect.lit[data-line-id="${lineId}"]`);
  });

  it("marks the words the OCR engine was unsure of, and F8 visits them", async () => {
    const doubtful = await page.locator(".galley-doubt-word").count();
    expect(doubtful).toBeGreaterThan(0);
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("F8");
    const selected = await page.evaluate(() => getSelection()?.toString() ?? "");
    if (selected) {
      const words = await page.$$eval(".galley-doubt-word", (els) => els.map((e) => e.textContent ?? ""));
      expect(words.some((w) => w.includes(selected))).toBe(true);
    } else {
      // The first doubtful place is a whole block of low reconstruction confidence.
      expect(
        await page.evaluate(
          () => !!getSelection()?.anchorNode?.parentElement?.closest(".galley-doubt-block"),
        ),
      ).toBe(true);
    }
    await page.screenshot({ path: new URL("../artifacts/scanned-page.png", import.meta.url).pathname });
  });
});
