import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WalFlusher } from "./wal-flusher.ts";

describe("WalFlusher", () => {
  const dir = mkdtempSync(join(tmpdir(), "galley-wal-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("flushes a file that is there", async () => {
    const file = join(dir, "galley.db-wal");
    writeFileSync(file, new Uint8Array(256 * 1024));
    await expect(new WalFlusher(file).flush()).resolves.toBeUndefined();
  });

  it("settles without an error when there is nothing to flush yet", async () => {
    await expect(new WalFlusher(join(dir, "none.db-wal")).flush()).resolves.toBeUndefined();
  });
});
