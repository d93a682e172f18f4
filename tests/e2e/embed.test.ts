import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "./support/browser.ts";
import { caretAt } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";
import { type PageWatcher, watchPage } from "./support/yclient.ts";

/**
 * The embedding example of `docs/embedding.md` (`apps/web/embed-example/index.html`): a host page
 * that is not the newsroom app mounts the editor with `mountEditor` and a token, and edits
 * through it reach the server.
 */

let galley: TestGalley;
let browser: TestBrowser;
let watcher: PageWatcher;

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  watcher = await watchPage(galley.url, galley.pageId, galley.tokens.viewer);
});

afterAll(async () => {
  watcher?.close();
  await browser?.close();
  await galley?.close();
});

describe("the editor in a host page", () => {
  it("mounts with a token and edits through to the server", async () => {
    const page = browser.page;
    const query = new URLSearchParams({
      page: galley.pageId,
      token: galley.tokens.editor,
      name: "Host User",
    });
    await page.goto(`${galley.url}/embed-example/index.html?${query}`);
    await page.waitForSelector("#galley.galley-editor[data-galley-state=ready]");
    expect(await page.locator(".cms-chrome").textContent()).toContain("Host CMS");
    expect(await page.locator("#galley article[data-article-id]").count()).toBe(3);

    await caretAt(page, "Sunny with light winds");
    await page.keyboard.type(" from the host");
    await page.keyboard.press("Control+Alt+2");
    const text = await watcher.waitFor((t) => t.includes("Sunny with light winds from the host."));
    expect(text).toContain("from the host");
    expect(await page.title()).toMatch(/^connected/);
    expect(
      await page
        .locator('#galley [data-role="headline"]:text("Sunny with light winds from the host.")')
        .count(),
    ).toBe(1);
  });
});
