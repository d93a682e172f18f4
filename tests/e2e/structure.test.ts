import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretAt, caretBlock, waitForText } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";
import { watchPage } from "./support/yclient.ts";

/**
 * Structure commands that understand titles, and splits that join back exactly, in Chromium on
 * the seed page (a1 "Harbour bridge reopens", a2 "科学导报讯", a3 "Weather").
 */

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

const blocksOf = async (id: string) => (await readEditorDoc(page)).find((a) => a.id === id)?.blocks ?? [];
const cardFlag = (id: string) =>
  page.$eval(`article[data-article-id="${id}"] .galley-card-head`, (head) => ({
    title: head.querySelector(".galley-card-title")?.textContent,
    flag: head.querySelector(".galley-card-flag")?.textContent ?? null,
  }));

describe("giving a title to the neighbouring article", () => {
  it("puts a3's headline at the top of a2 with Alt+↑, and flags a2's two headlines", async () => {
    await caretAt(page, "Weather");
    await page.keyboard.press("Alt+ArrowUp");
    expect((await blocksOf("a2")).map(([role]) => role)).toEqual(["headline", "headline", "paragraph"]);
    expect((await blocksOf("a2"))[1]).toEqual(["headline", "Weather"]);
    expect(await caretBlock(page)).toMatchObject({ role: "headline", text: "Weather", article: "a2" });
    expect(await cardFlag("a2")).toEqual({ title: "科学导报讯", flag: "Two headlines" });
    expect(await cardFlag("a3")).toEqual({ title: "No headline", flag: null });
    expect(await page.locator('article[data-article-id="a3"].galley-title-doubt').count()).toBe(1);
  });

  it("visits the flagged articles in the F8 round", async () => {
    await page.keyboard.press("Control+Home");
    const visited: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("F8");
      visited.push((await caretBlock(page)).article);
    }
    expect(visited).toEqual(expect.arrayContaining(["a2", "a3"]));
  });

  it("brings it back to the top of a3 with Alt+↓, above its body", async () => {
    await caretAt(page, "Weather");
    await page.keyboard.press("Alt+ArrowDown");
    expect(await blocksOf("a3")).toEqual([
      ["headline", "Weather"],
      ["paragraph", "Sunny with light winds."],
    ]);
    expect(await cardFlag("a2")).toEqual({ title: "科学导报讯", flag: null });
    expect(await page.locator(".galley-title-doubt").count()).toBe(0);
  });

  it("names the toolbar group after what it moves: the title on a title, the block elsewhere", async () => {
    await caretAt(page, "Weather");
    expect(
      await page
        .locator(".galley-toolbar-group:has([data-action=moveBlockPrevious]) .galley-toolbar-caption")
        .textContent(),
    ).toBe("Title to");
    expect(await page.getAttribute("[data-action=moveBlockPrevious]", "aria-label")).toBe(
      "Give this title to the previous article",
    );
    await caretAt(page, "Sunny with");
    expect(
      await page
        .locator(".galley-toolbar-group:has([data-action=moveBlockPrevious]) .galley-toolbar-caption")
        .textContent(),
    ).toBe("Block to");
  });
});

describe("a split joined again is the text it was", () => {
  it("Latin: Enter inside 'repairs' then Backspace gives 'repairs' back, and so does the server", async () => {
    const watcher = await watchPage(galley.url, galley.pageId, galley.tokens.admin);
    try {
      await caretAt(page, "two years of rep");
      await page.keyboard.press("Enter");
      await waitForText(page, "airs.");
      expect((await caretBlock(page)).text).toBe("airs.");
      await page.keyboard.press("Backspace");
      expect((await caretBlock(page)).text).toBe(
        "The harbour bridge reopened on Monday after two years of repairs.",
      );
      await watcher.waitFor((t) => t.includes("two years of repairs.") && !t.includes("rep airs"));
    } finally {
      watcher.close();
    }
  });

  it("CJK: Enter then Backspace inside 科技大会 gives it back", async () => {
    await caretAt(page, "本市今日召开科技");
    await page.keyboard.press("Enter");
    expect((await caretBlock(page)).text).toBe("大会，与会代表讨论了人工智能。");
    await page.keyboard.press("Backspace");
    expect((await caretBlock(page)).text).toBe("本市今日召开科技大会，与会代表讨论了人工智能。");
  });

  it("splitting the article mid-word then merging it gives the page back", async () => {
    const before = await readEditorDoc(page);
    await caretAt(page, "Sunny with li");
    await page.keyboard.press("Control+Shift+Enter");
    expect((await readEditorDoc(page)).length).toBe(before.length + 1);
    await page.keyboard.press("Control+Shift+Backspace");
    expect(await readEditorDoc(page)).toEqual(before);
  });
});
