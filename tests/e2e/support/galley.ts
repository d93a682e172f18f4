import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  issueToken,
  openSqliteStorage,
  type RunningGalleyServer,
  type Storage,
  silentLogger,
  startGalleyServer,
} from "@galley/server";
import { storeSeedIssue } from "./seed.ts";
import { ensureWebBuild } from "./web-build.ts";

/** A real Galley server on port 0 over a temporary data dir, seeded with the test page. */
export interface TestGalley {
  url: string;
  dataDir: string;
  storage: Storage;
  issueId: string;
  pageId: string;
  tokens: { admin: string; editor: string; editor2: string; viewer: string };
  /** Stops the server gracefully and starts a new one on the same data dir (new port). */
  restart(): Promise<void>;
  /** Stops the server, closes storage and removes the data dir. */
  close(): Promise<void>;
}

async function listen(storage: Storage, webRoot: string): Promise<RunningGalleyServer> {
  return startGalleyServer({ storage, port: 0, hostname: "127.0.0.1", webRoot, logger: silentLogger });
}

/** Builds the web app if needed, then starts Galley with the seed issue and four tokens. */
export async function startTestGalley(): Promise<TestGalley> {
  const webRoot = await ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), "galley-e2e-"));
  const file = join(dataDir, "galley.sqlite");
  let storage = openSqliteStorage({ file, synchronous: "normal" });
  const { issueId, pageId } = await storeSeedIssue(storage);
  const token = async (role: "admin" | "editor" | "viewer", user: string) =>
    (await issueToken(storage, { role, user, name: user })).token;
  const tokens = {
    admin: await token("admin", "Ada Admin"),
    editor: await token("editor", "Eddie Editor"),
    editor2: await token("editor", "张编辑"),
    viewer: await token("viewer", "Vera Viewer"),
  };
  let server = await listen(storage, webRoot);
  const galley: TestGalley = {
    url: `http://127.0.0.1:${server.port}`,
    dataDir,
    storage,
    issueId,
    pageId,
    tokens,
    async restart() {
      await server.close();
      await storage.close();
      storage = openSqliteStorage({ file, synchronous: "normal" });
      galley.storage = storage;
      server = await listen(storage, webRoot);
      galley.url = `http://127.0.0.1:${server.port}`;
    },
    async close() {
      await server.close();
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return galley;
}
