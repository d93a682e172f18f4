import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pageFragmentName } from "@galley/doc";
import { createPageFromUpload, issueToken, silentLogger } from "@galley/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openBrowser, readEditorDoc, type TestBrowser } from "../e2e/support/browser.ts";
import { startTestGalley, type TestGalley } from "../e2e/support/galley.ts";
import { seedPage } from "../server/helpers/server.ts";

/**
 * Issue 13 in Chromium: the attacks as a real page makes them (items 5 and 4). The attacker's
 * page is served from another port of the same host — the same site, so the browser sends the
 * SameSite=Lax session cookie with its requests, as it did in the report.
 */

let galley: TestGalley;
let browser: TestBrowser;
let page: Page;
let attacker: Server;
let attackerUrl: string;
let attackerPage = "";

async function me(): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch("/api/me");
    return response.ok ? ((await response.json()) as { user: string }).user : `status ${response.status}`;
  });
}

async function pageNumbers(): Promise<number[]> {
  const response = await fetch(`${galley.url}/api/issues/${galley.issueId}`, {
    headers: { authorization: `Bearer ${galley.tokens.admin}` },
  });
  return ((await response.json()) as { pages: { number: number }[] }).pages.map((p) => p.number);
}

beforeAll(async () => {
  galley = await startTestGalley();
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackerPage);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  browser = await openBrowser();
  page = browser.page;
  await page.goto(`${galley.url}/?token=${encodeURIComponent(galley.tokens.admin)}`);
  await page.waitForSelector(".issue-list li");
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await galley?.close();
});

describe("a page on the same site, while an admin is signed in", () => {
  it("cannot create pages with a text/plain form or a no-cors fetch", async () => {
    const target = (n: number) =>
      `${galley.url}/api/issues/${galley.issueId}/pages?number=${n}&amp;format=text`;
    attackerPage = `<!doctype html><body>
<form id="f" method="POST" enctype="text/plain" action="${target(88)}"><input name="科学导报" value="x"></form>
<script>
fetch(${JSON.stringify(target(89).replace("&amp;", "&"))}, { method: "POST", mode: "no-cors", credentials: "include", body: "科学导报 page text" })
  .finally(() => document.getElementById("f").submit());
</script></body>`;
    const posted = page.waitForResponse((r) => r.url().includes("number=88"));
    await page.goto(attackerUrl);
    expect((await posted).status()).toBe(403);
    // The form's navigation ends on the refusal; the next test's navigation must not cut it short.
    await page.waitForURL((url) => url.href.includes("number=88"), { waitUntil: "load" });
    expect(await pageNumbers()).not.toContain(88);
    expect(await pageNumbers()).not.toContain(89);
  });

  it("cannot replace the admin's session with a link to its own token; the app asks, and staying keeps it", async () => {
    const mallory = await issueToken(galley.storage, { role: "viewer", name: "Mallory" });
    attackerPage = `<!doctype html><script>location = ${JSON.stringify(`${galley.url}/?token=${mallory.token}`)};</script>`;
    await page.goto(attackerUrl);
    await page.waitForSelector(".switch-account");
    expect(await me()).toBe("Ada Admin");
    expect(page.url()).not.toContain("token=");
    await page.click(".switch-account button.stay");
    await page.waitForSelector(".issue-list li");
    expect(await me()).toBe("Ada Admin");
  });

  it("switches accounts from a link when the person says so", async () => {
    const other = await issueToken(galley.storage, { role: "editor", name: "Other Editor" });
    await page.goto(`${galley.url}/?token=${other.token}`);
    await page.click(".switch-account button.switch");
    await page.waitForFunction(() => document.querySelector(".who")?.textContent?.includes("Other Editor"));
    expect(await me()).toBe("Other Editor");
    // Back to the admin for whatever runs next.
    await page.goto(`${galley.url}/?token=${galley.tokens.admin}`);
    await page.click(".switch-account button.switch");
    await page.waitForFunction(() => document.querySelector(".who")?.textContent?.includes("Ada Admin"));
  });
});

describe("a page whose stored log holds content outside the schema", () => {
  it("opens in the editor with its articles, the bad part set aside", async () => {
    const created = await createPageFromUpload(
      galley.storage,
      { issueId: galley.issueId, number: 60, bytes: seedPage },
      null,
      silentLogger,
    );
    const doc = new Y.Doc();
    for (const update of (await galley.storage.loadDoc(created.id))!.updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment(pageFragmentName).insert(0, [new Y.XmlText("smuggled words")]);
    await galley.storage.appendUpdates(created.id, [Y.encodeStateAsUpdate(doc, before)]);
    await page.goto(`${galley.url}/pages/${created.id}`);
    await page.waitForSelector(".galley-editor[data-galley-state=ready]");
    const shown = await readEditorDoc(page);
    expect(shown.filter((node) => node.id !== null).length).toBeGreaterThan(0);
    expect(JSON.stringify(shown)).not.toContain("smuggled words");
  });
});
