import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
import { ConflictError } from "../errors.ts";
import {
  bytesOf,
  type HistoryRow,
  historyFromRow,
  type IssueRow,
  issueFromRow,
  type PageRow,
  pageColumns,
  pageFromRow,
  type TokenRow,
  tokenFromRow,
  type VersionRow,
  versionFromRow,
} from "../rows.ts";
import type {
  HistoryEntry,
  IssueRecord,
  LogEntry,
  NewPage,
  PageImage,
  PagePatch,
  PageRecord,
  Storage,
  StoredDoc,
  TokenRecord,
  VersionRecord,
} from "../storage.ts";
import { BlobChunks, type Staged } from "./blob-chunks.ts";
import { Checkpointer } from "./checkpointer.ts";
import {
  sqliteAddedColumns,
  sqliteChunkSchema,
  sqliteMigrations,
  sqliteSchema,
  sqliteSchemaVersion,
} from "./schema.ts";
import { WalFlusher } from "./wal-flusher.ts";

/** Options for `openSqliteStorage`. */
export interface SqliteStorageOptions {
  /** The database file; its directory is created. `":memory:"` for a throwaway database. */
  file: string;
  /**
   * `"full"` (default) fsyncs the WAL on every commit: a committed update survives a power
   * cut. `"normal"` leaves the fsync to checkpoints: a commit survives a crash or SIGKILL of
   * the server process, but the last commits may be lost if the machine itself goes down.
   */
  synchronous?: "full" | "normal";
}

/**
 * Opens (creating when needed) a SQLite database as Galley storage: WAL journal, foreign keys
 * on, a 5 s busy timeout so `galley token create` can write while a server runs. The binding
 * (libsql, better-sqlite3's API with its native binary shipped in an npm package) is synchronous, so each method has committed by the time its promise settles.
 */
export function openSqliteStorage(options: SqliteStorageOptions): Storage {
  if (options.file !== ":memory:") mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${options.synchronous === "normal" ? "NORMAL" : "FULL"}`);
  db.pragma("foreign_keys = ON");
  db.exec(sqliteSchema);
  // Before the migrations, which read the added columns (additive: harmless on any version).
  addMissingColumns(db);
  const version = migrate(db);
  if (version !== sqliteSchemaVersion) {
    db.close();
    throw new RangeError(
      `${options.file}: storage schema version ${version}, this Galley reads ${sqliteSchemaVersion}`,
    );
  }
  db.exec(sqliteChunkSchema);
  const storage = new SqliteStorage(
    db,
    options.synchronous === "normal" ? "NORMAL" : "FULL",
    options.file === ":memory:" ? null : new Checkpointer(options.file),
    options.file === ":memory:" ? null : new WalFlusher(`${options.file}-wal`),
  );
  storage.sweepOrphans();
  return storage;
}

/** Applies `sqliteAddedColumns` that a data directory of an older Galley lacks. */
function addMissingColumns(db: Database.Database): void {
  for (const { table, column, definition } of sqliteAddedColumns) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}

/**
 * Brings the database to the current schema version, one migration at a time, each in one
 * IMMEDIATE transaction that re-reads the version (two processes opening the same file migrate
 * it once). Returns the version it is at; a newer one than this code knows is left alone.
 */
function migrate(db: Database.Database): string {
  const read = () =>
    (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string }).value;
  for (const step of sqliteMigrations) {
    if (Number(read()) >= Number(step.to)) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      if (Number(read()) < Number(step.to)) {
        db.exec(step.sql);
        db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run([step.to]);
      }
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  }
  return read();
}

/** Bytes written between two checkpoints in the checkpointer thread (SQLite's default is 1,000 pages). */
const checkpointEvery = 4 * 1024 * 1024;

// Positional parameters are always bound as one array (`run([a, b])`): libsql reads a lone
// object argument, a Buffer included, as named parameters and aborts the process on a `?`.
class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly chunks: BlobChunks;
  private unflushed = 0;
  private checkpointing = false;

  constructor(
    db: Database.Database,
    synchronous: "FULL" | "NORMAL",
    private readonly checkpointer: Checkpointer | null,
    flusher: WalFlusher | null,
  ) {
    this.db = db;
    this.chunks = new BlobChunks(
      db,
      synchronous,
      (bytes) => this.wrote(bytes),
      flusher ? () => flusher.flush() : undefined,
    );
    // Checkpoints run in the checkpointer's thread, never inside a commit (see `wrote`).
    if (checkpointer) db.pragma("wal_autocheckpoint = 0");
    this.statements = {
      insertIssue: db.prepare(
        "INSERT INTO issues (id, title, date, publication, created_at) VALUES (?, ?, ?, ?, ?)",
      ),
      getIssue: db.prepare("SELECT * FROM issues WHERE id = ?"),
      listIssues: db.prepare("SELECT * FROM issues ORDER BY date DESC, created_at DESC"),
      insertPage: db.prepare(
        `INSERT INTO pages (id, issue_id, number, format, status, article_count, source_type, source, source_blob, source_size, ocr_text, width, height, created_at, image, image_blob, image_size, image_type)
         VALUES (@id, @issueId, @number, @format, @status, @articleCount, @sourceType, @source, @sourceBlob, @sourceSize, @ocrText, @width, @height, @createdAt, @image, @imageBlob, @imageSize, @imageType)`,
      ),
      getPage: db.prepare(`SELECT ${pageColumns} FROM pages WHERE id = ?`),
      pageNumberTaken: db.prepare("SELECT 1 FROM pages WHERE issue_id = ? AND number = ?"),
      listPages: db.prepare(`SELECT ${pageColumns} FROM pages WHERE issue_id = ? ORDER BY number`),
      setStatus: db.prepare("UPDATE pages SET status = ? WHERE id = ?"),
      setArticleCount: db.prepare("UPDATE pages SET article_count = ? WHERE id = ?"),
      pageExists: db.prepare("SELECT 1 FROM pages WHERE id = ?"),
      deletePage: db.prepare("DELETE FROM pages WHERE id = ?"),
      getSource: db.prepare(
        "SELECT source, source_blob, COALESCE(source_size, length(source)) AS size, source_type, ocr_text FROM pages WHERE id = ?",
      ),
      getImage: db.prepare(
        "SELECT image, image_blob, image_size AS size, image_type FROM pages WHERE id = ? AND image_type IS NOT NULL",
      ),
      appendUpdate: db.prepare("INSERT INTO updates (page_id, data) VALUES (?, ?)"),
      appendBlobUpdate: db.prepare("INSERT INTO updates (page_id, data, blob) VALUES (?, ?, ?)"),
      appendHistory: db.prepare(
        "INSERT INTO history (page_id, author, at, data, blob) VALUES (?, ?, ?, ?, ?)",
      ),
      readHistory: db.prepare(
        "SELECT seq, author, at, data, blob FROM history WHERE page_id = ? AND seq > ? ORDER BY seq",
      ),
      lastHistorySeq: db.prepare("SELECT max(seq) AS seq FROM history WHERE page_id = ?"),
      insertVersion: db.prepare(
        "INSERT INTO versions (id, page_id, name, kind, author, at, seq, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      listVersions: db.prepare(
        "SELECT id, page_id, name, kind, author, at, seq FROM versions WHERE page_id = ? ORDER BY at, seq",
      ),
      getVersion: db.prepare(
        "SELECT id, page_id, name, kind, author, at, seq, state FROM versions WHERE id = ?",
      ),
      getSnapshot: db.prepare("SELECT data FROM snapshots WHERE page_id = ?"),
      getUpdates: db.prepare("SELECT seq, data, blob FROM updates WHERE page_id = ? ORDER BY seq"),
      putSnapshot: db.prepare(
        `INSERT INTO snapshots (page_id, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
      deleteUpdatesUpTo: db.prepare("DELETE FROM updates WHERE page_id = ? AND seq <= ?"),
      insertToken: db.prepare(
        `INSERT INTO tokens (hash, id, kind, role, issue_id, user, name, created_at, expires_at, last_used_at, parent_id)
         VALUES (@hash, @id, @kind, @role, @issueId, @user, @name, @createdAt, @expiresAt, @lastUsedAt, @parentId)`,
      ),
      findToken: db.prepare("SELECT * FROM tokens WHERE hash = ?"),
      takeToken: db.prepare("DELETE FROM tokens WHERE hash = ? RETURNING *"),
      listTokens: db.prepare("SELECT * FROM tokens ORDER BY created_at, id"),
      revokeToken: db.prepare("DELETE FROM tokens WHERE id = ? RETURNING *"),
      revokeSessionsOf: db.prepare("DELETE FROM tokens WHERE parent_id = ?"),
      touchToken: db.prepare("UPDATE tokens SET last_used_at = ? WHERE hash = ?"),
      deleteExpiredTokens: db.prepare("DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at < ?"),
    };
  }

  async createIssue(issue: IssueRecord): Promise<void> {
    this.statements.insertIssue.run([
      issue.id,
      issue.title,
      issue.date,
      issue.publication ?? null,
      issue.createdAt,
    ]);
  }

  async getIssue(id: string): Promise<IssueRecord | null> {
    const row = this.statements.getIssue.get([id]) as IssueRow | undefined;
    return row ? issueFromRow(row) : null;
  }

  async listIssues(): Promise<IssueRecord[]> {
    return (this.statements.listIssues.all() as IssueRow[]).map(issueFromRow);
  }

  async createPage(page: NewPage): Promise<void> {
    const { firstUpdate, source, image, ...record } = page;
    // The big values go first, a chunk per transaction; the page itself is then one short
    // transaction naming them, so it appears whole or not at all.
    const staged: Staged[] = [];
    try {
      const stagedSource = await this.chunks.stage(`${page.id}/source`, source);
      staged.push(stagedSource);
      const stagedImage = image ? await this.chunks.stage(`${page.id}/image`, image.bytes) : null;
      if (stagedImage) staged.push(stagedImage);
      const stagedUpdate = await this.chunks.stage(`${page.id}/update`, firstUpdate);
      staged.push(stagedUpdate);
      this.transact(() => {
        if (this.statements.pageNumberTaken.get([page.issueId, page.number])) {
          throw new ConflictError(`issue ${page.issueId} already has a page ${page.number}`);
        }
        this.statements.insertPage.run({
          ...record,
          source: stagedSource.inline ?? Buffer.alloc(0),
          sourceBlob: stagedSource.blob,
          sourceSize: source.byteLength,
          image: stagedImage?.inline ?? null,
          imageBlob: stagedImage?.blob ?? null,
          imageSize: image?.bytes.byteLength ?? null,
          imageType: image?.contentType ?? null,
        });
        if (stagedUpdate.blob)
          this.statements.appendBlobUpdate.run([page.id, Buffer.alloc(0), stagedUpdate.blob]);
        else this.statements.appendUpdate.run([page.id, stagedUpdate.inline]);
        // The page as uploaded starts its history (a chunked one shares the log row's chunks;
        // the triggers keep them while either row names them).
        this.statements.appendHistory.run([
          page.id,
          null,
          page.createdAt,
          stagedUpdate.inline ?? Buffer.alloc(0),
          stagedUpdate.blob,
        ]);
      });
    } catch (error) {
      for (const { blob } of staged) if (blob) this.transact(() => this.chunks.discard(blob));
      throw error;
    }
    this.wrote(source.byteLength + (image?.bytes.byteLength ?? 0) + firstUpdate.byteLength);
  }

  async getPage(id: string): Promise<PageRecord | null> {
    const row = this.statements.getPage.get([id]) as PageRow | undefined;
    return row ? pageFromRow(row) : null;
  }

  async listPages(issueId: string): Promise<PageRecord[]> {
    return (this.statements.listPages.all([issueId]) as PageRow[]).map(pageFromRow);
  }

  async updatePage(id: string, patch: PagePatch): Promise<boolean> {
    return this.transact(() => {
      if (!this.statements.pageExists.get([id])) return false;
      if (patch.status !== undefined) this.statements.setStatus.run([patch.status, id]);
      if (patch.articleCount !== undefined) this.statements.setArticleCount.run([patch.articleCount, id]);
      return true;
    });
  }

  async deletePage(id: string): Promise<boolean> {
    return this.statements.deletePage.run([id]).changes > 0;
  }

  async getPageSource(
    id: string,
  ): Promise<{ bytes: Uint8Array; contentType: string; ocrText: string | null } | null> {
    const row = this.statements.getSource.get([id]) as
      | {
          source: Buffer;
          source_blob: string | null;
          size: number;
          source_type: string;
          ocr_text: string | null;
        }
      | undefined;
    if (!row) return null;
    const bytes = row.source_blob ? await this.chunks.read(row.source_blob, row.size) : bytesOf(row.source);
    return { bytes, contentType: row.source_type, ocrText: row.ocr_text };
  }

  async getPageImage(id: string): Promise<PageImage | null> {
    const row = this.statements.getImage.get([id]) as
      | { image: Buffer | null; image_blob: string | null; size: number | null; image_type: string }
      | undefined;
    if (!row) return null;
    if (row.image_blob && row.size !== null) {
      return { bytes: await this.chunks.read(row.image_blob, row.size), contentType: row.image_type };
    }
    return row.image ? { bytes: bytesOf(row.image), contentType: row.image_type } : null;
  }

  /** Removes chunks of interrupted uploads (see `BlobChunks.sweepOrphans`). */
  sweepOrphans(): number {
    return this.transact(() => this.chunks.sweepOrphans());
  }

  async appendUpdates(pageId: string, updates: Uint8Array[]): Promise<void> {
    await this.appendLog(updates.map((update) => ({ pageId, update })));
  }

  async appendLog(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date().toISOString();
    this.transact(() => {
      for (const { pageId, update, author } of entries) {
        const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
        this.statements.appendUpdate.run([pageId, data]);
        this.statements.appendHistory.run([pageId, author ?? null, at, data, null]);
      }
    });
    this.wrote(2 * entries.reduce((sum, e) => sum + e.update.byteLength, 0));
  }

  async readHistory(pageId: string, afterSeq = 0): Promise<HistoryEntry[] | null> {
    return this.transact(() => {
      if (!this.statements.pageExists.get([pageId])) return null;
      const rows = this.statements.readHistory.all([pageId, afterSeq]) as (HistoryRow & {
        blob: string | null;
      })[];
      return rows.map((row) =>
        historyFromRow(row.blob ? { ...row, data: this.chunks.readNow(row.blob) } : row),
      );
    });
  }

  async createVersion(
    version: Omit<VersionRecord, "seq">,
    merge: (doc: StoredDoc) => Uint8Array,
  ): Promise<VersionRecord | null> {
    return this.transact(() => {
      const doc = this.readDoc(version.pageId);
      if (!doc) return null;
      const { seq } = this.statements.lastHistorySeq.get([version.pageId]) as { seq: number | null };
      const state = merge(doc);
      const record: VersionRecord = { ...version, seq: seq ?? 0 };
      this.statements.insertVersion.run([
        record.id,
        record.pageId,
        record.name,
        record.kind,
        record.author,
        record.at,
        record.seq,
        Buffer.from(state),
      ]);
      return record;
    });
  }

  async listVersions(pageId: string): Promise<VersionRecord[]> {
    return (this.statements.listVersions.all([pageId]) as VersionRow[]).map(versionFromRow);
  }

  async getVersion(id: string): Promise<{ version: VersionRecord; state: Uint8Array } | null> {
    const row = this.statements.getVersion.get([id]) as (VersionRow & { state: Buffer }) | undefined;
    return row ? { version: versionFromRow(row), state: bytesOf(row.state) } : null;
  }

  async loadDoc(pageId: string): Promise<StoredDoc | null> {
    const doc = this.transact(() => this.readDoc(pageId));
    return doc ? { snapshot: doc.snapshot, updates: doc.updates } : null;
  }

  async compactDoc(pageId: string, merge: (doc: StoredDoc) => Uint8Array): Promise<number> {
    // IMMEDIATE takes the write lock before reading, so no other connection (another process
    // on the same file) can append between the read and the delete.
    return this.transact(() => {
      const doc = this.readDoc(pageId);
      if (!doc || doc.updates.length === 0) return 0;
      const merged = merge(doc);
      this.statements.putSnapshot.run([pageId, Buffer.from(merged), new Date().toISOString()]);
      this.statements.deleteUpdatesUpTo.run([pageId, doc.lastSeq]);
      this.wrote(merged.byteLength);
      return doc.updates.length;
    }, "IMMEDIATE");
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.statements.insertToken.run(token);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = this.statements.findToken.get([hash]) as TokenRow | undefined;
    return row ? tokenFromRow(row) : null;
  }

  async takeToken(hash: string): Promise<TokenRecord | null> {
    const row = this.statements.takeToken.get([hash]) as TokenRow | undefined;
    return row ? tokenFromRow(row) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (this.statements.listTokens.all() as TokenRow[]).map(tokenFromRow);
  }

  async revokeToken(id: string): Promise<TokenRecord | null> {
    return this.transact(() => {
      const row = this.statements.revokeToken.get([id]) as TokenRow | undefined;
      if (!row) return null;
      this.statements.revokeSessionsOf.run([id]);
      return tokenFromRow(row);
    });
  }

  async touchToken(hash: string, at: string): Promise<void> {
    this.statements.touchToken.run([at, hash]);
  }

  async deleteExpiredTokens(now: string): Promise<number> {
    return this.statements.deleteExpiredTokens.run([now]).changes;
  }

  /**
   * Counts bytes committed to the WAL and, every `checkpointEvery` of them, has the checkpointer
   * thread copy the WAL into the database file. SQLite's own checkpoint ran inside whichever
   * commit crossed 1,000 pages — a client's edit — copying 4 MiB and fsyncing the file on the
   * event loop (up to 300 ms in profiles on a busy disk). Should the thread fail, SQLite's
   * checkpoints are turned back on.
   */
  private wrote(bytes: number): void {
    if (!this.checkpointer) return;
    this.unflushed += bytes;
    if (this.unflushed < checkpointEvery || this.checkpointing) return;
    this.unflushed = 0;
    this.checkpointing = true;
    void this.checkpointer.checkpoint().then((error) => {
      this.checkpointing = false;
      if (error && error !== "closed" && this.db.open) this.db.pragma("wal_autocheckpoint = 1000");
    });
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }

  /**
   * Runs `body` in one transaction: committed when it returns, rolled back when it throws.
   * Called inside another (a storage call made from a compaction's merge), it runs in a
   * savepoint of the outer one, so it commits or rolls back with it.
   */
  private transact<T>(body: () => T, mode: "DEFERRED" | "IMMEDIATE" = "DEFERRED"): T {
    const nested = this.db.inTransaction;
    this.db.exec(nested ? "SAVEPOINT galley_nested" : `BEGIN ${mode}`);
    try {
      const result = body();
      this.db.exec(nested ? "RELEASE galley_nested" : "COMMIT");
      // A commit writes whole pages to the WAL: count a couple for the smallest.
      if (!nested) this.wrote(2 * 4096);
      return result;
    } catch (error) {
      if (nested) {
        this.db.exec("ROLLBACK TO galley_nested");
        this.db.exec("RELEASE galley_nested");
      } else if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  private readDoc(pageId: string): (StoredDoc & { lastSeq: number }) | null {
    if (!this.statements.pageExists.get([pageId])) return null;
    const snapshot = this.statements.getSnapshot.get([pageId]) as { data: Buffer } | undefined;
    const rows = this.statements.getUpdates.all([pageId]) as {
      seq: number;
      data: ArrayBuffer;
      blob: string | null;
    }[];
    return {
      snapshot: snapshot ? bytesOf(snapshot.data) : null,
      updates: rows.map((r) => (r.blob ? this.chunks.readNow(r.blob) : bytesOf(r.data))),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  }
}
