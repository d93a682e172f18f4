import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createNodeWebSocket } from "@hono/node-ws";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createGalleyApp, type GalleyApp } from "./app.ts";
import type { Principal } from "./auth/principal.ts";
import { silentLogger } from "./logger.ts";
import { createPageFromUpload } from "./pages/create-page.ts";
import { openSqliteStorage } from "./storage/sqlite/sqlite-storage.ts";
import type { Storage } from "./storage/storage.ts";
import { CloseCode } from "./sync/close-codes.ts";

/** A host CMS's own sign-in: here, a header or a query parameter naming the user. */
function hostAuthenticate(request: Request): Principal | null {
  const user = request.headers.get("x-host-user") ?? new URL(request.url).searchParams.get("as");
  if (!user) return null;
  return { user, role: user === "boss" ? "admin" : "viewer" };
}

describe("createGalleyApp mounted in a host Hono app", () => {
  let storage: Storage;
  let galley: GalleyApp;
  let server: Server;
  let base: string;
  let pageId: string;

  beforeAll(async () => {
    storage = openSqliteStorage({ file: ":memory:" });
    await storage.createIssue({
      id: "i-1",
      title: "Host",
      date: "2025-01-01",
      createdAt: new Date().toISOString(),
    });
    const bytes = new TextEncoder().encode(
      "HEADLINE OF THE DAY\n\nThe first paragraph of the story.\nIt goes on.\n",
    );
    pageId = (await createPageFromUpload(storage, { issueId: "i-1", number: 1, bytes }, null, silentLogger))
      .id;
    const host = new Hono();
    const nodeWs = createNodeWebSocket({ app: host });
    galley = createGalleyApp({
      storage,
      authenticate: hostAuthenticate,
      upgradeWebSocket: nodeWs.upgradeWebSocket,
      logger: silentLogger,
    });
    host.get("/", (c) => c.text("the host's home"));
    host.route("/galley", galley.app);
    server = serve({ fetch: host.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
    await once(server, "listening");
    nodeWs.injectWebSocket(server);
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await galley.shutdown();
    server.close();
    await storage.close();
  });

  it("leaves the host's own routes alone", async () => {
    expect(await (await fetch(`http://${base}/`)).text()).toBe("the host's home");
  });

  it("answers the REST API under the mount point with the host's authentication", async () => {
    const me = await fetch(`http://${base}/galley/api/me`, { headers: { "x-host-user": "boss" } });
    expect(await me.json()).toEqual({ user: "boss", role: "admin", issueId: null });
    const anonymous = await fetch(`http://${base}/galley/api/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toHaveProperty("error");
  });

  it("serves the websocket sync under the mount point", async () => {
    const ws = new WebSocket(`ws://${base}/galley/collab/${pageId}?as=reader`);
    const [first] = (await once(ws, "message")) as [Buffer];
    // The server opens with sync step 1: message type 0 (sync), sync step 0, its state vector.
    expect([first[0], first[1]]).toEqual([0, 0]);
    ws.close();
  });

  it("closes a websocket the host does not authenticate with 4401", async () => {
    const ws = new WebSocket(`ws://${base}/galley/collab/${pageId}`);
    const [code] = (await once(ws, "close")) as [number];
    expect(code).toBe(CloseCode.Unauthorized);
  });
});
