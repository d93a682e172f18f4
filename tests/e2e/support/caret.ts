import type { Page } from "playwright-core";

/** Puts the caret right after (or, with `before`, right before) the first occurrence of `text` in the editor. */
export async function caretAt(page: Page, text: string, before = false): Promise<void> {
  await page.evaluate(
    ([needle, atStart]) => {
      const root = document.querySelector(".ProseMirror") as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(needle as string) ?? -1;
        if (at < 0) continue;
        root.focus();
        const range = document.createRange();
        range.setStart(node, atStart ? at : at + (needle as string).length);
        range.collapse(true);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`text not found: ${needle}`);
    },
    [text, before] as const,
  );
}

/** The role and text of the block holding the caret, and the id of its article. */
export async function caretBlock(
  page: Page,
): Promise<{ role: string; text: string; article: string | null }> {
  return page.evaluate(() => {
    const anchor = getSelection()?.anchorNode;
    const el = anchor instanceof Element ? anchor : anchor?.parentElement;
    const block = el?.closest("[data-role]");
    return {
      role: block?.getAttribute("data-role") ?? "",
      text: block?.textContent ?? "",
      article: block?.closest("article")?.getAttribute("data-article-id") ?? null,
    };
  });
}

/** Waits until the editor shows `text` somewhere (remote cursor labels left out). */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => {
    const root = document.querySelector(".ProseMirror");
    if (!root) return false;
    const copy = root.cloneNode(true) as Element;
    for (const cursor of copy.querySelectorAll(".ProseMirror-yjs-cursor")) cursor.remove();
    return copy.textContent?.includes(t);
  }, text);
}
