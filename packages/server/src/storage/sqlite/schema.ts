/**
 * The SQLite schema, version 1. Blobs hold bytes exactly as received; timestamps are ISO
 * strings. The update log is append-only between compactions: `seq` orders it.
 */
export const sqliteSchema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  format TEXT NOT NULL,
  status TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  source_type TEXT NOT NULL,
  source BLOB NOT NULL,
  ocr_text TEXT,
  width INTEGER,
  height INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (issue_id, number)
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_page ON updates (page_id, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  page_id TEXT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  data BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  issue_id TEXT,
  user TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '1');
`;

/** The schema version this code reads and writes. */
export const sqliteSchemaVersion = "1";
