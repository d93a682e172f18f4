import { once } from "node:events";
import type { Socket } from "node:net";
import { CloseCode } from "@galley/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { connectClient, pageText, typeAtStart, waitForDoc } from "../server/helpers/clients.ts";
import { startTestServer, type TestServer } from "../server/helpers/server.ts";

/**
 * A client that connects and stops reading: everything sent to it waited in the server's memory
 * for as long as the page was edited. Past `clientBacklogBytes` unread it is closed with 4508
 * (`CloseCode.Backlog`, a code y-websocket reconnects on), and the others go on.
 */
describe("a client that does not read", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ limits: { clientBacklogBytes: 256 * 1024 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("is closed with 4508 once more than the backlog limit waits for it; editors keep syncing", {
    timeout: 60_000,
  }, async () => {
    const lurker = new WebSocket(`${server.collabUrl}/${server.pageId}?token=${server.tokens.viewer}`);
    await once(lurker, "message");
    // Stop reading: the kernel's buffers fill, then the server's queue for this client grows.
    (lurker as unknown as { _socket: Socket })._socket.pause();
    const closed = once(lurker, "close") as Promise<[number, Buffer]>;

    const a = connectClient(server.collabUrl, server.pageId, server.tokens.editor);
    const b = connectClient(server.collabUrl, server.pageId, server.tokens.admin);
    await Promise.all([a.synced, b.synced]);
    const piece = "x".repeat(1024 * 1024);
    for (let k = 0; k < 24; k++) {
      typeAtStart(a.doc, `[${k}]${piece}`);
      await waitForDoc(b.doc, (d) => pageText(d).includes(`[${k}]`), `edit ${k} to reach the other editor`);
    }
    (lurker as unknown as { _socket: Socket })._socket.resume();
    const [code, reason] = await closed;
    expect(code).toBe(CloseCode.Backlog);
    expect(reason.toString()).toMatch(/still unread/);

    typeAtStart(a.doc, "[after]");
    await waitForDoc(b.doc, (d) => pageText(d).includes("[after]"), "the editors to keep syncing");
    a.destroy();
    b.destroy();
  });
});
