import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "./support/browser.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";

/**
 * Bringing pages in from the browser, as an admin: create an issue, add pages by the file
 * picker and by drag and drop (several at once, one of them broken), change a page's status,
 * delete a page — against the real server.
 */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;
let issueId: string;

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  page = browser.page;
  await page.goto(`${galley.url}/?token=${encodeURIComponent(galley.tokens.admin)}`);
  await page.waitForSelector(".issue-list li");
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

const rows = () =>
  page.$$eval(".upload-list li", (lis) =>
    lis.map((li) => ({
      name: li.querySelector(".upload-name")?.textContent ?? "",
      state: li.getAttribute("data-state"),
      status: li.querySelector(".upload-status")?.textContent ?? "",
      pageId: li.getAttribute("data-page-id"),
    })),
  );

describe("an admin in the newsroom app", () => {
  it("creates an issue with a title, a date and a publication, and lands on it", async () => {
    await page.fill('[data-field="publication"]', "The Weekly Tribune");
    await page.fill('[data-field="title"]', "Year in review");
    await page.fill('[data-field="date"]', "1992-12-29");
    await page.click(".new-issue button[type=submit]");
    await page.waitForSelector(".upload-panel");
    issueId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    const issue = (await (
      await fetch(`${galley.url}/api/issues/${issueId}`, {
        headers: { Authorization: `Bearer ${galley.tokens.admin}` },
      })
    ).json()) as { title: string; date: string };
    expect(issue).toMatchObject({ title: "Year in review", date: "1992-12-29" });
    expect(await page.locator("h1").textContent()).toContain("Year in review");
  });

  it("says why an issue cannot be created, and keeps what was typed", async () => {
    await page.goto(`${galley.url}/`);
    await page.waitForSelector(".new-issue");
    await page.fill('[data-field="title"]', "No date");
    await page.fill('[data-field="date"]', "");
    await page.evaluate(() => ((document.querySelector(".new-issue") as HTMLFormElement).noValidate = true));
    await page.click(".new-issue button[type=submit]");
    await page.waitForSelector(".new-issue .error:not([hidden])");
    expect(await page.locator(".new-issue .error").textContent()).toContain("date");
    expect(await page.inputValue('[data-field="title"]')).toBe("No date");
    await page.goto(`${galley.url}/issues/${issueId}`);
    await page.waitForSelector(".upload-panel");
  });

  it("adds several pages from the file picker; a broken file fails alone with its reason", async () => {
    await page.setInputFiles('[data-upload="input"]', [
      { name: "en-06.txt", mimeType: "text/plain", buffer: fixture("rendered/en-06.txt") },
      {
        name: "broken.hocr",
        mimeType: "text/html",
        buffer: Buffer.from("<html><body><div class='ocr_page'"),
      },
      { name: "zh-06.hocr", mimeType: "text/html", buffer: fixture("rendered/zh-06.hocr") },
    ]);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll(".upload-list li")].every((li) =>
          ["done", "failed"].includes(li.getAttribute("data-state") ?? ""),
        ) && document.querySelectorAll(".upload-list li").length === 3,
    );
    const done = await rows();
    expect(done.map((r) => [r.name, r.state])).toEqual([
      ["broken.hocr", "failed"],
      ["en-06.txt", "done"],
      ["zh-06.hocr", "done"],
    ]);
    expect(done[0]!.status).toMatch(/Failed: .+/);
    await page.waitForFunction(() => document.querySelectorAll(".page-list tr[data-page-id]").length === 2);
    const listed = await page.$$eval(".page-list tr[data-page-id]", (trs) =>
      trs.map((tr) => tr.getAttribute("data-page-id")),
    );
    expect(listed.sort()).toEqual([done[1]!.pageId, done[2]!.pageId].sort());
    // Numbered in the files' order, each with a number of its own.
    const numbers = await page.$$eval(".upload-list li[data-state=done]", (lis) =>
      lis.map((li) => Number(li.getAttribute("data-number"))),
    );
    expect(numbers[0]).toBeLessThan(numbers[1]!);
  });

  it("adds a page dropped on the panel", async () => {
    const before = (await rows()).length;
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped.txt", { type: "text/plain" }));
      return data;
    }, fixture("server/seed-kexuedaobao.txt").toString("utf8"));
    await page.dispatchEvent('[data-upload="zone"]', "drop", { dataTransfer: transfer });
    await page.waitForFunction(
      (n) => document.querySelectorAll('.upload-list li[data-state="done"]').length === n,
      before,
    );
    expect((await rows()).at(-1)).toMatchObject({ name: "dropped.txt", state: "done" });
    await page.waitForFunction(() => document.querySelectorAll(".page-list tr[data-page-id]").length === 3);
  });

  it("shows the bytes going out, and cancels an upload under way, adding no page", async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Network.enable");
    // 32 kB/s up: the hOCR (a page the server would add) takes seconds to send.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 32 * 1024,
    });
    const pagesBefore = await page.locator(".page-list tr[data-page-id]").count();
    await page.setInputFiles('[data-upload="input"]', [
      { name: "slow.hocr", mimeType: "text/html", buffer: fixture("rendered/en-11.hocr") },
    ]);
    const row = page.locator(".upload-list li").last();
    await page.waitForFunction(() => {
      const li = [...document.querySelectorAll(".upload-list li")].at(-1);
      const bar = li?.querySelector("progress") as HTMLProgressElement | null;
      return li?.getAttribute("data-state") === "uploading" && bar !== null && bar.value > 0 && bar.value < 1;
    });
    expect(await row.locator(".upload-status").textContent()).toMatch(/Sending \d+%$/);
    await row.locator(".upload-cancel").click();
    await page.waitForSelector('.upload-list li:last-child[data-state="cancelled"]');
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
    const pages = (await (
      await fetch(`${galley.url}/api/issues/${issueId}`, {
        headers: { Authorization: `Bearer ${galley.tokens.admin}` },
      })
    ).json()) as { pages: unknown[] };
    expect(pages.pages.length).toBe(pagesBefore);
  });

  it("shows each page's progress and changes a page's status", async () => {
    await page.waitForSelector(".page-list tr[data-page-id] .progress[data-total]");
    const row = page.locator(".page-list tr[data-page-id]").first();
    const id = await row.getAttribute("data-page-id");
    expect(await row.locator(".progress").getAttribute("data-approved")).toBe("0");
    await row.locator('[data-control="page-status"]').selectOption("approved");
    await page.waitForSelector(`tr[data-page-id="${id}"][data-status="approved"]`);
    const stored = (await (
      await fetch(`${galley.url}/api/pages/${id}/info`, {
        headers: { Authorization: `Bearer ${galley.tokens.admin}` },
      })
    ).json()) as { status: string };
    expect(stored.status).toBe("approved");
  });

  it("deletes a page after asking", async () => {
    const row = page.locator(".page-list tr[data-page-id]").last();
    const id = (await row.getAttribute("data-page-id"))!;
    page.once("dialog", (dialog) => void dialog.dismiss());
    await row.locator('[data-action="delete-page"]').click();
    expect(await page.locator(`tr[data-page-id="${id}"]`).count()).toBe(1);
    page.once("dialog", (dialog) => void dialog.accept());
    await row.locator('[data-action="delete-page"]').click();
    await page.waitForSelector(`tr[data-page-id="${id}"]`, { state: "detached" });
    const gone = await fetch(`${galley.url}/api/pages/${id}/info`, {
      headers: { Authorization: `Bearer ${galley.tokens.admin}` },
    });
    expect(gone.status).toBe(404);
  });

  it("speaks Chinese in the upload panel and the page list", async () => {
    await page.selectOption("#locale", "zh-CN");
    expect(await page.locator(".upload-panel h2").textContent()).toBe("添加版面");
    expect(
      await page.locator('.upload-list li[data-state="done"] .upload-status').first().textContent(),
    ).toBe("已添加");
    expect(await page.locator(".upload-list li[data-state=failed] .upload-status").textContent()).toMatch(
      /^失败：/,
    );
    expect(await page.locator(".page-list .progress .meta").first().textContent()).toMatch(/^共 \d+ 篇/);
    await page.selectOption("#locale", "en");
  });
});
