import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "../e2e/support/browser.ts";
import { startTestGalley, type TestGalley } from "../e2e/support/galley.ts";

/**
 * Uploaded files served back must never run as Galley's own documents: an OCR file carrying a
 * script, opened by a signed-in admin through a link to its `/source`, would otherwise act with
 * the admin's session (here: create an issue named "pwned").
 */

const attack = `fetch('/api/issues',{method:'POST',credentials:'include',headers:{'content-type':'application/json'},body:JSON.stringify({title:'pwned',date:'2025-01-01'})})`;

const hocrWithScript = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>p</title><script>${attack}</script></head>
<body><div class="ocr_page" title="bbox 0 0 1000 1000"><p class="ocr_par"><span class="ocr_line" title="bbox 10 10 500 40"><span class="ocrx_word" title="bbox 10 10 100 40; x_wconf 90">Harbour</span> <span class="ocrx_word" title="bbox 110 10 200 40; x_wconf 90">news</span></span></p></div></body></html>`;

const altoWithScript = `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:h="http://www.w3.org/1999/xhtml">
<h:script>${attack}</h:script>
<Layout><Page ID="p1" WIDTH="1000" HEIGHT="1000"><PrintSpace>
<TextBlock ID="b1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="40"><TextLine ID="l1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="40">
<String ID="s1" HPOS="10" VPOS="10" WIDTH="100" HEIGHT="40" CONTENT="Harbour"/><SP/><String ID="s2" HPOS="120" VPOS="10" WIDTH="100" HEIGHT="40" CONTENT="news"/>
</TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;

async function upload(number: number, body: string, format: string): Promise<string> {
  const response = await fetch(
    `${galley.url}/api/issues/${galley.issueId}/pages?number=${number}&format=${format}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${galley.tokens.admin}` },
      body,
    },
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function issueTitles(): Promise<string[]> {
  const response = await fetch(`${galley.url}/api/issues`, {
    headers: { authorization: `Bearer ${galley.tokens.admin}` },
  });
  return ((await response.json()) as { title: string }[]).map((i) => i.title);
}

beforeAll(async () => {
  galley = await startTestGalley();
  browser = await openBrowser();
  page = browser.page;
  // Signed in as admin with the session cookie, as someone following a link would be.
  await page.goto(`${galley.url}/?token=${encodeURIComponent(galley.tokens.admin)}`);
  await page.waitForSelector(".issue-list li");
});

afterAll(async () => {
  await browser?.close();
  await galley?.close();
});

describe("an uploaded file served back", () => {
  it.each([
    ["hOCR with a <script>", 2, hocrWithScript, "hocr"],
    ["ALTO with an XHTML <h:script>", 3, altoWithScript, "alto"],
  ])("runs nothing when an admin opens its /source: %s", async (_what, number, body, format) => {
    const pageId = await upload(number, body, format);
    const source = await fetch(`${galley.url}/api/pages/${pageId}/source`, {
      headers: { authorization: `Bearer ${galley.tokens.admin}` },
    });
    expect(source.headers.get("content-disposition")).toMatch(/^attachment; filename="page-\d+-source\./);
    expect(source.headers.get("x-content-type-options")).toBe("nosniff");
    expect(source.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(await source.text()).toBe(body);
    // Following a link to it downloads it; even a browser that rendered it would run it sandboxed.
    const download = page.waitForEvent("download");
    await page.goto(`${galley.url}/api/pages/${pageId}/source`).catch(() => undefined);
    await download;
    await page.goto(`${galley.url}/`);
    await page.waitForSelector(".issue-list li");
    expect(await issueTitles()).not.toContain("pwned");
  });

  it("sends the app with a policy that allows only its own scripts", async () => {
    const response = await fetch(`${galley.url}/`);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("runs the app under that policy without a single violation", async () => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${galley.url}/pages/${galley.pageId}`);
    await page.waitForSelector(".galley-editor[data-galley-state=ready]");
    await page.keyboard.type("x");
    expect(violations).toEqual([]);
  });
});
