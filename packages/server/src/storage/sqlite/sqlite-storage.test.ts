import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { chunkBytes, orphanAgeMs } from "./blob-chunks.ts";
import { sqliteMigrations, sqliteSchema, sqliteSchemaVersion } from "./schema.ts";
import { openSqliteStorage } from "./sqlite-storage.ts";

describe("openSqliteStorage", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fileIn = () => {
    const dir = mkdtempSync(join(tmpdir(), "galley-sqlite-unit-"));
    dirs.push(dir);
    return join(dir, "galley.db");
  };

  it("leaves the database file in WAL mode", async () => {
    const file = fileIn();
    const storage = openSqliteStorage({ file });
    await storage.close();
    const db = new Database(file);
    const [row] = db.pragma("journal_mode") as { journal_mode: string }[];
    db.close();
    expect(row?.journal_mode).toBe("wal");
  });

  it("keeps a page's blobs byte for byte, small and large", async () => {
    const storage = openSqliteStorage({ file: fileIn() });
    await storage.createIssue({ id: "i1", title: "T", date: "2025-01-01", createdAt: "" });
    const source = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const first = new Uint8Array([0, 1, 0, 2]);
    await storage.createPage({
      id: "p1",
      issueId: "i1",
      number: 1,
      format: "text",
      status: "needs-review",
      articleCount: 0,
      sourceType: "text/plain",
      source,
      ocrText: null,
      width: null,
      height: null,
      createdAt: "",
      firstUpdate: first,
    });
    const view = new Uint8Array(source.buffer, 10, 3);
    await storage.appendUpdates("p1", [view]);
    expect((await storage.getPageSource("p1"))?.bytes).toEqual(source);
    expect((await storage.loadDoc("p1"))?.updates).toEqual([first, new Uint8Array(view)]);
    await storage.close();
  });

  it("opens a database of schema version 1 (before token ids) and migrates it, tokens kept", async () => {
    const file = fileIn();
    const old = new Database(file);
    old.exec(sqliteSchema);
    old
      .prepare(
        "INSERT INTO tokens (hash, kind, role, issue_id, user, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(["ab".repeat(32), "access", "editor", null, "Ann", "Ann", "2024-01-01T00:00:00.000Z", null]);
    old.close();
    const storage = openSqliteStorage({ file });
    expect(await storage.findToken("ab".repeat(32))).toMatchObject({
      id: `t-${"ab".repeat(8)}`,
      role: "editor",
      lastUsedAt: null,
    });
    await storage.close();
    const db = new Database(file);
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string };
    db.close();
    expect(version.value).toBe(sqliteSchemaVersion);
    // Opening it again is a no-op.
    await openSqliteStorage({ file }).close();
  });

  it("starts the history of a page stored before version 3 with its snapshot, then its log", async () => {
    const file = fileIn();
    const old = new Database(file);
    old.exec(sqliteSchema);
    old.exec(sqliteMigrations.find((m) => m.to === "2")!.sql);
    old.exec(`UPDATE meta SET value = '2' WHERE key = 'schema';
      INSERT INTO issues VALUES ('i1', 'T', '2025-01-01', '2025-01-01T00:00:00.000Z');
      INSERT INTO pages (id, issue_id, number, format, status, article_count, source_type, source, created_at)
        VALUES ('p1', 'i1', 1, 'text', 'needs-review', 0, 'text/plain', x'01', '2025-01-01T00:00:00.000Z');
      INSERT INTO snapshots VALUES ('p1', x'0a0b', '2025-01-02T00:00:00.000Z');
      INSERT INTO updates (page_id, data) VALUES ('p1', x'0c'), ('p1', x'0d');`);
    old.close();
    const storage = openSqliteStorage({ file });
    const history = (await storage.readHistory("p1"))!;
    await storage.close();
    expect(history.map((h) => [[...h.update], h.author, h.at])).toEqual([
      [[10, 11], null, "2025-01-02T00:00:00.000Z"],
      [[12], null, "2025-01-01T00:00:00.000Z"],
      [[13], null, "2025-01-01T00:00:00.000Z"],
    ]);
  });

  it("refuses a database of a newer schema version than it knows", () => {
    const file = fileIn();
    const db = new Database(file);
    db.exec(sqliteSchema);
    db.exec("UPDATE meta SET value = '99' WHERE key = 'schema'");
    db.close();
    expect(() => openSqliteStorage({ file })).toThrow(/version 99/);
  });

  it("opens a data directory written before the publication and image columns, keeping its rows", async () => {
    const file = fileIn();
    const old = new Database(file);
    old.exec(sqliteSchema);
    old
      .prepare("INSERT INTO issues (id, title, date, created_at) VALUES (?, ?, ?, ?)")
      .run(["i0", "Old", "2024-01-01", ""]);
    old
      .prepare(
        "INSERT INTO pages (id, issue_id, number, format, status, article_count, source_type, source, created_at) VALUES (?, ?, 1, 'text', 'needs-review', 0, 'text/plain', ?, '')",
      )
      .run(["p0", "i0", Buffer.from("hello")]);
    old.close();
    const storage = openSqliteStorage({ file });
    expect(await storage.getIssue("i0")).toMatchObject({ title: "Old", publication: null });
    expect(await storage.getPage("p0")).toMatchObject({ sourceSize: 5, imageType: null });
    expect(new TextDecoder().decode((await storage.getPageSource("p0"))?.bytes)).toBe("hello");
    await storage.createIssue({
      id: "i1",
      title: "New",
      date: "2025-01-01",
      publication: "Paper",
      createdAt: "",
    });
    expect((await storage.getIssue("i1"))?.publication).toBe("Paper");
    await storage.close();
  });

  it("sweeps the chunks of an interrupted upload once they are an hour old, and only those", async () => {
    const file = fileIn();
    openSqliteStorage({ file }).close();
    const db = new Database(file);
    const insert = db.prepare("INSERT INTO blob_chunks (blob, seq, data, created_at) VALUES (?, 0, ?, ?)");
    insert.run(["stale/source", Buffer.alloc(10), new Date(Date.now() - orphanAgeMs - 1000).toISOString()]);
    insert.run(["fresh/source", Buffer.alloc(10), new Date().toISOString()]);
    db.close();
    await openSqliteStorage({ file }).close();
    const check = new Database(file);
    const left = check.prepare("SELECT blob FROM blob_chunks").all() as { blob: string }[];
    check.close();
    expect(left.map((r) => r.blob)).toEqual(["fresh/source"]);
  });

  it("keeps a chunked first update in the history after a compaction folds its log row, and drops it with the page", async () => {
    const file = fileIn();
    const storage = openSqliteStorage({ file });
    await storage.createIssue({ id: "i1", title: "T", date: "2025-01-01", createdAt: "" });
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "x".repeat(3 * chunkBytes));
    const firstUpdate = Y.encodeStateAsUpdate(doc);
    await storage.createPage({
      id: "p1",
      issueId: "i1",
      number: 1,
      format: "text",
      status: "needs-review",
      articleCount: 0,
      sourceType: "text/plain",
      source: new Uint8Array(10),
      ocrText: null,
      width: null,
      height: null,
      createdAt: "",
      firstUpdate,
    });
    await storage.compactDoc("p1", (stored) => stored.updates[0]!);
    expect((await storage.loadDoc("p1"))?.updates).toHaveLength(0);
    const [first] = (await storage.readHistory("p1"))!;
    expect(Buffer.from(first!.update).equals(Buffer.from(firstUpdate))).toBe(true);
    await storage.deletePage("p1");
    await storage.close();
    const db = new Database(file);
    const { n } = db.prepare("SELECT count(*) AS n FROM blob_chunks").get() as { n: number };
    db.close();
    expect(n).toBe(0);
  });

  it("lets other work run between the chunks of a large page", async () => {
    const storage = openSqliteStorage({ file: fileIn() });
    await storage.createIssue({ id: "i1", title: "T", date: "2025-01-01", createdAt: "" });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    await storage.createPage({
      id: "p1",
      issueId: "i1",
      number: 1,
      format: "text",
      status: "needs-review",
      articleCount: 0,
      sourceType: "text/plain",
      source: new Uint8Array(8 * chunkBytes).fill(66),
      ocrText: null,
      width: null,
      height: null,
      createdAt: "",
      firstUpdate: new Uint8Array([0, 0]),
    });
    clearInterval(ticker);
    expect(turns).toBeGreaterThanOrEqual(4);
    expect((await storage.getPageSource("p1"))?.bytes.byteLength).toBe(8 * chunkBytes);
    await storage.close();
  });

  it("still checkpoints the WAL into the database file, from its own thread, as updates pile up", async () => {
    const file = fileIn();
    const storage = openSqliteStorage({ file });
    await storage.createIssue({ id: "i1", title: "T", date: "2025-01-01", createdAt: "" });
    await storage.createPage({
      id: "p1",
      issueId: "i1",
      number: 1,
      format: "text",
      status: "needs-review",
      articleCount: 0,
      sourceType: "text/plain",
      source: new Uint8Array(10),
      ocrText: null,
      width: null,
      height: null,
      createdAt: "",
      firstUpdate: new Uint8Array([0, 0]),
    });
    const before = statSync(file).size;
    for (let i = 0; i < 40; i++) await storage.appendUpdates("p1", [new Uint8Array(200 * 1024).fill(i)]);
    // The checkpoint runs in another thread: wait (bounded) for the database file to take the log.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 4 * 1024 * 1024 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statSync(file).size).toBeGreaterThanOrEqual(before + 4 * 1024 * 1024);
    expect((await storage.loadDoc("p1"))?.updates).toHaveLength(41);
    await storage.close();
  });
});
