import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretAt, caretBlock } from "./support/caret.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";

/** The newsroom app around the editor: sign-in, issues, pages, export menu, source panel, language. */

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

describe("the newsroom app", () => {
  it("signs in from ?token= and drops the token from the address bar", async () => {
    // /index.html is served as a file, so the app itself trades the token for the session cookie.
    await page.goto(`${galley.url}/index.html?token=${encodeURIComponent(galley.tokens.editor)}`);
    await page.waitForSelector(".issue-list li");
    expect(new URL(page.url()).search).toBe("");
    expect((await browser.context.cookies()).map((c) => c.name)).toContain("galley_session");
    expect(await page.locator(".who").textContent()).toContain("Eddie Editor");
  });

  it("lists issues, then an issue's pages with status and article count", async () => {
    await page.click('.issue-list a:text("Morning Edition")');
    await page.waitForSelector(`tr[data-page-id="${galley.pageId}"]`);
    expect(new URL(page.url()).pathname).toBe(`/issues/${galley.issueId}`);
    const row = await page.locator(`tr[data-page-id="${galley.pageId}"]`).textContent();
    expect(row).toContain("Page 1");
    expect(row).toContain("Needs review");
    expect(row).toContain("3 articles");
  });

  it("offers every export format in the Export menu", async () => {
    await page.click(".export-menu summary");
    const links = await page.$$eval(".export-menu a", (as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(
      ["json", "html", "markdown", "nitf", "newsml", "epub", "alto"].map(
        (f) => `/api/issues/${galley.issueId}/export?format=${f}`,
      ),
    );
    // The links work with the browser's session: the JSON export downloads the issue.
    const json = await page.request.get(`${galley.url}${links[0]}`);
    expect(json.status()).toBe(200);
    expect(JSON.stringify(await json.json())).toContain("Harbour bridge reopens");
    await page.click(".export-menu summary");
  });

  it("opens the page editor with articles as cards and the source beside it", async () => {
    await page.click(`tr[data-page-id="${galley.pageId}"] a`);
    await page.waitForSelector(".galley-editor[data-galley-state=ready]");
    expect(new URL(page.url()).pathname).toBe(`/pages/${galley.pageId}`);
    expect(await page.locator("article[data-article-id]").count()).toBe(3);
    expect(await page.locator('.ProseMirror > [data-role="caption"]').count()).toBe(1);
    await page.waitForSelector('.source-lines li[data-line-id="12"]');
    expect(await page.locator(".source-lines li").count()).toBe(12);
  });

  it("lights a block's source lines when the caret enters it", async () => {
    await caretAt(page, "two years of repairs");
    await page.keyboard.press("ArrowLeft");
    await page.waitForSelector('.source-lines li.lit[data-line-id="3"]');
    const lit = await page.$$eval(".source-lines li.lit", (els) =>
      els.map((e) => e.getAttribute("data-line-id")),
    );
    expect(lit).toEqual(["2", "3"]);
  });

  it("puts the caret in a line's block when the line is picked", async () => {
    await page.click('.source-lines li[data-line-id="10"]');
    expect(await caretBlock(page)).toMatchObject({ role: "headline", text: "Weather", article: "a3" });
    expect(await page.locator(".galley-linked").textContent()).toBe("Weather");
  });

  it("runs commands from the toolbar", async () => {
    await caretAt(page, "Sunny with");
    await page.selectOption('[data-control="role"]', "subheadline");
    expect((await caretBlock(page)).role).toBe("subheadline");
    await page.click('[data-action="undo"]');
    await page.waitForFunction(() =>
      document.querySelector('article[data-article-id="a3"] [data-role="paragraph"]'),
    );
    await page.click('article[data-article-id="a3"] .galley-card-status button[data-status="approved"]');
    expect(await page.getAttribute('article[data-article-id="a3"]', "data-status")).toBe("approved");
    await caretAt(page, "CITY COUNCIL VOTES", true);
    await page.click('[data-action="splitArticle"]');
    expect((await readEditorDoc(page)).length).toBe(5);
    await page.click('[data-action="mergeArticle"]');
    expect((await readEditorDoc(page)).length).toBe(4);
  });

  it("switches to Chinese and remembers it", async () => {
    await page.selectOption("#locale", "zh-CN");
    expect(await page.locator('.tabs [data-tab="lines"]').textContent()).toBe("原文行");
    expect(await page.getAttribute('[data-action="undo"]', "aria-label")).toBe("撤销");
    await page.reload();
    await page.waitForSelector(".galley-editor[data-galley-state=ready]");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator(".galley-status .galley-connection").textContent()).toBe("已连接");
  });

  it("flags, before export, the articles that have no headline (in Chinese)", async () => {
    await caretAt(page, "Weather");
    await page.keyboard.press("Control+Alt+1");
    await page.waitForSelector('article[data-article-id="a3"] .galley-card-untitled');
    expect(await page.locator('article[data-article-id="a3"] .galley-card-title').textContent()).toBe(
      "无主标题",
    );
    await page.click(".page-head a.back");
    await page.waitForSelector(".issue-actions .warning");
    expect(await page.locator(".issue-actions .warning strong").textContent()).toBe(
      "1 篇文章没有主标题：导出时将以正文开头作为标题。",
    );
    expect(await page.getAttribute(".issue-actions .warning a", "href")).toBe(`/pages/${galley.pageId}`);
    expect(await page.locator(`tr[data-page-id="${galley.pageId}"] .untitled-badge`).textContent()).toBe(
      "1 篇无标题",
    );
  });
});
