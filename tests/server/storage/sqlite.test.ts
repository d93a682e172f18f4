import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStorage } from "@galley/server";
import { describeStorageConformance } from "./conformance.ts";

describeStorageConformance("SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "galley-sqlite-"));
  const file = join(dir, "galley.db");
  return {
    open: async () => openSqliteStorage({ file }),
    reopen: async () => openSqliteStorage({ file }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
