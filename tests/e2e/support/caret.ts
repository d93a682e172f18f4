import type { Page } from "playwright-core";

/**
 * Puts the caret right after (or, with `before`, right before) the first occurrence of `text` in
 * the editor, and resolves once ProseMirror has taken the new DOM selection in, so that keys
 * pressed next land there. A remote change arriving between setting the DOM selection and
 * ProseMirror reading it (on `selectionchange`) puts the old selection back; then it tries again.
 */
export async function caretAt(page: Page, text: string, before = false): Promise<void> {
  await page.evaluate(
    async ([needle, atStart]) => {
      const root = document.querySelector(".ProseMirror") as HTMLElement;
      const place = () => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest(".ProseMirror-yjs-cursor, .galley-card-head, .galley-line-strip"))
            continue;
          const at = node.textContent?.indexOf(needle as string) ?? -1;
          if (at >= 0) return { node, offset: atStart ? at : at + (needle as string).length };
        }
        throw new Error(`text not found: ${needle}`);
      };
      for (let attempt = 0; attempt < 20; attempt++) {
        const { node, offset } = place();
        root.focus();
        const range = document.createRange();
        range.setStart(node, offset);
        range.collapse(true);
        const selection = getSelection()!;
        const handled = new Promise((resolve) =>
          document.addEventListener("selectionchange", () => setTimeout(resolve, 0), { once: true }),
        );
        selection.removeAllRanges();
        selection.addRange(range);
        await handled;
        // ProseMirror's handler ran before ours: if the DOM still shows our caret, the state has it.
        const now = getSelection()!;
        if (now.anchorNode === node && now.anchorOffset === offset) return;
      }
      throw new Error(`the caret would not stay at ${needle}`);
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
    for (const widget of copy.querySelectorAll(
      ".ProseMirror-yjs-cursor, .galley-card-head, .galley-line-strip",
    ))
      widget.remove();
    return copy.textContent?.includes(t);
  }, text);
}
