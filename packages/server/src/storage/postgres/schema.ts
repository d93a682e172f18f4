/**
 * The PostgreSQL schema, version 1: the SQLite schema's tables and columns, with `bytea` for
 * bytes and a `bigserial` log sequence. `"user"` is quoted (a reserved word). The columns added
 * since (publication, page image, stored source size) are added to an existing schema on start.
 * Values are stored inline: the driver is asynchronous, so a big one does not hold the event loop
 * the way SQLite's synchronous binding does (see `sqlite/blob-chunks.ts`).
 */
export function postgresSchema(schema: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${schema}.issues (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ${schema}.pages (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES ${schema}.issues(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  format TEXT NOT NULL,
  status TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  source_type TEXT NOT NULL,
  source BYTEA NOT NULL,
  ocr_text TEXT,
  width INTEGER,
  height INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (issue_id, number)
);
CREATE TABLE IF NOT EXISTS ${schema}.updates (
  seq BIGSERIAL PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES ${schema}.pages(id) ON DELETE CASCADE,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_page ON ${schema}.updates (page_id, seq);
CREATE TABLE IF NOT EXISTS ${schema}.snapshots (
  page_id TEXT PRIMARY KEY REFERENCES ${schema}.pages(id) ON DELETE CASCADE,
  data BYTEA NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ${schema}.tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  issue_id TEXT,
  "user" TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT
);
INSERT INTO ${schema}.meta (key, value) VALUES ('schema', '1') ON CONFLICT (key) DO NOTHING;
ALTER TABLE ${schema}.issues ADD COLUMN IF NOT EXISTS publication TEXT;
ALTER TABLE ${schema}.pages ADD COLUMN IF NOT EXISTS source_size INTEGER;
ALTER TABLE ${schema}.pages ADD COLUMN IF NOT EXISTS image BYTEA;
ALTER TABLE ${schema}.pages ADD COLUMN IF NOT EXISTS image_type TEXT;
`;
}

/** The steps from one schema version to the next, applied in order to an older schema (see SQLite's). */
export function postgresMigrations(schema: string): { to: string; sql: string }[] {
  return [
    {
      to: "2",
      sql: `
ALTER TABLE ${schema}.tokens ADD COLUMN id TEXT;
ALTER TABLE ${schema}.tokens ADD COLUMN last_used_at TEXT;
ALTER TABLE ${schema}.tokens ADD COLUMN parent_id TEXT;
UPDATE ${schema}.tokens SET id = 't-' || substr(hash, 1, 16);
CREATE UNIQUE INDEX tokens_by_id ON ${schema}.tokens (id);
`,
    },
    {
      to: "3",
      sql: `
CREATE TABLE ${schema}.history (
  seq BIGSERIAL PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES ${schema}.pages(id) ON DELETE CASCADE,
  author TEXT,
  at TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX history_by_page ON ${schema}.history (page_id, seq);
CREATE TABLE ${schema}.versions (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES ${schema}.pages(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  author TEXT,
  at TEXT NOT NULL,
  seq BIGINT NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX versions_by_page ON ${schema}.versions (page_id, at);
INSERT INTO ${schema}.history (page_id, author, at, data)
  SELECT page_id, NULL, updated_at, data FROM ${schema}.snapshots ORDER BY page_id;
INSERT INTO ${schema}.history (page_id, author, at, data)
  SELECT u.page_id, NULL, p.created_at, u.data FROM ${schema}.updates u JOIN ${schema}.pages p ON p.id = u.page_id ORDER BY u.seq;
`,
    },
  ];
}

/** The schema version this code reads and writes. */
export const postgresSchemaVersion = "3";
