import { openBrowser, openEditor, type TestBrowser } from "./browser.ts";
import { startTestGalley, type TestGalley } from "./galley.ts";

/** A real Galley server and two people with the same page open in their own browsers. */
export interface TwoEditors {
  galley: TestGalley;
  alice: TestBrowser;
  bob: TestBrowser;
  close(): Promise<void>;
}

/**
 * Starts a Galley (port 0, temp data) and opens its page in two fresh Chromium profiles, Alice
 * with the editor token and Bob with the second editor token. `before` runs on Bob's page
 * before his editor opens (e.g. to install a websocket gate).
 */
export async function openTwoEditors(
  options: { aliceLocale?: string; bobLocale?: string; before?: (bob: TestBrowser) => Promise<void> } = {},
): Promise<TwoEditors> {
  const galley = await startTestGalley();
  const [alice, bob] = await Promise.all([
    openBrowser(options.aliceLocale ? { locale: options.aliceLocale } : {}),
    openBrowser(options.bobLocale ? { locale: options.bobLocale } : {}),
  ]);
  await options.before?.(bob);
  await Promise.all([
    openEditor(alice.page, galley.url, galley.pageId, galley.tokens.editor),
    openEditor(bob.page, galley.url, galley.pageId, galley.tokens.editor2),
  ]);
  return {
    galley,
    alice,
    bob,
    async close() {
      await Promise.all([alice.close(), bob.close()]);
      await galley.close();
    },
  };
}
