import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretAt, waitForText } from "./support/caret.ts";
import { openTwoEditors, type TwoEditors } from "./support/two-editors.ts";

/**
 * Per-user undo of a structural change another editor has since built on: Alice splits an
 * article, Bob types into the new one, Alice undoes her split. Bob's words stay, and the article
 * they live in keeps a valid id, on both screens.
 */

let alice: TestBrowser;
let bob: TestBrowser;
let session: TwoEditors;

beforeAll(async () => {
  session = await openTwoEditors();
  ({ alice, bob } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("undo after someone else built on my change", () => {
  it("takes back only my part", async () => {
    await caretAt(alice.page, "CITY COUNCIL VOTES", true);
    await alice.page.keyboard.press("Control+Shift+Enter");
    await bob.page.waitForFunction(() => document.querySelectorAll("article[data-article-id]").length === 4);
    await caretAt(bob.page, "The council voted on the budget.");
    await bob.page.keyboard.type(" Bob was here.");
    await waitForText(alice.page, "Bob was here.");

    await alice.page.keyboard.press("Control+z");
    await bob.page.waitForFunction(() =>
      document.querySelector('article[data-article-id="a1"]')?.textContent?.includes("CITY COUNCIL VOTES"),
    );
    await waitForText(bob.page, "Bob was here.");
    const [a, b] = await Promise.all([readEditorDoc(alice.page), readEditorDoc(bob.page)]);
    expect(a).toEqual(b);
    const text = JSON.stringify(a);
    expect(text).toContain("Bob was here.");
    const ids = a.filter((x) => x.id !== null).map((x) => x.id!);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Alice's split is gone: "CITY COUNCIL VOTES" is back in the first article; Bob's words keep
    // the block they were typed into, in an article that got a fresh id back.
    expect(a[0]!.blocks.map(([, t]) => t)).toContain("CITY COUNCIL VOTES");
    const bobs = a.find((x) => JSON.stringify(x.blocks).includes("Bob was here."))!;
    expect(bobs.id).toMatch(/^a-[0-9a-z]{8}$/);
  });
});
