import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEditorDoc, type TestBrowser } from "./support/browser.ts";
import { caretAt } from "./support/caret.ts";
import type { TestGalley } from "./support/galley.ts";
import { openTwoEditors, type TwoEditors } from "./support/two-editors.ts";
import { type CollabGate, gateCollab } from "./support/ws-gate.ts";

/**
 * A role change loses nothing typed at the same moment: Bob types into a paragraph while Alice
 * promotes it to headline, neither having seen the other's change (Bob's outgoing messages are
 * held back until Alice's promotion has reached him). Both end with Bob's words in the headline.
 */

let galley: TestGalley;
let alice: TestBrowser;
let bob: TestBrowser;
let bobGate: CollabGate;
let session: TwoEditors;

beforeAll(async () => {
  session = await openTwoEditors({
    before: async (b) => {
      bobGate = await gateCollab(b.page);
    },
  });
  ({ galley, alice, bob } = session);
});

afterAll(async () => {
  await session?.close();
});

/**
 * Waits until the block whose text starts with `start` has `role` and, if given, exactly `text`
 * (remote cursor labels left out).
 */
async function waitForBlock(page: Page, start: string, role: string, text?: string): Promise<void> {
  await page.waitForFunction(
    ([start, role, text]) =>
      [...document.querySelectorAll(".ProseMirror [data-role]")].some((el) => {
        const copy = el.cloneNode(true) as Element;
        for (const cursor of copy.querySelectorAll(".ProseMirror-yjs-cursor")) cursor.remove();
        const shown = copy.textContent ?? "";
        return (
          el.getAttribute("data-role") === role &&
          shown.startsWith(start as string) &&
          (text === null || shown === text)
        );
      }),
    [start, role, text ?? null] as const,
  );
}

describe("a role change while another editor types into the block", () => {
  it("keeps the typed text and the new role on both sides", async () => {
    bobGate.hold();
    await caretAt(bob.page, "CITY COUNCIL VOTES");
    await bob.page.keyboard.type(" ON BUDGET");
    await waitForBlock(bob.page, "CITY COUNCIL VOTES ON BUDGET", "paragraph");

    await caretAt(alice.page, "CITY COUNCIL VOTES");
    await alice.page.keyboard.press("Control+Alt+2");
    await waitForBlock(alice.page, "CITY COUNCIL VOTES", "headline", "CITY COUNCIL VOTES");
    // Alice's promotion reaches Bob, who still shows his own words: the two changes are concurrent.
    await waitForBlock(bob.page, "CITY COUNCIL VOTES", "headline", "CITY COUNCIL VOTES ON BUDGET");
    expect(bobGate.held()).toBeGreaterThan(0);

    bobGate.release();
    await waitForBlock(alice.page, "CITY COUNCIL VOTES", "headline", "CITY COUNCIL VOTES ON BUDGET");
    const [a, b] = await Promise.all([readEditorDoc(alice.page), readEditorDoc(bob.page)]);
    expect(a).toEqual(b);
    expect(a[0]!.blocks).toContainEqual(["headline", "CITY COUNCIL VOTES ON BUDGET"]);
    expect(JSON.stringify(a).match(/CITY COUNCIL/g)).toHaveLength(1);
  });

  it("stores it: the server's page has the words in a headline, none left in a paragraph", async () => {
    await galley.restart();
    const response = await fetch(`${galley.url}/api/pages/${galley.pageId}`, {
      headers: { Authorization: `Bearer ${galley.tokens.viewer}` },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      articles: { headline: { text: string } | null; paragraphs: { text: string }[] }[];
    };
    expect(page.articles[0]!.headline?.text).toContain("CITY COUNCIL VOTES ON BUDGET");
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).not.toContain("CITY COUNCIL VOTES");
  });
});
