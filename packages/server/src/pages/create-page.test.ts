import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogContext, Logger } from "../logger.ts";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.ts";
import type { Storage } from "../storage/storage.ts";
import { createPageFromUpload } from "./create-page.ts";

/** An ALTO page of one line whose first word's HPOS is `hpos`. */
function alto(hpos: string): Uint8Array {
  const word = (content: string, x: string) =>
    `<String CONTENT="${content}" HPOS="${x}" VPOS="100" WIDTH="100" HEIGHT="40"/>`;
  return new TextEncoder().encode(`<?xml version="1.0"?><alto><Layout><Page WIDTH="2000" HEIGHT="3000"><PrintSpace>
<TextBlock ID="b"><TextLine ID="l1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="40">${word("Hello", hpos)}<SP/>${word("world", "300")}</TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>`);
}

describe("createPageFromUpload", () => {
  let storage: Storage;
  const logged: Array<[string, LogContext | undefined]> = [];
  const logger: Logger = {
    info() {},
    warn: (message, context) => logged.push([message, context]),
    error() {},
  };

  beforeAll(async () => {
    storage = openSqliteStorage({ file: ":memory:" });
    await storage.createIssue({
      id: "i-1",
      title: "T",
      date: "2025-01-01",
      createdAt: new Date().toISOString(),
    });
  });
  afterAll(async () => {
    await storage.close();
  });

  it("returns the reconstruction's warnings with the page and logs them once", async () => {
    const page = await createPageFromUpload(
      storage,
      { issueId: "i-1", number: 1, bytes: alto("NaN") },
      null,
      logger,
    );
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings[0]).toMatch(/^a word box that is not a usable coordinate/);
    expect(logged).toEqual([
      ["page read with warnings", { issue: "i-1", page: page.id, warnings: page.warnings }],
    ]);
  });

  it("returns no warnings and logs nothing for a clean upload", async () => {
    logged.length = 0;
    const page = await createPageFromUpload(
      storage,
      { issueId: "i-1", number: 2, bytes: alto("100") },
      null,
      logger,
    );
    expect(page.warnings).toEqual([]);
    expect(page.model).toBe("shipped");
    expect(logged).toEqual([]);
  });

  it("reconstructs a page of a publication with the model adapted to its approved pages", async () => {
    for (const id of ["i-p1", "i-p2"])
      await storage.createIssue({
        id,
        title: id,
        date: "2025-01-02",
        publication: "Paper",
        createdAt: "2025-01-02",
      });
    const first = await createPageFromUpload(
      storage,
      { issueId: "i-p1", number: 1, bytes: alto("100") },
      null,
      logger,
    );
    expect(first.model).toBe("shipped");
    await storage.updatePage(first.id, { status: "approved" });
    const next = await createPageFromUpload(
      storage,
      { issueId: "i-p2", number: 1, bytes: alto("100") },
      null,
      logger,
    );
    expect(next.model).toBe("adapted:1 page");
  });
});
