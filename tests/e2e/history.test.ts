import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, type TestBrowser } from "./support/browser.ts";
import { caretAt, waitForText } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";

/** The History panel of the page editor: sessions, naming a version, its changes, restoring it. */

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  page = browser.page;
  await openEditor(page, galley.url, galley.pageId, galley.tokens.editor);
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

/** Types `text` after `anchor` and waits until the server has stored it (the history lists it). */
async function typeAfter(anchor: string, text: string): Promise<void> {
  await caretAt(page, anchor);
  await page.keyboard.type(text);
  await waitForText(page, `${anchor}${text}`);
}

describe("the History panel", () => {
  it("opens beside the editor with the OCR reconstruction as the first session", async () => {
    await page.click(".history-toggle");
    await page.waitForSelector(".history-sessions li");
    expect(await page.locator(".history-panel h2").textContent()).toBe("History");
    expect(await page.locator(".history-sessions li").last().textContent()).toContain("OCR reconstruction");
    expect(await page.locator(".history-versions").count()).toBe(0);
  });

  it("names a version and lists it", async () => {
    await typeAfter("Harbour bridge", " [before]");
    await page.fill(".history-save input", "before desk review");
    await page.click(".history-save button");
    await page.waitForSelector('.history-versions li:has-text("before desk review")');
    expect(await page.locator(".history-message").textContent()).toContain("before desk review");
    expect(await page.locator(".history-sessions").textContent()).toContain("Eddie Editor");
  });

  it("marks what changed since the version, with who changed it", async () => {
    await typeAfter("[before]", " [after]");
    // The edit is stored before anyone sees it; the panel reads what is stored.
    await page.waitForFunction(async (pageId) => {
      const history = await (await fetch(`/api/pages/${pageId}/history`)).json();
      return history.sessions.some((s: { inserted: number }) => s.inserted >= 17);
    }, galley.pageId);
    await page.click('.history-versions li:has-text("before desk review") .history-compare');
    await page.waitForSelector(".history-text ins");
    // Where a typed space lands among equal spaces is the text diff's choice: compare trimmed.
    const inserted = await page.$$eval(".history-text ins", (els) =>
      els.map((e) => [e.textContent?.trim(), e.getAttribute("data-by")]),
    );
    expect(inserted).toEqual([["[after]", "Eddie Editor"]]);
    expect(await page.locator(".history-title").textContent()).toContain("[before] [after]");
  });

  it("restores the version, and the editor shows the page as it was", async () => {
    await page.click('.history-versions li:has-text("before desk review") .history-restore');
    await page.waitForSelector('.history-message:has-text("Restored")');
    await page.waitForFunction(
      () => !document.querySelector(".ProseMirror")?.textContent?.includes("[after]"),
    );
    expect(await page.locator(".ProseMirror").textContent()).toContain("[before]");
  });

  it("shows what editors changed since the OCR", async () => {
    await page.click(".history-since-ocr");
    await page.waitForSelector('.history-diff h3:has-text("Changes since the OCR")');
    expect((await page.locator(".history-text ins").first().textContent())?.trim()).toBe("[before]");
  });
});
