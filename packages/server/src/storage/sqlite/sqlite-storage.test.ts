import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
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
});
