import { issueToken } from "@galley/server";
import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openEditor, type TestBrowser } from "./support/browser.ts";
import { caretAt, waitForText } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";
import { watchPage } from "./support/yclient.ts";

/**
 * The defects of issue 14 a new user tripped over, each as it shows in Chromium: a page that
 * does not exist, a used sign-in link, role names in Chinese, the phone layout, a toolbar that
 * wrapped, ProseMirror's console warning, and a connection lost with changes unstored.
 */

let galley: TestGalley;
const browsers: TestBrowser[] = [];
const open = async (locale = "en-US") => {
  const browser = await openBrowser({ locale });
  browsers.push(browser);
  return browser.page;
};
/** One English and one Chinese browser, both signed in as the editor, shared by the tests. */
let en: Page;
let zh: Page;

beforeAll(async () => {
  galley = await startTestGalley();
  [en, zh] = await Promise.all([open("en-US"), open("zh-CN")]);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await galley?.close();
});

describe("a page that does not exist", () => {
  for (const [locale, title] of [
    ["en-US", "Page not found"],
    ["zh-CN", "未找到版面"],
  ] as const) {
    it(`says "not found", not "no access" or "loading" (${locale})`, async () => {
      const page = locale === "en-US" ? en : zh;
      await page.goto(`${galley.url}/pages/p-doesnotexist?token=${encodeURIComponent(galley.tokens.editor)}`);
      await page.waitForSelector("main h1");
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, title);
      const text = await page.locator("main").textContent();
      expect(text).toContain("p-doesnotexist");
      expect(text).not.toMatch(/Access denied|Loading|无权访问|正在加载/);
    });
  }
});

describe("a one-time sign-in link", () => {
  it("says it was used or has expired when opened again in another browser", async () => {
    const { token } = await issueToken(galley.storage, {
      kind: "login",
      role: "admin",
      user: "admin",
      ttlMs: 60_000,
    });
    const first = await open();
    await first.goto(`${galley.url}/?token=${token}`);
    await first.waitForSelector(".issue-list li");
    const second = await open();
    await second.goto(`${galley.url}/?token=${token}`);
    await second.waitForSelector(".signin");
    expect(await second.locator(".signin .error").textContent()).toContain(
      "already been used or has expired",
    );
    // The browser that used it is asked before a link replaces its session; taking the spent
    // link leaves it signed in, and says what happened to the link.
    await first.goto(`${galley.url}/?token=${token}`);
    await first.click(".switch-account .switch");
    await first.waitForSelector(".issue-list li");
    expect(await first.locator(".app-notice").textContent()).toBe(
      "That sign-in link has already been used or has expired; you are still signed in as admin.",
    );
  });
});

describe("in Chinese", () => {
  it("names the role in Chinese", async () => {
    await zh.goto(`${galley.url}/`);
    await zh.waitForSelector(".issue-list li");
    expect(await zh.locator(".who").textContent()).toBe("已登录：Eddie Editor（编辑）");
  });
});

describe("the page editor on a 390 px phone", () => {
  let page: Page;
  beforeAll(async () => {
    page = en;
    await page.setViewportSize({ width: 390, height: 844 });
    await openEditor(page, galley.url, galley.pageId, galley.tokens.editor);
  });
  afterAll(async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("never breaks a word in the header", async () => {
    const brand = await page.$eval(".app-header .brand", (el) => ({
      rects: el.getClientRects().length,
      height: el.getBoundingClientRect().height,
      font: Number.parseFloat(getComputedStyle(el).fontSize),
    }));
    expect(brand.rects).toBe(1);
    expect(brand.height).toBeLessThan(brand.font * 2);
  });

  it("switches between the text and the source with a button, showing the source at the top", async () => {
    expect(await page.locator(".side-panel").isVisible()).toBe(false);
    await page.click('.phone-switch [data-show="panel"]');
    await page.click('.tabs [data-tab="lines"]');
    const list = (await page.locator(".source-lines li").first().boundingBox())!;
    expect(list.y).toBeLessThan(844);
    expect(await page.locator(".editor-host").isVisible()).toBe(false);
    // Picking a line goes back to the text, with the caret in its block.
    await page.click('.source-lines li[data-line-id="10"]');
    expect(await page.locator(".editor-host").isVisible()).toBe(true);
    expect(await page.locator(".galley-linked").textContent()).toBe("Weather");
  });
});

describe("the toolbar at 1,440 px", () => {
  for (const locale of ["en-US", "zh-CN"]) {
    it(`fits on one row, every button saying what it does (${locale})`, async () => {
      const page = locale === "en-US" ? en : zh;
      await page.setViewportSize({ width: 1440, height: 900 });
      await openEditor(page, galley.url, galley.pageId, galley.tokens.editor);
      // One row: the toolbar is no taller than its tallest item (and its padding).
      const { height, tallest } = await page.$eval(".galley-toolbar", (bar) => ({
        height: bar.clientHeight - Number.parseFloat(getComputedStyle(bar).paddingTop) * 2,
        tallest: Math.max(...[...bar.children].map((c) => c.getBoundingClientRect().height)),
      }));
      expect(height).toBeLessThan(tallest * 1.5);
      const unlabelled = await page.$$eval(".galley-toolbar button", (bs) =>
        bs
          .filter(
            (b) =>
              !b.querySelector(".galley-button-text:not([hidden])")?.textContent?.trim() &&
              !["undo", "redo"].includes(b.getAttribute("data-action") ?? ""),
          )
          .map((b) => b.getAttribute("data-action")),
      );
      expect(unlabelled).toEqual([]);
    });
  }
});

describe("the console", () => {
  it("stays free of ProseMirror's TextSelection warning through opening, co-editing and restructuring", async () => {
    const messages: string[] = [];
    const record = (m: ConsoleMessage) => messages.push(m.text());
    const [alice, bob] = [en, zh];
    alice.on("console", record);
    bob.on("console", record);
    await openEditor(alice, galley.url, galley.pageId, galley.tokens.editor);
    await openEditor(bob, galley.url, galley.pageId, galley.tokens.editor);
    await caretAt(alice, "Traffic was light");
    await alice.keyboard.type("Heavy. ");
    await caretAt(bob, "Sunny with");
    await bob.keyboard.press("Control+Shift+Enter");
    await caretAt(alice, "CITY COUNCIL VOTES", true);
    await alice.keyboard.press("Control+Shift+Enter");
    await alice.keyboard.press("Control+z");
    await bob.keyboard.press("Control+z");
    await waitForText(bob, "Heavy. ");
    await alice.reload();
    await alice.waitForSelector(".galley-editor[data-galley-state=ready]");
    expect(messages.filter((m) => m.includes("TextSelection endpoint"))).toEqual([]);
  });
});

describe("a lost connection", () => {
  it("shows a banner that cannot be missed, counting the changes not yet stored, until they are", async () => {
    const page = en;
    let online = true;
    await page.routeWebSocket(/\/collab\//, (ws) => {
      if (!online) {
        ws.close({ code: 4000, reason: "offline" });
        return;
      }
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => ws.send(m));
      const cut = setInterval(() => {
        if (online) return;
        clearInterval(cut);
        ws.close({ code: 4000, reason: "offline" });
        server.close();
      }, 50);
    });
    await openEditor(page, galley.url, galley.pageId, galley.tokens.editor);
    expect(await page.locator(".galley-offline").isVisible()).toBe(false);
    online = false;
    await page.waitForSelector(".galley-offline:not([hidden])");
    await caretAt(page, "The council voted", true);
    await page.keyboard.type("Late ");
    await page.waitForFunction(
      () => Number(document.querySelector(".galley-offline")?.getAttribute("data-pending")) >= 1,
    );
    expect(await page.locator(".galley-offline").textContent()).toMatch(
      /Disconnected.*\d+ changes not yet stored/,
    );
    expect(await page.getAttribute(".galley-editor", "data-offline")).toBe("true");
    const watcher = await watchPage(galley.url, galley.pageId, galley.tokens.admin);
    try {
      online = true;
      await page.waitForSelector(".galley-offline[hidden]", { state: "attached", timeout: 20_000 });
      await watcher.waitFor((t) => t.includes("Late The council voted"));
    } finally {
      watcher.close();
    }
  });
});
