import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretBlock } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";

/**
 * Every editor command from the keyboard alone: the caret is moved with F8 (next doubtful place)
 * and arrow keys, never the mouse. The seed page's only doubtful block is "Traffic was light in
 * the morning." (reconstruction confidence 0.3).
 */

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;

const roles = [
  "paragraph",
  "headline",
  "kicker",
  "subheadline",
  "byline",
  "dateline",
  "caption",
  "furniture",
];
const articleIds = () =>
  page.$$eval("article[data-article-id]", (els) => els.map((e) => e.getAttribute("data-article-id")));

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  page = browser.page;
  await openEditor(page, galley.url, galley.pageId, galley.tokens.editor);
  await page.focus(".ProseMirror");
  await page.keyboard.press("Control+Home");
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

describe("keyboard-only editing", () => {
  it("jumps to the next doubtful place with F8 and back with Shift+F8", async () => {
    await page.keyboard.press("F8");
    expect(await caretBlock(page)).toMatchObject({
      text: "Traffic was light in the morning.",
      article: "a1",
    });
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Shift+F8");
    expect((await caretBlock(page)).text).toBe("Traffic was light in the morning.");
  });

  it("sets every block role with Ctrl+Alt+1…8", async () => {
    for (const [i, role] of roles.entries()) {
      await page.keyboard.press(`Control+Alt+${i + 1}`);
      expect((await caretBlock(page)).role).toBe(role);
    }
    await page.keyboard.press("Control+Alt+1");
    expect((await caretBlock(page)).role).toBe("paragraph");
  });

  it("sets the article status with Ctrl+Alt+C / A / N", async () => {
    const status = () => page.getAttribute('article[data-article-id="a1"]', "data-status");
    await page.keyboard.press("Control+Alt+c");
    expect(await status()).toBe("corrected");
    await page.keyboard.press("Control+Alt+a");
    expect(await status()).toBe("approved");
    await page.keyboard.press("Control+Alt+n");
    expect(await status()).toBe("needs-review");
  });

  it("splits a paragraph with Enter and joins it back with Backspace", async () => {
    await page.keyboard.press("Home");
    for (let i = 0; i < "Traffic".length; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect((await caretBlock(page)).text).toBe(" was light in the morning.");
    await page.keyboard.press("Backspace");
    expect((await caretBlock(page)).text).toBe("Traffic was light in the morning.");
  });

  it("joins the next block with Delete and undoes it with Ctrl+Z, redoes with Ctrl+Y", async () => {
    await page.keyboard.press("End");
    await page.keyboard.press("Delete");
    expect((await caretBlock(page)).text).toBe("Traffic was light in the morning. CITY COUNCIL VOTES");
    await page.keyboard.press("Control+z");
    await page.waitForFunction(
      () => document.querySelectorAll('article[data-article-id="a1"] [data-role]').length === 5,
    );
    await page.keyboard.press("Control+y");
    await page.waitForFunction(
      () => document.querySelectorAll('article[data-article-id="a1"] [data-role]').length === 4,
    );
    await page.keyboard.press("Control+z");
    await page.waitForFunction(
      () => document.querySelectorAll('article[data-article-id="a1"] [data-role]').length === 5,
    );
  });

  it("moves a block to the next and previous article with Alt+Arrow", async () => {
    await page.keyboard.press("F8");
    await page.keyboard.press("Alt+ArrowDown");
    expect(await caretBlock(page)).toMatchObject({
      text: "Traffic was light in the morning.",
      article: "a2",
    });
    const a2 = await readEditorDoc(page);
    expect(a2[1]!.blocks[0]).toEqual(["paragraph", "Traffic was light in the morning."]);
    await page.keyboard.press("Alt+ArrowUp");
    expect(await caretBlock(page)).toMatchObject({ article: "a1" });
    const a1 = (await readEditorDoc(page))[0]!.blocks;
    expect(a1.at(-1)).toEqual(["paragraph", "Traffic was light in the morning."]);
  });

  it("reorders articles with Alt+Shift+Arrow", async () => {
    await page.keyboard.press("Alt+Shift+ArrowDown");
    expect(await articleIds()).toEqual(["a2", "a1", "a3"]);
    await page.keyboard.press("Alt+Shift+ArrowUp");
    expect(await articleIds()).toEqual(["a1", "a2", "a3"]);
  });

  it("splits an article with Ctrl+Shift+Enter and merges it back with Ctrl+Shift+Backspace", async () => {
    await page.keyboard.press("Home");
    await page.keyboard.press("Control+Shift+Enter");
    const ids = await articleIds();
    expect(ids.length).toBe(4);
    expect(ids[1]).toMatch(/^a-/);
    expect(await caretBlock(page)).toMatchObject({
      text: "Traffic was light in the morning.",
      article: ids[1],
    });
    await page.keyboard.press("Control+Shift+Backspace");
    expect(await articleIds()).toEqual(["a1", "a2", "a3"]);
  });

  it("finds and replaces with Ctrl+F, Enter, Tab and Ctrl+Enter, and returns with Escape", async () => {
    await page.keyboard.press("Control+f");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-find"))).toBe("query");
    await page.keyboard.type("light");
    await page.keyboard.press("Enter");
    expect(await page.locator(".galley-find-count").textContent()).toBe("1 of 2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("bright");
    await page.keyboard.press("Enter");
    const text = () => page.locator(".ProseMirror").textContent();
    expect(await text()).toContain("Traffic was bright in the morning.");
    await page.keyboard.press("Control+Enter");
    expect(await text()).toContain("Sunny with bright winds.");
    expect(await page.locator(".galley-match").count()).toBe(0);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    expect(await page.locator(".galley-find").isHidden()).toBe(true);
  });
});
