import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBrowser } from "./support/browser.ts";
import { caretAt, caretBlock, waitForText } from "./support/caret.ts";
import type { TestGalley } from "./support/galley.ts";
import { openTwoEditors, type TwoEditors } from "./support/two-editors.ts";

/**
 * Chinese text: typed through an input method (CDP `Input.imeSetComposition` then
 * `Input.insertText`, what an IME does) and inserted directly; reaches another editor and the
 * server; the UI picks Chinese from the browser's languages; CJK line breaking is strict.
 */

let galley: TestGalley;
let zh: TestBrowser;
let other: TestBrowser;
let session: TwoEditors;

beforeAll(async () => {
  session = await openTwoEditors({ bobLocale: "zh-CN" });
  ({ galley, alice: other, bob: zh } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("Chinese in the editor", () => {
  it("commits an IME composition as text, seen by the other editor", async () => {
    const page = zh.page;
    await caretAt(page, "本市今日");
    const cdp = await page.context().newCDPSession(page);
    for (const preedit of ["k", "ke", "kej", "keji"]) {
      await cdp.send("Input.imeSetComposition", {
        text: preedit,
        selectionStart: preedit.length,
        selectionEnd: preedit.length,
      });
    }
    await cdp.send("Input.imeSetComposition", { text: "科技", selectionStart: 2, selectionEnd: 2 });
    await cdp.send("Input.insertText", { text: "科技" });
    await waitForText(page, "本市今日科技召开");
    expect((await caretBlock(page)).role).toBe("paragraph");
    await waitForText(other.page, "本市今日科技召开");
  });

  it("keeps Enter inside a composition from splitting the paragraph", async () => {
    const page = zh.page;
    const cdp = await page.context().newCDPSession(page);
    const blocks = () => page.locator('article[data-article-id="a2"] [data-role]').count();
    const before = await blocks();
    await cdp.send("Input.imeSetComposition", { text: "hui", selectionStart: 3, selectionEnd: 3 });
    // An IME confirms a candidate with Enter: the key event arrives during composition.
    await cdp.send("Input.dispatchKeyEvent", {
      type: "keyDown",
      key: "Enter",
      code: "Enter",
      windowsVirtualKeyCode: 229,
    });
    await cdp.send("Input.insertText", { text: "会" });
    await waitForText(page, "科技会召开");
    expect(await blocks()).toBe(before);
  });

  it("takes text inserted in one go", async () => {
    await caretAt(zh.page, "人工智能");
    await zh.page.keyboard.insertText("与机器人");
    await waitForText(other.page, "人工智能与机器人");
    const stored = await fetch(`${galley.url}/api/pages/${galley.pageId}`, {
      headers: { Authorization: `Bearer ${galley.tokens.viewer}` },
    }).then((r) => r.json() as Promise<{ articles: { paragraphs: { text: string }[] }[] }>);
    expect(stored.articles[1]!.paragraphs[0]!.text).toBe(
      "本市今日科技会召开科技大会，与会代表讨论了人工智能与机器人。",
    );
  });

  it("speaks Chinese for a zh browser and breaks CJK lines strictly", async () => {
    const page = zh.page;
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.getAttribute('[data-action="splitArticle"]', "aria-label")).toBe("在此拆分文章");
    const style = await page.$eval('[data-role="paragraph"]', (el) => {
      const s = getComputedStyle(el);
      return {
        lineBreak: s.lineBreak,
        wordBreak: s.wordBreak,
        overflowWrap: s.overflowWrap,
        font: s.fontFamily,
      };
    });
    expect(style).toMatchObject({ lineBreak: "strict", wordBreak: "normal", overflowWrap: "anywhere" });
    expect(style.font).toContain("Noto Serif CJK SC");
  });
});
