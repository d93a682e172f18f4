import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigText } from "../server/helpers/jobs.ts";
import { openBrowser, type TestBrowser } from "./support/browser.ts";
import { startTestGalley, type TestGalley } from "./support/galley.ts";

/**
 * Uploads as jobs, from the browser to the real server: the server's phases feed each file's
 * progress bar, an hOCR file takes its page image along, a running job is cancelled from its
 * row, and a job left running is there again when the admin comes back to the issue.
 */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rendered/${name}`, import.meta.url));
/** Text that takes a worker seconds to reconstruct: long enough to watch and to cancel. */
const slowText = Buffer.from(bigText(8e6));

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  page = browser.page;
  await page.goto(`${galley.url}/issues/${galley.issueId}?token=${encodeURIComponent(galley.tokens.admin)}`);
  await page.waitForSelector(".upload-panel");
  // Every state each upload row goes through, in order.
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __states: typeof seen }).__states = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const li = r.target as HTMLElement;
        if (!li.matches?.(".upload-list li")) continue;
        const name = li.querySelector(".upload-name")?.textContent ?? "";
        const state = li.getAttribute("data-state") ?? "";
        const states = seen[name] ?? [];
        if (states.at(-1) !== state) states.push(state);
        seen[name] = states;
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

const statesOf = (name: string) =>
  page.evaluate((n) => (window as unknown as { __states: Record<string, string[]> }).__states[n] ?? [], name);
const row = (name: string) =>
  page.locator(".upload-list li", { has: page.locator(".upload-name", { hasText: name }) });

describe("uploads as jobs", () => {
  it("feeds each bar from the server's phases, and pairs an hOCR file with its page image", async () => {
    await page.setInputFiles('[data-upload="input"]', [
      { name: "en-06.hocr", mimeType: "text/html", buffer: fixture("en-06.hocr") },
      { name: "en-06.png", mimeType: "image/png", buffer: fixture("en-06.png") },
    ]);
    const name = "en-06.hocr + en-06.png";
    await page.waitForSelector('.upload-list li[data-state="done"]');
    expect(await row(name).getAttribute("data-job-id")).toMatch(/.+/);
    const states = await statesOf(name);
    expect(states.at(-1)).toBe("done");
    expect(states.some((s) => ["queued", "ocr", "reconstruct", "store"].includes(s))).toBe(true);
    const pageId = (await row(name).getAttribute("data-page-id"))!;
    const info = (await (
      await fetch(`${galley.url}/api/pages/${pageId}/info`, {
        headers: { Authorization: `Bearer ${galley.tokens.admin}` },
      })
    ).json()) as { hasImage: boolean; format: string };
    expect(info).toMatchObject({ hasImage: true, format: "hocr" });
    // The new page opens with its image in the viewer and the articles drawn on it.
    await page.click(`.page-list tr[data-page-id="${pageId}"] a`);
    await page.waitForSelector(".page-viewer[data-state=ready]");
    await page.waitForSelector(".page-overlay .article-region .region-area");
    await page.click(".page-head a.back");
    await page.waitForSelector(".upload-panel");
  });

  it("cancels a running job from its row: the job ends cancelled and leaves no page", async () => {
    const pagesBefore = await page.locator(".page-list tr[data-page-id]").count();
    await page.setInputFiles('[data-upload="input"]', [
      { name: "slow.txt", mimeType: "text/plain", buffer: slowText },
    ]);
    await page.waitForFunction(() => {
      const li = [...document.querySelectorAll(".upload-list li")].find((l) =>
        l.textContent?.includes("slow.txt"),
      );
      return ["queued", "reconstruct"].includes(li?.getAttribute("data-state") ?? "");
    });
    const jobId = (await row("slow.txt").getAttribute("data-job-id"))!;
    await row("slow.txt").locator(".upload-cancel").click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".upload-list li")].some(
        (l) => l.textContent?.includes("slow.txt") && l.getAttribute("data-state") === "cancelled",
      ),
    );
    const job = (await (
      await fetch(`${galley.url}/api/jobs/${jobId}`, {
        headers: { Authorization: `Bearer ${galley.tokens.admin}` },
      })
    ).json()) as { state: string; pageId: string | null };
    expect(job).toMatchObject({ state: "cancelled", pageId: null });
    expect(await page.locator(".page-list tr[data-page-id]").count()).toBe(pagesBefore);
  });

  it("shows a job still running when the admin comes back to the issue, and cancels it there", async () => {
    await page.setInputFiles('[data-upload="input"]', [
      { name: "left.txt", mimeType: "text/plain", buffer: slowText },
    ]);
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".upload-list li")].some(
        (l) =>
          l.textContent?.includes("left.txt") &&
          ["queued", "reconstruct"].includes(l.getAttribute("data-state") ?? ""),
      ),
    );
    await page.click("a.back");
    await page.waitForSelector(".issue-list li");
    await page.click(`.issue-list li[data-issue-id="${galley.issueId}"] a`);
    await page.waitForSelector(".upload-list li[data-job-id]");
    const back = row("left.txt");
    expect(["queued", "reconstruct", "store"]).toContain(await back.getAttribute("data-state"));
    await back.locator(".upload-cancel").click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".upload-list li")].some(
        (l) => l.textContent?.includes("left.txt") && l.getAttribute("data-state") === "cancelled",
      ),
    );
  });
});
