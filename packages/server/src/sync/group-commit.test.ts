import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.ts";
import type { LogEntry, Storage } from "../storage/storage.ts";
import { type CommitParticipant, GroupCommit } from "./group-commit.ts";

/** A page with updates waiting; records what happened to its batches. */
class Page implements CommitParticipant {
  waiting: Uint8Array[] = [];
  committedBatches: number[] = [];
  failures: string[] = [];
  constructor(readonly pageId: string) {}
  takeBatch(): LogEntry[] {
    return this.waiting.splice(0).map((update) => ({ pageId: this.pageId, update }));
  }
  committed(batch: LogEntry[]): void {
    this.committedBatches.push(batch.length);
  }
  failed(_batch: LogEntry[], error: unknown): void {
    this.failures.push((error as Error).message);
  }
}

/** Real SQLite storage, counting the transactions `appendLog` makes. */
function countingStorage(): { storage: Storage; commits: LogEntry[][] } {
  const inner = openSqliteStorage({ file: ":memory:" });
  const commits: LogEntry[][] = [];
  const storage: Storage = Object.create(inner);
  storage.appendLog = async (entries) => {
    await inner.appendLog(entries);
    commits.push([...entries]);
  };
  return { storage, commits };
}

describe("GroupCommit", () => {
  let storage: Storage;
  let commits: LogEntry[][];
  beforeEach(async () => {
    ({ storage, commits } = countingStorage());
    await storage.createIssue({ id: "i1", title: "T", date: "2025-01-01", createdAt: "" });
    for (const [id, number] of [
      ["p1", 1],
      ["p2", 2],
    ] as const) {
      await storage.createPage({
        id,
        issueId: "i1",
        number,
        format: "text",
        status: "needs-review",
        articleCount: 0,
        sourceType: "text/plain",
        width: null,
        height: null,
        createdAt: "",
        source: new Uint8Array([1]),
        ocrText: null,
        firstUpdate: new Uint8Array([0, 0]),
      });
    }
  });
  afterEach(() => storage.close());

  it("stores the updates of every page scheduled in one turn in one transaction", async () => {
    const group = new GroupCommit(storage, silentLogger);
    const [a, b] = [new Page("p1"), new Page("p2")];
    a.waiting.push(new Uint8Array([0, 0]), new Uint8Array([0, 0]));
    group.schedule(a);
    b.waiting.push(new Uint8Array([0, 0]));
    group.schedule(b);
    await group.drained();
    expect(commits.map((c) => c.map((e) => e.pageId))).toEqual([["p1", "p1", "p2"]]);
    expect([a.committedBatches, b.committedBatches]).toEqual([[2], [1]]);
    expect((await storage.loadDoc("p1"))?.updates).toHaveLength(3);
  });

  it("tells each page of its commit only after the transaction committed", async () => {
    const group = new GroupCommit(storage, silentLogger);
    const page = new Page("p1");
    let storedWhenTold = -1;
    page.committed = () => {
      storedWhenTold = commits.length;
    };
    page.waiting.push(new Uint8Array([0, 0]));
    group.schedule(page);
    await group.drained();
    expect(storedWhenTold).toBe(1);
  });

  it("stores a page on its own when another page of the group cannot be stored", async () => {
    const group = new GroupCommit(storage, silentLogger);
    const [good, gone] = [new Page("p1"), new Page("deleted")];
    good.waiting.push(new Uint8Array([0, 0]));
    gone.waiting.push(new Uint8Array([0, 0]));
    group.schedule(good);
    group.schedule(gone);
    await group.drained();
    expect(good.committedBatches).toEqual([1]);
    expect(gone.failures).toHaveLength(1);
    expect(gone.committedBatches).toEqual([]);
    expect((await storage.loadDoc("p1"))?.updates).toHaveLength(2);
  });

  it("takes what arrives during a commit into the next one", async () => {
    const group = new GroupCommit(storage, silentLogger);
    const [a, b] = [new Page("p1"), new Page("p2")];
    a.committed = (batch) => {
      a.committedBatches.push(batch.length);
      if (a.committedBatches.length === 1) {
        b.waiting.push(new Uint8Array([0, 0]));
        group.schedule(b);
      }
    };
    a.waiting.push(new Uint8Array([0, 0]));
    group.schedule(a);
    await group.drained();
    expect(commits.map((c) => c.map((e) => e.pageId))).toEqual([["p1"], ["p2"]]);
  });
});
