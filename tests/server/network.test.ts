import { pageFragmentName, yDocToReconstruction } from "@galley/doc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connectClient } from "./helpers/clients.ts";
import { startTestServer, type TestServer } from "./helpers/server.ts";

/** A small seeded generator (mulberry32): the same seed gives the same run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function textNodes(doc: Y.Doc, limit: number): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const stack: (Y.XmlElement | Y.XmlFragment)[] = [doc.getXmlFragment(pageFragmentName)];
  while (stack.length > 0 && found.length < limit) {
    for (const child of stack.shift()!.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  return found;
}

/** Resolves once every replica is connected, synced and holds the same state. */
function converged(clients: Client[], timeoutMs = 20_000): Promise<void> {
  const same = () =>
    clients.every((c) => c.provider.synced) &&
    clients.every(
      (c) => Y.encodeStateVector(c.doc).toString() === Y.encodeStateVector(clients[0]!.doc).toString(),
    ) &&
    clients.every(
      (c) =>
        c.doc.getXmlFragment(pageFragmentName).toString() ===
        clients[0]!.doc.getXmlFragment(pageFragmentName).toString(),
    );
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      for (const c of clients) {
        c.doc.off("update", check);
        c.provider.off("sync", check);
      }
    };
    const check = () => {
      if (!same()) return;
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error("replicas did not converge"));
    }, timeoutMs);
    for (const c of clients) {
      c.doc.on("update", check);
      c.provider.on("sync", check);
    }
    check();
  });
}

describe("a seeded random network", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([1, 2, 3])(
    "converges three editors through random edits, disconnects and reconnects (seed %i)",
    async (seed) => {
      const next = random(seed);
      const pick = (n: number) => Math.floor(next() * n);
      const clients = [0, 1, 2].map(() =>
        connectClient(server.collabUrl, server.pageId, server.tokens.editor),
      );
      try {
        await Promise.all(clients.map((c) => c.synced));
        for (let step = 0; step < 150; step++) {
          const client = clients[pick(clients.length)]!;
          const roll = next();
          if (roll < 0.08) {
            if (client.provider.shouldConnect) client.provider.disconnect();
            else client.provider.connect();
          } else {
            const nodes = textNodes(client.doc, 6);
            const node = nodes[pick(nodes.length)]!;
            if (roll < 0.7 || node.length < 3) node.insert(pick(node.length + 1), `{${seed}.${step}}`);
            else node.delete(pick(node.length - 2), 1 + pick(2));
          }
          // Let the network run at random points, so messages interleave with edits.
          if (next() < 0.3) await new Promise((resolve) => setImmediate(resolve));
        }
        for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
        await converged(clients);
        const stored = await (await server.api(`/api/pages/${server.pageId}`)).json();
        expect(stored).toEqual(JSON.parse(JSON.stringify(yDocToReconstruction(clients[0]!.doc))));
      } finally {
        for (const client of clients) client.destroy();
      }
    },
  );
});
