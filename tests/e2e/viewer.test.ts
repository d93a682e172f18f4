import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretAt } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";

/** A viewer's browser shows the page and who is there, but cannot change anything. */

let galley: TestGalley;
let viewer: TestBrowser;

beforeAll(async () => {
  galley = await startTestGalley();
  viewer = await openBrowser();
  await openEditor(viewer.page, galley.url, galley.pageId, galley.tokens.viewer);
});

afterAll(async () => {
  await viewer?.close();
  await galley?.close();
});

describe("a viewer", () => {
  it("gets a read-only editor that says so", async () => {
    const page = viewer.page;
    expect(await page.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
    expect(await page.locator(".galley-readonly").isVisible()).toBe(true);
    expect(await page.locator(".galley-editor").getAttribute("data-readonly")).toBe("true");
    // Only Find is open to a viewer: it reads, it changes nothing.
    expect(
      await page.$$eval(".galley-toolbar button:not([disabled])", (bs) =>
        bs.map((b) => b.getAttribute("data-action")),
      ),
    ).toEqual(["find"]);
    expect(await page.locator(".galley-card-status button:not([disabled])").count()).toBe(0);
  });

  it("can find text (Ctrl+F and the toolbar) but not replace it", async () => {
    const page = viewer.page;
    await caretAt(page, "Traffic was light");
    await page.keyboard.press("Control+f");
    await page.waitForSelector(".galley-find:not([hidden])");
    await page.keyboard.type("the");
    await page.keyboard.press("Enter");
    expect(await page.locator(".galley-find-count").textContent()).toMatch(/of [1-9]/);
    expect(await page.locator(".galley-match").count()).toBeGreaterThan(1);
    expect(await page.locator('.galley-find [data-find="replace"]').isDisabled()).toBe(true);
    expect(await page.locator('.galley-find [data-find="replacement"]').isDisabled()).toBe(true);
    await page.keyboard.press("Escape");
    await page.click('[data-action="find"]');
    expect(await page.locator(".galley-find").isHidden()).toBe(false);
    await page.keyboard.press("Escape");
  });

  it("cannot change the page by typing or shortcuts", async () => {
    const page = viewer.page;
    const before = await readEditorDoc(page);
    await caretAt(page, "Traffic was light");
    await page.keyboard.type("XYZ");
    await page.keyboard.press("Control+Shift+Enter");
    await page.keyboard.press("Control+Alt+2");
    await page.keyboard.press("Enter");
    expect(await readEditorDoc(page)).toEqual(before);
    const stored = await fetch(`${galley.url}/api/pages/${galley.pageId}`, {
      headers: { Authorization: `Bearer ${galley.tokens.admin}` },
    }).then((r) => r.json() as Promise<{ articles: unknown[] }>);
    expect(stored.articles.length).toBe(3);
    expect(JSON.stringify(stored)).not.toContain("XYZ");
  });
});
