import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/**
 * Debian's Chromium (`/usr/bin/chromium`) driven by playwright-core, as every browser the tests
 * and tools start: headless, no sandbox (root in CI), and none of the background networking that
 * the machine's closed network refuses.
 */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A persistent context in a fresh profile directory (mkdtemp); `close` also removes the profile. */
export async function launchChromium(
  prefix: string,
  options: Omit<Parameters<typeof chromium.launchPersistentContext>[1], "executablePath" | "args"> = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    ...options,
    executablePath: "/usr/bin/chromium",
    args: chromiumArgs,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
