import { CloseCode, issueToken } from "@galley/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  type Client,
  connectClient,
  firstText,
  pageText,
  typeAtStart,
  waitForDoc,
  waitUntil,
} from "./helpers/clients.ts";
import { startTestServer, type TestServer } from "./helpers/server.ts";

describe("websocket sync", () => {
  let server: TestServer;
  const clients: Client[] = [];
  const connect = (token: string, pageId = server.pageId) => {
    const client = connectClient(server.collabUrl, pageId, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server.close();
  });

  it("gives a new client the stored page", async () => {
    const a = connect(server.tokens.editor);
    await a.synced;
    const page = (await (await server.api(`/api/pages/${server.pageId}`)).json()) as { articles: unknown[] };
    expect(page.articles.length).toBeGreaterThan(0);
    expect(pageText(a.doc)).toContain("科学导报");
  });

  it("converges two editors typing at the same time", async () => {
    const a = connect(server.tokens.editor);
    const b = connect(server.tokens.admin);
    await Promise.all([a.synced, b.synced]);
    typeAtStart(a.doc, "[A]");
    typeAtStart(b.doc, "[B]");
    const both = (doc: typeof a.doc) =>
      firstText(doc).toString().includes("[A]") && firstText(doc).toString().includes("[B]");
    await Promise.all([waitForDoc(a.doc, both, "A to see B"), waitForDoc(b.doc, both, "B to see A")]);
    expect(pageText(a.doc)).toBe(pageText(b.doc));
  });

  it("gives a client that joins late the full state", async () => {
    const a = connect(server.tokens.editor);
    await a.synced;
    typeAtStart(a.doc, "[late-check]");
    const c = connect(server.tokens.viewer);
    await c.synced;
    await waitForDoc(c.doc, (d) => pageText(d) === pageText(a.doc), "the late client to match");
    expect(pageText(c.doc)).toContain("[late-check]");
  });

  it("gives a client joining after a change the page with that change at its first sync", async () => {
    const a = connect(server.tokens.editor);
    const b = connect(server.tokens.editor);
    await Promise.all([a.synced, b.synced]);
    typeAtStart(a.doc, "[before-join]");
    await waitForDoc(b.doc, (d) => pageText(d).includes("[before-join]"), "B to see the change");
    const c = connect(server.tokens.viewer);
    await c.synced;
    expect(pageText(c.doc)).toBe(pageText(a.doc));
  });

  it("drops a viewer's change, tells the viewer, and keeps the page unchanged", async () => {
    const editor = connect(server.tokens.editor);
    const viewer = connect(server.tokens.viewer);
    await Promise.all([editor.synced, viewer.synced]);
    const before = pageText(editor.doc);
    typeAtStart(viewer.doc, "[viewer-edit]");
    await waitUntil(() => viewer.denied.length > 0, "the permission-denied message");
    expect(viewer.denied[0]).toMatch(/read-only/);
    // The editor's next change reaching the viewer proves the viewer's came earlier and was dropped.
    typeAtStart(editor.doc, "[after]");
    await waitForDoc(viewer.doc, (d) => pageText(d).includes("[after]"), "the editor's change at the viewer");
    expect(pageText(editor.doc)).not.toContain("[viewer-edit]");
    expect(pageText(editor.doc).replace("[after]", "") === before).toBe(true);
    const stored = JSON.stringify(await (await server.api(`/api/pages/${server.pageId}`)).json());
    expect(stored).not.toContain("[viewer-edit]");
    expect(stored).toContain("[after]");
  });

  it("relays awareness (presence) between clients", async () => {
    const a = connect(server.tokens.editor);
    const b = connect(server.tokens.viewer);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField("user", { name: "Eddie", color: "#c00" });
    await waitUntil(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => (s.user as { name?: string })?.name === "Eddie",
        ),
      "B to see A's presence",
    );
  });

  it("closes an unknown token with 4401, another issue's token with 4403, an unknown page with 4404", async () => {
    const other = await server.api("/api/issues", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Other", date: "2025-01-01" }),
    });
    const otherId = ((await other.json()) as { id: string }).id;
    const scoped = (await (
      await server.api("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "editor", issueId: otherId }),
      })
    ).json()) as { token: string };
    expect(await rawClose(server, server.pageId, "not-a-token")).toMatchObject({
      code: CloseCode.Unauthorized,
    });
    expect(await rawClose(server, server.pageId, scoped.token)).toMatchObject({ code: CloseCode.Forbidden });
    expect(await rawClose(server, "p-nope", server.tokens.admin)).toMatchObject({ code: CloseCode.NotFound });
  });

  it("accepts the session cookie from the same origin and refuses it from another (4401)", async () => {
    const login = await issueToken(server.storage, {
      kind: "login",
      role: "editor",
      user: "Eddie",
      ttlMs: 60_000,
    });
    const session = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: login.token }),
    });
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0]!;
    const host = new URL(server.url).host;
    const open = (origin: string) =>
      new Promise<number | "open">((resolve, reject) => {
        const ws = new WebSocket(`${server.collabUrl}/${server.pageId}`, { headers: { cookie, origin } });
        ws.on("message", () => {
          ws.close();
          resolve("open");
        });
        ws.on("close", (code) => resolve(code));
        ws.on("error", reject);
      });
    expect(await open(`http://${host}`)).toBe("open");
    expect(await open("https://evil.example")).toBe(CloseCode.Unauthorized);
  });

  it("lets y-websocket give up on a 44xx close instead of retrying", async () => {
    const bad = connect("not-a-token");
    const closed = await new Promise<{ code: number }>((resolve) =>
      bad.provider.once("closed", (event) => resolve(event)),
    );
    expect(closed.code).toBe(CloseCode.Unauthorized);
    expect(bad.provider.shouldConnect).toBe(false);
  });
});

/** Opens a raw websocket and resolves with how the server closed it. */
function rawClose(
  server: TestServer,
  pageId: string,
  token: string,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.collabUrl}/${pageId}?token=${encodeURIComponent(token)}`);
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on("error", reject);
  });
}
