import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretAt, waitForText } from "./support/caret.ts";
import type { TestGalley } from "./support/galley.ts";
import { openTwoEditors, type TwoEditors } from "./support/two-editors.ts";

/**
 * Two editors on one page through the real server: one corrects text, splits an article and
 * promotes a paragraph to headline while the other edits another article. Both must end with the
 * same document, and the server must return all of it after a restart.
 */

const artifacts = join(dirname(fileURLToPath(import.meta.url)), "../artifacts");

let galley: TestGalley;
let alice: TestBrowser;
let bob: TestBrowser;
let session: TwoEditors;

beforeAll(async () => {
  session = await openTwoEditors({ bobLocale: "zh-CN" });
  ({ galley, alice, bob } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("two editors on one page", () => {
  it("converge on corrections, an article split and a promoted headline", async () => {
    // Bob edits the weather article while Alice works on the first one.
    await caretAt(bob.page, "Sunny with light winds");
    const bobTyping = bob.page.keyboard.type(", turning cloudy", { delay: 5 });

    await caretAt(alice.page, "two years of repairs");
    await alice.page.keyboard.type(" and painting");
    await caretAt(alice.page, "CITY COUNCIL VOTES");
    await alice.page.keyboard.press("Home");
    await alice.page.keyboard.press("Control+Shift+Enter");
    await alice.page.keyboard.press("Control+Alt+2");
    await bobTyping;

    await waitForText(alice.page, "turning cloudy");
    await waitForText(bob.page, "and painting");
    await bob.page.waitForFunction(() => document.querySelectorAll("article[data-article-id]").length === 4);
    await bob.page.waitForSelector('article [data-role="headline"]:text("CITY COUNCIL VOTES")');

    const [a, b] = await Promise.all([readEditorDoc(alice.page), readEditorDoc(bob.page)]);
    expect(a).toEqual(b);
    expect(a.map((x) => (x.id?.startsWith("a-") ? "new" : x.id))).toEqual(["a1", "new", "a2", "a3", null]);
    expect(a[1]!.blocks).toEqual([
      ["headline", "CITY COUNCIL VOTES"],
      ["paragraph", "The council voted on the budget."],
    ]);
    expect(a[0]!.blocks[1]).toEqual([
      "paragraph",
      "The harbour bridge reopened on Monday after two years of repairs and painting.",
    ]);
    expect(a[3]!.blocks[1]).toEqual(["paragraph", "Sunny with light winds, turning cloudy."]);

    mkdirSync(artifacts, { recursive: true });
    await Promise.all([
      alice.page.screenshot({ path: join(artifacts, "two-editors-alice.png"), fullPage: true }),
      bob.page.screenshot({ path: join(artifacts, "two-editors-bob.png"), fullPage: true }),
    ]);
  });

  it("shows each editor in the other's presence list", async () => {
    await alice.page.waitForSelector('.galley-presence li:text("张编辑")');
    await bob.page.waitForSelector('.galley-presence li:text("Eddie Editor")');
    expect(await alice.page.locator(".galley-status").getAttribute("data-connection")).toBe("connected");
    // Alice's caret is in the text: Bob sees it, in her colour, with her name.
    const cursor = bob.page.locator(".ProseMirror-yjs-cursor", { hasText: "Eddie Editor" });
    await cursor.waitFor();
    const aliceColor = await alice.page.$eval(
      ".galley-presence li",
      (li) => getComputedStyle(li).borderLeftColor,
    );
    expect(await cursor.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(aliceColor);
  });

  it("undoes only the undoer's own changes", async () => {
    await caretAt(alice.page, "Traffic was light");
    await alice.page.keyboard.type(" (alice)");
    await caretAt(bob.page, "budget.");
    await bob.page.keyboard.type(" (bob)");
    await waitForText(alice.page, "budget. (bob)");
    await waitForText(bob.page, "light (alice)");
    await alice.page.keyboard.press("Control+z");
    await bob.page.waitForFunction(
      () => !document.querySelector(".ProseMirror")?.textContent?.includes("(alice)"),
    );
    const [a, b] = await Promise.all([readEditorDoc(alice.page), readEditorDoc(bob.page)]);
    expect(a).toEqual(b);
    const text = JSON.stringify(a);
    expect(text).toContain("budget. (bob)");
    expect(text).toContain("CITY COUNCIL VOTES");
    expect(text).toContain("and painting");
  });

  it("keeps everything through a server restart", async () => {
    await galley.restart();
    const response = await fetch(`${galley.url}/api/pages/${galley.pageId}`, {
      headers: { Authorization: `Bearer ${galley.tokens.viewer}` },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      articles: { id: string; headline: { text: string } | null; paragraphs: { text: string }[] }[];
    };
    expect(page.articles.length).toBe(4);
    expect(page.articles[0]!.paragraphs[0]!.text).toContain("two years of repairs and painting");
    expect(page.articles[1]!.headline?.text).toBe("CITY COUNCIL VOTES");
    expect(page.articles[1]!.paragraphs.map((p) => p.text)).toEqual([
      "The council voted on the budget. (bob)",
    ]);
    expect(JSON.stringify(page)).not.toContain("(alice)");
    expect(page.articles[3]!.paragraphs[0]!.text).toBe("Sunny with light winds, turning cloudy.");
  });
});
