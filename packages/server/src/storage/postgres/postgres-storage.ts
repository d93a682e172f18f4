import pg from "pg";
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
import { postgresMigrations, postgresSchema, postgresSchemaVersion } from "./schema.ts";

/** Options for `openPostgresStorage`. */
export interface PostgresStorageOptions {
  /** e.g. `postgres://postgres@127.0.0.1:5432/test` */
  connectionString: string;
  /** The PostgreSQL schema holding Galley's tables (default `galley`), created when missing. */
  schema?: string;
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
}

/**
 * Opens Galley storage on PostgreSQL: the same tables as SQLite, shared by every server
 * process (pair it with the Redis bus). A resolved write has committed. The log's reads and a
 * compaction's read-merge-delete see one consistent state, and compactions of one page are
 * serialized by an advisory lock, so concurrent processes never fold away an update.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const schema = options.schema ?? "galley";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new RangeError(`invalid PostgreSQL schema name "${schema}"`);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    try {
      // Creating the schema twice at once (two servers starting) is serialized by this lock.
      await client.query("SELECT pg_advisory_lock(hashtext('galley:schema'))");
      let version: string | undefined;
      try {
        await client.query(postgresSchema(schema));
        version = await migrate(client, schema);
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext('galley:schema'))");
      }
      if (version !== postgresSchemaVersion) {
        throw new RangeError(
          `schema ${schema}: storage version ${version}, this Galley reads ${postgresSchemaVersion}`,
        );
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStorage(pool, schema);
}

/**
 * Brings the schema to the current version, one migration a transaction (the caller holds the
 * schema lock, so two processes starting at once migrate it once). Returns the version reached.
 */
async function migrate(client: pg.PoolClient, schema: string): Promise<string | undefined> {
  const read = async () =>
    (await client.query<{ value: string }>(`SELECT value FROM ${schema}.meta WHERE key = 'schema'`)).rows[0]
      ?.value;
  for (const step of postgresMigrations(schema)) {
    if (Number(await read()) >= Number(step.to)) continue;
    await client.query("BEGIN");
    try {
      await client.query(step.sql);
      await client.query(`UPDATE ${schema}.meta SET value = $1 WHERE key = 'schema'`, [step.to]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }
  return read();
}

class PostgresStorage implements Storage {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  async createIssue(issue: IssueRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.issues (id, title, date, publication, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [issue.id, issue.title, issue.date, issue.publication ?? null, issue.createdAt],
    );
  }

  async getIssue(id: string): Promise<IssueRecord | null> {
    const { rows } = await this.pool.query<IssueRow>(`SELECT * FROM ${this.schema}.issues WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? issueFromRow(rows[0]) : null;
  }

  async listIssues(): Promise<IssueRecord[]> {
    const { rows } = await this.pool.query<IssueRow>(
      `SELECT * FROM ${this.schema}.issues ORDER BY date DESC, created_at DESC`,
    );
    return rows.map(issueFromRow);
  }

  async createPage(page: NewPage): Promise<void> {
    await this.transaction(async (client) => {
      try {
        await client.query(
          `INSERT INTO ${this.schema}.pages (id, issue_id, number, format, status, article_count, source_type, source, source_size, ocr_text, width, height, created_at, image, image_type)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            page.id,
            page.issueId,
            page.number,
            page.format,
            page.status,
            page.articleCount,
            page.sourceType,
            Buffer.from(page.source),
            page.source.byteLength,
            page.ocrText,
            page.width,
            page.height,
            page.createdAt,
            page.image ? Buffer.from(page.image.bytes) : null,
            page.image?.contentType ?? null,
          ],
        );
      } catch (error) {
        if (
          (error as { code?: string }).code === "23505" &&
          /number/.test((error as { constraint?: string }).constraint ?? "")
        ) {
          throw new ConflictError(`issue ${page.issueId} already has a page ${page.number}`);
        }
        throw error;
      }
      await client.query(`INSERT INTO ${this.schema}.updates (page_id, data) VALUES ($1, $2)`, [
        page.id,
        Buffer.from(page.firstUpdate),
      ]);
      await client.query(
        `INSERT INTO ${this.schema}.history (page_id, author, at, data) VALUES ($1, NULL, $2, $3)`,
        [page.id, page.createdAt, Buffer.from(page.firstUpdate)],
      );
    });
  }

  async getPage(id: string): Promise<PageRecord | null> {
    const { rows } = await this.pool.query<PageRow>(
      `SELECT ${pageColumns} FROM ${this.schema}.pages WHERE id = $1`,
      [id],
    );
    return rows[0] ? pageFromRow(rows[0]) : null;
  }

  async listPages(issueId: string): Promise<PageRecord[]> {
    const { rows } = await this.pool.query<PageRow>(
      `SELECT ${pageColumns} FROM ${this.schema}.pages WHERE issue_id = $1 ORDER BY number`,
      [issueId],
    );
    return rows.map(pageFromRow);
  }

  async updatePage(id: string, patch: PagePatch): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.schema}.pages SET status = COALESCE($2, status), article_count = COALESCE($3, article_count) WHERE id = $1`,
      [id, patch.status ?? null, patch.articleCount ?? null],
    );
    return (rowCount ?? 0) > 0;
  }

  async deletePage(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.schema}.pages WHERE id = $1`, [id]);
    return (rowCount ?? 0) > 0;
  }

  async getPageSource(
    id: string,
  ): Promise<{ bytes: Uint8Array; contentType: string; ocrText: string | null } | null> {
    const { rows } = await this.pool.query<{ source: Buffer; source_type: string; ocr_text: string | null }>(
      `SELECT source, source_type, ocr_text FROM ${this.schema}.pages WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { bytes: bytesOf(row.source), contentType: row.source_type, ocrText: row.ocr_text } : null;
  }

  async getPageImage(id: string): Promise<PageImage | null> {
    const { rows } = await this.pool.query<{ image: Buffer; image_type: string }>(
      `SELECT image, image_type FROM ${this.schema}.pages WHERE id = $1 AND image IS NOT NULL`,
      [id],
    );
    const row = rows[0];
    return row ? { bytes: bytesOf(row.image), contentType: row.image_type } : null;
  }

  async appendUpdates(pageId: string, updates: Uint8Array[]): Promise<void> {
    await this.appendLog(updates.map((update) => ({ pageId, update })));
  }

  async appendLog(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // One statement (the log and the history written by one data-modifying CTE), so one
    // transaction and one commit for every page's updates.
    await this.pool.query(
      `WITH input AS (
         SELECT p, d, a, n FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS t(p, d, a, n)
       ), logged AS (
         INSERT INTO ${this.schema}.updates (page_id, data) SELECT p, d FROM input ORDER BY n
       )
       INSERT INTO ${this.schema}.history (page_id, author, at, data) SELECT p, a, $4, d FROM input ORDER BY n`,
      [
        entries.map((e) => e.pageId),
        entries.map(({ update: u }) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)),
        entries.map((e) => e.author ?? null),
        new Date().toISOString(),
      ],
    );
  }

  async readHistory(pageId: string, afterSeq = 0): Promise<HistoryEntry[] | null> {
    const { rows } = await this.pool.query<HistoryRow & { kind: string }>(
      `SELECT 'p' AS kind, 0::bigint AS seq, NULL AS author, '' AS at, NULL::bytea AS data FROM ${this.schema}.pages WHERE id = $1
       UNION ALL SELECT 'h', seq, author, at, data FROM ${this.schema}.history WHERE page_id = $1 AND seq > $2
       ORDER BY kind, seq`,
      [pageId, afterSeq],
    );
    if (!rows.some((r) => r.kind === "p")) return null;
    return rows.filter((r) => r.kind === "h").map(historyFromRow);
  }

  async createVersion(
    version: Omit<VersionRecord, "seq">,
    merge: (doc: StoredDoc) => Uint8Array,
  ): Promise<VersionRecord | null> {
    // One snapshot of the database for the state and the history it includes.
    return this.transaction(async (client) => {
      const doc = await this.readDoc(client, version.pageId);
      if (!doc) return null;
      const { rows } = await client.query<{ seq: string | null }>(
        `SELECT max(seq) AS seq FROM ${this.schema}.history WHERE page_id = $1`,
        [version.pageId],
      );
      const record: VersionRecord = { ...version, seq: Number(rows[0]?.seq ?? 0) };
      const state = merge(doc);
      await client.query(
        `INSERT INTO ${this.schema}.versions (id, page_id, name, kind, author, at, seq, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          record.id,
          record.pageId,
          record.name,
          record.kind,
          record.author,
          record.at,
          record.seq,
          Buffer.from(state),
        ],
      );
      return record;
    }, "REPEATABLE READ");
  }

  async listVersions(pageId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT id, page_id, name, kind, author, at, seq FROM ${this.schema}.versions WHERE page_id = $1 ORDER BY at, seq`,
      [pageId],
    );
    return rows.map(versionFromRow);
  }

  async getVersion(id: string): Promise<{ version: VersionRecord; state: Uint8Array } | null> {
    const { rows } = await this.pool.query<VersionRow & { state: Buffer }>(
      `SELECT id, page_id, name, kind, author, at, seq, state FROM ${this.schema}.versions WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { version: versionFromRow(row), state: bytesOf(row.state) } : null;
  }

  async loadDoc(pageId: string): Promise<StoredDoc | null> {
    const doc = await this.readDoc(this.pool, pageId);
    return doc ? { snapshot: doc.snapshot, updates: doc.updates } : null;
  }

  async compactDoc(pageId: string, merge: (doc: StoredDoc) => Uint8Array): Promise<number> {
    return this.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`galley:compact:${pageId}`]);
      const doc = await this.readDoc(client, pageId);
      if (!doc || doc.updates.length === 0) return 0;
      const merged = merge(doc);
      await client.query(
        `INSERT INTO ${this.schema}.snapshots (page_id, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (page_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [pageId, Buffer.from(merged), new Date().toISOString()],
      );
      // Exactly the rows that were merged: an append that commits meanwhile keeps its row,
      // even one whose sequence number is lower.
      await client.query(
        `DELETE FROM ${this.schema}.updates WHERE page_id = $1 AND seq = ANY($2::bigint[])`,
        [pageId, doc.seqs],
      );
      return doc.updates.length;
    });
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.tokens (hash, id, kind, role, issue_id, "user", name, created_at, expires_at, last_used_at, parent_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        token.hash,
        token.id,
        token.kind,
        token.role,
        token.issueId,
        token.user,
        token.name,
        token.createdAt,
        token.expiresAt,
        token.lastUsedAt,
        token.parentId,
      ],
    );
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const { rows } = await this.pool.query<TokenRow>(`SELECT * FROM ${this.schema}.tokens WHERE hash = $1`, [
      hash,
    ]);
    return rows[0] ? tokenFromRow(rows[0]) : null;
  }

  async takeToken(hash: string): Promise<TokenRecord | null> {
    const { rows } = await this.pool.query<TokenRow>(
      `DELETE FROM ${this.schema}.tokens WHERE hash = $1 RETURNING *`,
      [hash],
    );
    return rows[0] ? tokenFromRow(rows[0]) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<TokenRow>(
      `SELECT * FROM ${this.schema}.tokens ORDER BY created_at, id`,
    );
    return rows.map(tokenFromRow);
  }

  async revokeToken(id: string): Promise<TokenRecord | null> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<TokenRow>(
        `DELETE FROM ${this.schema}.tokens WHERE id = $1 RETURNING *`,
        [id],
      );
      if (!rows[0]) return null;
      await client.query(`DELETE FROM ${this.schema}.tokens WHERE parent_id = $1`, [id]);
      return tokenFromRow(rows[0]);
    });
  }

  async touchToken(hash: string, at: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.schema}.tokens SET last_used_at = $1 WHERE hash = $2`, [at, hash]);
  }

  async deleteExpiredTokens(now: string): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM ${this.schema}.tokens WHERE expires_at IS NOT NULL AND expires_at < $1`,
      [now],
    );
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  /** Snapshot and log in one statement, so a compaction committing meanwhile is seen whole or not at all. */
  private async readDoc(
    db: pg.Pool | pg.PoolClient,
    pageId: string,
  ): Promise<(StoredDoc & { seqs: string[] }) | null> {
    const { rows } = await db.query<{ kind: string; data: Buffer | null; seq: string }>(
      `SELECT 'p' AS kind, NULL::bytea AS data, 0::bigint AS seq FROM ${this.schema}.pages WHERE id = $1
       UNION ALL SELECT 's', data, 0 FROM ${this.schema}.snapshots WHERE page_id = $1
       UNION ALL SELECT 'u', data, seq FROM ${this.schema}.updates WHERE page_id = $1
       ORDER BY kind, seq`,
      [pageId],
    );
    if (!rows.some((r) => r.kind === "p")) return null;
    const snapshot = rows.find((r) => r.kind === "s")?.data ?? null;
    const log = rows.filter((r) => r.kind === "u");
    return {
      snapshot: snapshot ? bytesOf(snapshot) : null,
      updates: log.map((r) => bytesOf(r.data!)),
      seqs: log.map((r) => r.seq),
    };
  }

  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    isolation: "READ COMMITTED" | "REPEATABLE READ" = "READ COMMITTED",
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Drops a Galley schema with all its tables and data (tests, and removing an installation). */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new RangeError(`invalid PostgreSQL schema name "${schema}"`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
