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

/**
 * The steps from one schema version to the next, applied in order (each in one transaction) to
 * a database of an older version: a fresh database is created at version 1 and migrated like
 * any other, so every database reaches the same tables by the same statements.
 */
export const sqliteMigrations: readonly { to: string; sql: string }[] = [
  {
    // Tokens get a public id (for listing and revoking; derived from the hash, so existing
    // tokens get theirs too), the time they were last used, and for a session the token it
    // was started with.
    to: "2",
    sql: `
ALTER TABLE tokens ADD COLUMN id TEXT;
ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
ALTER TABLE tokens ADD COLUMN parent_id TEXT;
UPDATE tokens SET id = 't-' || substr(hash, 1, 16);
CREATE UNIQUE INDEX tokens_by_id ON tokens (id);
`,
  },
  {
    // Every stored update with who and when (the history, never compacted), and saved versions
    // of pages. A page's existing log — its snapshot first — becomes the start of its history.
    to: "3",
    sql: `
CREATE TABLE history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  author TEXT,
  at TEXT NOT NULL,
  data BLOB NOT NULL,
  blob TEXT
);
CREATE INDEX history_by_page ON history (page_id, seq);
CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  author TEXT,
  at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX versions_by_page ON versions (page_id, at);
INSERT INTO history (page_id, author, at, data) SELECT page_id, NULL, updated_at, data FROM snapshots ORDER BY page_id;
INSERT INTO history (page_id, author, at, data, blob)
  SELECT u.page_id, NULL, p.created_at, u.data, u.blob FROM updates u JOIN pages p ON p.id = u.page_id ORDER BY u.seq;
-- Recreated on open to keep chunks the history still names.
DROP TRIGGER IF EXISTS updates_delete_chunks;
`,
  },
];

/** The schema version this code reads and writes. */
export const sqliteSchemaVersion = "3";

/**
 * Columns added for page images, publications and chunked values, applied on open when missing,
 * whatever the schema version (additive: a data directory of an older Galley opens, and an older
 * Galley still reads a migrated one, ignoring what it does not know). Each entry is a table and
 * the column it adds.
 */
export const sqliteAddedColumns: ReadonlyArray<{ table: string; column: string; definition: string }> = [
  { table: "issues", column: "publication", definition: "TEXT" },
  // A large source, image or first update is written in chunks (`blob_chunks`), each in a
  // transaction of its own, so that storing a 50 MB upload never holds the event loop (and
  // every other page's sync) for the hundreds of milliseconds one big write takes. The
  // columns below then name the chunked blob and the inline column holds nothing.
  { table: "pages", column: "source_blob", definition: "TEXT" },
  { table: "pages", column: "source_size", definition: "INTEGER" },
  { table: "pages", column: "image", definition: "BLOB" },
  { table: "pages", column: "image_blob", definition: "TEXT" },
  { table: "pages", column: "image_size", definition: "INTEGER" },
  { table: "pages", column: "image_type", definition: "TEXT" },
  { table: "updates", column: "blob", definition: "TEXT" },
];

/**
 * The chunk store and the triggers that delete a page's chunks with it (and a first update's
 * chunks once neither its log row — folded by a compaction — nor its history row names them).
 * Chunks no row names are an interrupted upload's: swept on open once they are an hour old.
 */
export const sqliteChunkSchema = `
CREATE TABLE IF NOT EXISTS blob_chunks (
  blob TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (blob, seq)
);
CREATE TRIGGER IF NOT EXISTS pages_delete_chunks AFTER DELETE ON pages BEGIN
  DELETE FROM blob_chunks WHERE blob IN (old.source_blob, old.image_blob);
END;
CREATE TRIGGER IF NOT EXISTS updates_delete_chunks AFTER DELETE ON updates WHEN old.blob IS NOT NULL BEGIN
  DELETE FROM blob_chunks WHERE blob = old.blob AND NOT EXISTS (SELECT 1 FROM history WHERE blob = old.blob);
END;
CREATE TRIGGER IF NOT EXISTS history_delete_chunks AFTER DELETE ON history WHEN old.blob IS NOT NULL BEGIN
  DELETE FROM blob_chunks WHERE blob = old.blob AND NOT EXISTS (SELECT 1 FROM updates WHERE blob = old.blob);
END;
`;
