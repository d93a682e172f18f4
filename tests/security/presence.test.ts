import { once } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type Client, connectClient, waitUntil } from "../server/helpers/clients.ts";
import { startTestServer, type TestServer } from "../server/helpers/server.ts";

/**
 * Issue 13, item 6: a viewer sent awareness for an editor's client id (the others saw
 * "Mallory-as-Alice"), added 2,000 fake presence states that every joiner received, and fanned
 * 5 × 8 MB states out to 20 listeners as 800 MB in 3.4 s.
 */

/** An awareness message (type 1) carrying `entries`, encoded as y-protocols does (lib0 varUint/varString). */
function awarenessMessage(entries: { clientID: number; clock: number; state: unknown }[]): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array(varUint(entries.length))];
  for (const { clientID, clock, state } of entries) {
    const json = new TextEncoder().encode(JSON.stringify(state));
    parts.push(new Uint8Array([...varUint(clientID), ...varUint(clock), ...varUint(json.length)]), json);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([new Uint8Array([1, ...varUint(body.length)]), body]);
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

const nameOf = (state: Record<string, unknown> | undefined) =>
  (state?.user as { name?: string } | undefined)?.name;

describe("presence from a hostile client", () => {
  let server: TestServer;
  const clients: Client[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ limits: { presenceBytesPerSecond: 16 * 1024 } });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    for (const ws of sockets.splice(0)) ws.close();
  });
  afterAll(async () => {
    await server.close();
  });

  const connect = (token: string, name: string) => {
    const client = connectClient(server.collabUrl, server.pageId, token);
    client.provider.awareness.setLocalStateField("user", { name });
    clients.push(client);
    return client;
  };
  /** A raw viewer socket past the server's greeting. */
  const mallory = async () => {
    const ws = new WebSocket(`${server.collabUrl}/${server.pageId}?token=${server.tokens.viewer}`);
    sockets.push(ws);
    await once(ws, "message");
    return ws;
  };
  /** Mallory's own, legitimate state: once the others see it, everything she sent before was handled. */
  const marker = async (ws: WebSocket, clientID: number, watcher: Client, clock = 1) => {
    ws.send(awarenessMessage([{ clientID, clock, state: { user: { name: `marker-${clock}` } } }]));
    await waitUntil(
      () => nameOf(watcher.provider.awareness.getStates().get(clientID)) === `marker-${clock}`,
      "Mallory's own presence at the watcher",
    );
  };

  it("drops presence a viewer sends for another connection's client id", async () => {
    const alice = connect(server.tokens.editor, "Alice");
    const bob = connect(server.tokens.admin, "Bob");
    await Promise.all([alice.synced, bob.synced]);
    const aliceId = alice.doc.clientID;
    await waitUntil(
      () => nameOf(bob.provider.awareness.getStates().get(aliceId)) === "Alice",
      "Alice at Bob",
    );
    const ws = await mallory();
    ws.send(
      awarenessMessage([{ clientID: aliceId, clock: 1000, state: { user: { name: "Mallory-as-Alice" } } }]),
    );
    await marker(ws, 424242, bob);
    expect(nameOf(bob.provider.awareness.getStates().get(aliceId))).toBe("Alice");
    // Nor may she remove Alice.
    ws.send(awarenessMessage([{ clientID: aliceId, clock: 1001, state: null }]));
    await marker(ws, 424242, bob, 2);
    expect(bob.provider.awareness.getStates().has(aliceId)).toBe(true);
  });

  it("gives a joiner at most a handful of one connection's states, not 2,000 fakes", async () => {
    const ws = await mallory();
    const fakes = Array.from({ length: 2000 }, (_, i) => ({
      clientID: 900_000 + i,
      clock: 1,
      state: { user: { name: `fake-${i}` } },
    }));
    ws.send(awarenessMessage(fakes));
    const joiner = connect(server.tokens.viewer, "Joiner");
    await joiner.synced;
    await waitUntil(() => joiner.provider.awareness.getStates().has(900_000), "the first fake at the joiner");
    const seen = [...joiner.provider.awareness.getStates().values()].filter((s) =>
      nameOf(s)?.startsWith("fake-"),
    );
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it("relays no presence state over the size limit, and keeps the sender connected", async () => {
    const bob = connect(server.tokens.admin, "Bob");
    await bob.synced;
    const ws = await mallory();
    ws.send(
      awarenessMessage([
        { clientID: 515151, clock: 1, state: { user: { name: "big" }, pad: "x".repeat(1_000_000) } },
      ]),
    );
    await marker(ws, 515152, bob);
    expect(bob.provider.awareness.getStates().has(515151)).toBe(false);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it("caps how fast one connection's presence is fanned out", async () => {
    const listener = await mallory();
    let received = 0;
    listener.on("message", (data: Buffer) => {
      if (data[0] === 1) received += data.byteLength;
    });
    const ws = await mallory();
    const pad = "y".repeat(7 * 1024);
    const started = Date.now();
    for (let clock = 1; clock <= 100; clock++)
      ws.send(awarenessMessage([{ clientID: 616161, clock, state: { pad } }]));
    ws.send(awarenessMessage([{ clientID: 616161, clock: 101, state: { done: true } }]));
    await waitUntil(() => received > 0, "some presence at the listener");
    await marker(ws, 616162, connect(server.tokens.viewer, "Watcher"));
    const seconds = (Date.now() - started) / 1000;
    // 100 × 7 KiB sent; at most the burst (2 × 16 KiB) and 16 KiB a second of it relayed.
    expect(received).toBeLessThan(2 * 16 * 1024 + seconds * 16 * 1024 + 8 * 1024);
  });
});
