import { once } from "node:events";
import { CloseCode, createPageFromUpload, silentLogger } from "@galley/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  type Client,
  connectClient,
  nextClose,
  pageText,
  typeAtStart,
  waitForDoc,
} from "./helpers/clients.ts";
import { seedPage, startTestServer, type TestServer } from "./helpers/server.ts";

const messageLimit = 64 * 1024;

describe("a misbehaving client", () => {
  let server: TestServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      limits: { messageBytes: messageLimit },
      compaction: { afterUpdates: 20, quietMs: 10 },
    });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server.close();
  });

  /** Two editors on the page; the check that they still sync after someone else misbehaved. */
  async function twoEditors(): Promise<[Client, Client]> {
    const a = connectClient(server.collabUrl, server.pageId, server.tokens.editor);
    const b = connectClient(server.collabUrl, server.pageId, server.tokens.admin);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    return [a, b];
  }

  async function stillSyncing([a, b]: [Client, Client], marker: string): Promise<void> {
    typeAtStart(a.doc, marker);
    await waitForDoc(b.doc, (d) => pageText(d).includes(marker), `${marker} to reach the other editor`);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  /** A raw socket that has been through the server's sync step 1, then sends `payload`. */
  async function sendRaw(payload: Uint8Array | string): Promise<{ code: number; reason: string }> {
    const ws = new WebSocket(`${server.collabUrl}/${server.pageId}?token=${server.tokens.editor}`);
    await once(ws, "message");
    const closed = once(ws, "close") as Promise<[number, Buffer]>;
    ws.send(payload);
    const [code, reason] = await closed;
    return { code, reason: reason.toString() };
  }

  async function logLength(): Promise<number> {
    return (await server.storage.loadDoc(server.pageId))?.updates.length ?? 0;
  }

  it("closes only the connection that sent an oversize message (4413)", async () => {
    const editors = await twoEditors();
    const closed = await sendRaw(new Uint8Array(messageLimit + 1));
    expect(closed.code).toBe(CloseCode.TooLarge);
    await stillSyncing(editors, "[after-oversize]");
  });

  it("lets the transport cut off a frame past twice the limit (1009) without harming others", async () => {
    const editors = await twoEditors();
    const closed = await sendRaw(new Uint8Array(messageLimit * 2 + 1));
    expect(closed.code).toBe(CloseCode.TransportTooLarge);
    await stillSyncing(editors, "[after-huge]");
  });

  it.each([
    ["an unknown message type", new Uint8Array([7])],
    ["a truncated sync message", new Uint8Array([0])],
    ["an unknown sync step", new Uint8Array([0, 9, 0])],
    ["an update that is not a Yjs update", new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5])],
    ["an awareness update that does not decode", new Uint8Array([1, 3, 1, 200, 1])],
    ["trailing bytes after a message", new Uint8Array([3, 0])],
    ["a text frame", "hello"],
  ])("closes only the connection that sent %s (4400) and stores nothing", async (_what, payload) => {
    const editors = await twoEditors();
    const before = await logLength();
    const closed = await sendRaw(payload);
    expect(closed.code).toBe(CloseCode.Malformed);
    expect(await logLength()).toBe(before);
    await stillSyncing(editors, `[after-${_what.length}]`);
  });

  it("refuses to load a page whose log is broken (4500) and overwrites nothing", async () => {
    const page = await createPageFromUpload(
      server.storage,
      { issueId: server.issueId, number: 90, bytes: seedPage },
      null,
      silentLogger,
    );
    await server.storage.appendUpdates(page.id, [new Uint8Array([9, 9, 9])]);
    const before = await server.storage.loadDoc(page.id);
    const ws = new WebSocket(`${server.collabUrl}/${page.id}?token=${server.tokens.editor}`);
    const [code] = (await once(ws, "close")) as [number];
    expect(code).toBe(CloseCode.LoadFailed);
    const response = await server.api(`/api/pages/${page.id}`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: string }).error).toMatch(/does not apply/);
    expect(await server.storage.loadDoc(page.id)).toEqual(before);
  });

  it("closes the sender with 4503 and relays nothing when storage refuses an update", async () => {
    const page = await createPageFromUpload(
      server.storage,
      { issueId: server.issueId, number: 91, bytes: seedPage },
      null,
      silentLogger,
    );
    const writer = connectClient(server.collabUrl, page.id, server.tokens.editor);
    const reader = connectClient(server.collabUrl, page.id, server.tokens.viewer);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    // Removed behind the server's back: the next append fails its foreign key.
    await server.storage.deletePage(page.id);
    const closed = nextClose(writer.provider);
    typeAtStart(writer.doc, "[refused]");
    expect((await closed).code).toBe(CloseCode.StoreFailed);
    expect(pageText(reader.doc)).not.toContain("[refused]");
  });

  it("compacts the log in the background while editing goes on", async () => {
    const [a, b] = await twoEditors();
    const compacted = once(server.running.galley.sync, "compacted");
    for (let i = 0; i < 30; i++) typeAtStart(a.doc, `<${i}>`);
    await compacted;
    await waitForDoc(b.doc, (d) => pageText(d).includes("<29>"), "the last edit");
    const stored = await server.storage.loadDoc(server.pageId);
    expect(stored?.snapshot).not.toBeNull();
    expect(stored?.updates.length).toBeLessThan(30);
    const page = JSON.stringify(await (await server.api(`/api/pages/${server.pageId}`)).json());
    for (let i = 0; i < 30; i++) expect(page).toContain(`<${i}>`);
  });

  it("unloads a page after its last client leaves, with its state stored", async () => {
    const a = connectClient(server.collabUrl, server.pageId, server.tokens.editor);
    await a.synced;
    typeAtStart(a.doc, "[before-unload]");
    const unloaded = once(server.running.galley.sync, "unloaded");
    a.destroy();
    await unloaded;
    expect(server.running.galley.sync.loadedPages).not.toContain(server.pageId);
    const stored = await server.storage.loadDoc(server.pageId);
    expect(stored?.updates).toHaveLength(0);
    const b = connectClient(server.collabUrl, server.pageId, server.tokens.viewer);
    clients.push(b);
    await b.synced;
    expect(pageText(b.doc)).toContain("[before-unload]");
  });
});
