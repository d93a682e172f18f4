import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDataDir } from "@galley/server";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer } from "../server/helpers/child-server.ts";

/** `galley serve` on a fresh data directory creates a demo issue holding the sample page. */

const dataDir = mkdtempSync(join(tmpdir(), "galley-demo-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the demo issue", () => {
  it("is titled in the sample page's language only, with its publication", async () => {
    const server = await spawnServer(dataDir);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    server.process.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    const storage = openDataDir(dataDir);
    try {
      const [issue] = await storage.listIssues();
      expect(issue?.publication).toBe("科学导报");
      expect(issue?.title).toBe("示例版面");
    } finally {
      await storage.close();
    }
  });
});
