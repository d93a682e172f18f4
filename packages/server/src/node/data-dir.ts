import { join, resolve } from "node:path";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.ts";
import type { Storage } from "../storage/storage.ts";

/** The database file inside a data directory. */
export const databaseFileName = "galley.db";

/**
 * Opens the SQLite storage of a data directory (`DIR/galley.db`, created with the directory
 * when missing). `galley serve`, `galley token` and `galley import` share it; SQLite's WAL
 * lets a token be created while a server runs. `synchronous` as in `openSqliteStorage`
 * (default "full": every commit fsynced).
 */
export function openDataDir(dir: string, options: { synchronous?: "full" | "normal" } = {}): Storage {
  return openSqliteStorage({ file: join(resolve(dir), databaseFileName), ...options });
}
