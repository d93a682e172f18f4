import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../support/chromium.ts";

/**
 * Debian's Chromium driven by playwright-core: one persistent context per simulated person, each
 * in a fresh profile directory from mkdtemp (so cookies and storage never leak between them).
 */

/** One person's browser. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Opens Chromium with a fresh profile; `locale` sets `navigator.languages`. */
export async function openBrowser(options: { locale?: string } = {}): Promise<TestBrowser> {
  const { context, close } = await launchChromium("galley-chromium-", {
    locale: options.locale ?? "en-US",
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}

/**
 * The page as the editor shows it, read from the DOM: each top-level node with its id (articles)
 * and its blocks' roles and text. Remote cursors and the editor's widgets are left out.
 */
export async function readEditorDoc(
  page: Page,
): Promise<{ id: string | null; blocks: [string, string][] }[]> {
  return page.evaluate(() => {
    const root =
      document.querySelector(".ProseMirror .galley-page") ?? document.querySelector(".ProseMirror");
    if (!root) return [];
    const text = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const cursor of copy.querySelectorAll(".ProseMirror-yjs-cursor")) cursor.remove();
      return copy.textContent ?? "";
    };
    // Widgets the editor draws (card headers, the line strip) are not part of the page.
    const parts = [...root.children].filter((c) => c.matches("article[data-article-id], [data-role]"));
    return parts.map((child) => {
      if (child.matches("article[data-article-id]")) {
        return {
          id: child.getAttribute("data-article-id"),
          blocks: [...child.querySelectorAll("[data-role]")].map(
            (b) => [b.getAttribute("data-role") ?? "", text(b)] as [string, string],
          ),
        };
      }
      return { id: null, blocks: [[child.getAttribute("data-role") ?? "", text(child)] as [string, string]] };
    });
  });
}

/** Opens the page editor signed in with `token` and waits until it is editable (or read-only). */
export async function openEditor(page: Page, base: string, pageId: string, token: string): Promise<void> {
  await page.goto(`${base}/pages/${pageId}?token=${encodeURIComponent(token)}`);
  await page.waitForSelector(".galley-editor[data-galley-state=ready]");
}
