import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPageFromUpload,
  type GalleyServerOptions,
  issueToken,
  openDataDir,
  type RunningGalleyServer,
  type Storage,
  silentLogger,
  startGalleyServer,
} from "@galley/server";

/** The seed page (科学导报, plain-text OCR), see tests/fixtures/server/SOURCE.md. */
export const seedPage = readFileSync(new URL("../../fixtures/server/seed-kexuedaobao.txt", import.meta.url));

/** A real Galley server on port 0 with a temporary data dir, one issue with the seed page, and a token per role. */
export interface TestServer {
  running: RunningGalleyServer;
  storage: Storage;
  dataDir: string;
  /** `http://localhost:PORT` */
  url: string;
  /** `ws://localhost:PORT/collab`, the y-websocket server URL. */
  collabUrl: string;
  issueId: string;
  pageId: string;
  tokens: { admin: string; editor: string; viewer: string };
  /** Calls the REST API with a token (default admin). */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a test server. `options` override the server's (limits, logger, …). */
export async function startTestServer(options: Partial<GalleyServerOptions> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "galley-server-"));
  const storage = openDataDir(dataDir);
  const issueId = "i-test";
  await storage.createIssue({
    id: issueId,
    title: "Test issue",
    date: "2025-02-10",
    createdAt: new Date().toISOString(),
  });
  const page = await createPageFromUpload(
    storage,
    { issueId, number: 1, bytes: seedPage },
    null,
    silentLogger,
  );
  const token = async (role: "admin" | "editor" | "viewer") =>
    (
      await issueToken(storage, {
        role,
        name: role === "admin" ? "Ada" : role === "editor" ? "Eddie" : "Vera",
      })
    ).token;
  const tokens = {
    admin: await token("admin"),
    editor: await token("editor"),
    viewer: await token("viewer"),
  };
  const running = await startGalleyServer({
    storage,
    port: 0,
    hostname: "127.0.0.1",
    logger: silentLogger,
    ...options,
  });
  const url = `http://127.0.0.1:${running.port}`;
  return {
    running,
    storage,
    dataDir,
    url,
    collabUrl: `ws://127.0.0.1:${running.port}/collab`,
    issueId,
    pageId: page.id,
    tokens,
    api(path, init = {}) {
      const { token: given, ...rest } = init;
      const headers = new Headers(rest.headers);
      const bearer = given === undefined ? tokens.admin : given;
      if (bearer !== null) headers.set("authorization", `Bearer ${bearer}`);
      return fetch(`${url}${path}`, { ...rest, headers });
    },
    async close() {
      await running.close();
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
