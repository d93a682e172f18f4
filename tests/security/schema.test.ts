import { once } from "node:events";
import { pageFragmentName, pageMetaName } from "@galley/doc";
import { CloseCode, createPageFromUpload, silentLogger } from "@galley/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  type Client,
  connectClient,
  firstText,
  nextClose,
  pageText,
  typeAtStart,
  waitForDoc,
} from "../server/helpers/clients.ts";
import { seedPage, startTestServer, type TestServer } from "../server/helpers/server.ts";

/**
 * Issue 13, item 4: a client may write only what the page schema allows. Before, a
 * `Y.XmlElement("evil_node")` or a bare `Y.XmlText` in the `prosemirror` fragment was stored and
 * relayed, and from then on `GET /api/pages/:id` and the issue's exports answered 500; an article
 * status "hacked" and a page `format` of `{ evil: true }` came back unchanged.
 */

const fragment = (doc: Y.Doc) => doc.getXmlFragment(pageFragmentName);
const articles = (doc: Y.Doc) =>
  fragment(doc)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "article");
const firstBlock = (doc: Y.Doc) => articles(doc)[0]!.get(0) as Y.XmlElement;

/** Writes that no Galley client makes, each as one transaction of an editor's doc. */
const hostileWrites: [string, (doc: Y.Doc) => void][] = [
  ["an element of an unknown type", (d) => fragment(d).insert(0, [new Y.XmlElement("evil_node")])],
  ["bare text in the page", (d) => fragment(d).insert(0, [new Y.XmlText("loose words")])],
  ["an article inside an article", (d) => articles(d)[0]!.insert(0, [new Y.XmlElement("article")])],
  ["an element inside a block", (d) => firstBlock(d).insert(0, [new Y.XmlElement("block")])],
  ["an article without blocks", (d) => fragment(d).insert(0, [new Y.XmlElement("article")])],
  ['an article status "hacked"', (d) => articles(d)[0]!.setAttribute("status", "hacked")],
  ['a block role "evil"', (d) => firstBlock(d).setAttribute("role", "evil")],
  ["an attribute the schema does not have", (d) => firstBlock(d).setAttribute("onclick", "alert(1)")],
  ["a page format { evil: true }", (d) => d.getMap(pageMetaName).set("format", { evil: true })],
  ["a shared type outside the page", (d) => d.getMap("evil").set("x", 1)],
  ["an embed in text", (d) => firstText(d).insertEmbed(0, { image: "x" })],
  ["an unknown mark", (d) => firstText(d).format(0, 2, { bold: true })],
];

describe("a client writing what the page schema does not allow", () => {
  let server: TestServer;
  const clients: Client[] = [];
  const connect = (token: string, pageId = server.pageId, doc?: Y.Doc) => {
    const client = connectClient(server.collabUrl, pageId, token, doc);
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

  const logLength = async (pageId = server.pageId) =>
    ((await server.storage.loadDoc(pageId))?.updates.length ?? 0) +
    ((await server.storage.loadDoc(pageId))?.snapshot ? 1 : 0);

  async function expectPageReadsAndExports(pageId = server.pageId): Promise<void> {
    expect((await server.api(`/api/pages/${pageId}`)).status).toBe(200);
    for (const format of ["json", "html", "epub"]) {
      const response = await server.api(`/api/issues/${server.issueId}/export?format=${format}`);
      expect(response.status, `export ${format}`).toBe(200);
    }
  }

  it.each(hostileWrites)(
    "closes the sender of %s with 4422; nothing is stored or relayed",
    async (_what, write) => {
      const [a, b] = [connect(server.tokens.admin), connect(server.tokens.editor)];
      const attacker = connect(server.tokens.editor);
      await Promise.all([a.synced, b.synced, attacker.synced]);
      const stored = await server.storage.loadDoc(server.pageId);
      const closed = nextClose(attacker.provider);
      attacker.doc.transact(() => write(attacker.doc));
      expect((await closed).code).toBe(CloseCode.InvalidContent);
      expect(await server.storage.loadDoc(server.pageId)).toEqual(stored);
      // An edit sent after the refused one reaches B; the refused one would have come first.
      typeAtStart(a.doc, "[still-editing]");
      await waitForDoc(b.doc, (d) => pageText(d).includes("[still-editing]"), "A's next edit at B");
      expect(Y.decodeStateVector(Y.encodeStateVector(b.doc)).has(attacker.doc.clientID)).toBe(false);
      expect(b.provider.wsconnected).toBe(true);
      await expectPageReadsAndExports();
    },
  );

  it("refuses invalid content hidden in a client's sync reply (sync step 2)", async () => {
    const a = connect(server.tokens.admin);
    await a.synced;
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a.doc));
    fragment(offline).insert(0, [new Y.XmlElement("evil_node")]);
    const stored = await server.storage.loadDoc(server.pageId);
    const attacker = connect(server.tokens.editor, server.pageId, offline);
    expect((await nextClose(attacker.provider)).code).toBe(CloseCode.InvalidContent);
    expect(await server.storage.loadDoc(server.pageId)).toEqual(stored);
    expect(pageText(a.doc)).not.toContain("evil_node");
  });

  it("removes an article that two concurrent edits left without blocks, so every replica stays valid", async () => {
    const a = connect(server.tokens.admin);
    const b = connect(server.tokens.editor);
    await Promise.all([a.synced, b.synced]);
    const index = articles(a.doc).findIndex((article) => article.length >= 2);
    const id = articles(a.doc)[index]!.getAttribute("id");
    a.provider.disconnect();
    b.provider.disconnect();
    // Each keeps the article valid on its own: A deletes all blocks but the last, B the last.
    const inA = articles(a.doc)[index]!;
    inA.delete(0, inA.length - 1);
    const inB = articles(b.doc)[index]!;
    inB.delete(inB.length - 1, 1);
    a.provider.connect();
    await new Promise<void>((resolve) =>
      a.provider.synced ? resolve() : a.provider.once("sync", () => resolve()),
    );
    b.provider.connect();
    const gone = (d: Y.Doc) => !articles(d).some((article) => article.getAttribute("id") === id);
    await Promise.all([
      waitForDoc(a.doc, gone, "the emptied article to be removed at A"),
      waitForDoc(b.doc, gone, "the emptied article to be removed at B"),
    ]);
    for (const doc of [a.doc, b.doc]) expect(articles(doc).every((article) => article.length > 0)).toBe(true);
    const page = (await (await server.api(`/api/pages/${server.pageId}`)).json()) as {
      articles: { id: string }[];
    };
    expect(page.articles.map((article) => article.id)).not.toContain(id);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it("holds an update that builds on one not received yet, and stores both once it arrives", async () => {
    const a = connect(server.tokens.admin);
    await a.synced;
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(a.doc));
    const updates: Uint8Array[] = [];
    local.on("update", (update: Uint8Array) => updates.push(update));
    typeAtStart(local, "[first]");
    typeAtStart(local, "[second]");
    const ws = new WebSocket(`${server.collabUrl}/${server.pageId}?token=${server.tokens.editor}`);
    await once(ws, "message");
    let closed = false;
    ws.on("close", () => (closed = true));
    ws.send(syncUpdate(updates[1]!));
    ws.send(syncUpdate(updates[0]!));
    await waitForDoc(a.doc, (d) => pageText(d).includes("[second][first]"), "both edits at A");
    expect(closed).toBe(false);
    ws.close();
  });

  it("closes a connection that piles up more than 256 updates building on one it never sends (4422)", async () => {
    const a = connect(server.tokens.admin);
    await a.synced;
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(a.doc));
    const updates: Uint8Array[] = [];
    local.on("update", (update: Uint8Array) => updates.push(update));
    for (let i = 0; i <= 257; i++) typeAtStart(local, "z");
    const stored = await server.storage.loadDoc(server.pageId);
    const ws = new WebSocket(`${server.collabUrl}/${server.pageId}?token=${server.tokens.editor}`);
    await once(ws, "message");
    const closed = once(ws, "close") as Promise<[number]>;
    for (const update of updates.slice(1)) ws.send(syncUpdate(update));
    expect((await closed)[0]).toBe(CloseCode.InvalidContent);
    expect(await server.storage.loadDoc(server.pageId)).toEqual(stored);
  });

  it("reads, exports and opens a page whose stored log already holds invalid content, setting it aside", async () => {
    const page = await createPageFromUpload(
      server.storage,
      { issueId: server.issueId, number: 40, bytes: seedPage },
      null,
      silentLogger,
    );
    const doc = new Y.Doc();
    for (const update of (await server.storage.loadDoc(page.id))!.updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    fragment(doc).insert(0, [new Y.XmlText("smuggled words")]);
    const evil = new Y.XmlElement("evil_node");
    evil.insert(0, [new Y.XmlText("inside evil")]);
    fragment(doc).insert(1, [evil]);
    articles(doc)[0]!.setAttribute("status", "hacked");
    doc.getMap(pageMetaName).set("format", { evil: true });
    // Written behind the server's back, as a log from before this check would hold it.
    await server.storage.appendUpdates(page.id, [Y.encodeStateAsUpdate(doc, before)]);

    const response = await server.api(`/api/pages/${page.id}`);
    expect(response.status).toBe(200);
    const read = (await response.json()) as {
      articles: { status: string }[];
      source: { format: string };
      setAside: { where: string; problem: string; text?: string }[];
    };
    expect(read.articles[0]!.status).toBe("needs-review");
    expect(read.source.format).toBe("text");
    expect(read.setAside.map((part) => part.problem)).toEqual(
      expect.arrayContaining([
        "text outside any block",
        'unknown element "evil_node"',
        'article status "hacked" is not allowed',
        'page format {"evil":true} is not allowed',
      ]),
    );
    expect(read.setAside.find((part) => part.text === "smuggled words")).toBeTruthy();
    await expectPageReadsAndExports(page.id);

    // Opened for editing, the page comes without them: the server stored their removal first.
    const logBefore = await logLength(page.id);
    const client = connect(server.tokens.editor, page.id);
    await client.synced;
    expect(
      fragment(client.doc)
        .toArray()
        .every((n) => n instanceof Y.XmlElement && n.nodeName !== "evil_node"),
    ).toBe(true);
    expect(pageText(client.doc)).not.toContain("smuggled words");
    expect(await logLength(page.id)).toBe(logBefore + 1);
    const again = (await (await server.api(`/api/pages/${page.id}`)).json()) as { setAside?: unknown };
    expect(again.setAside).toBeUndefined();
  });
});

/** A y-websocket sync "update" message: type 0, step 2 (update), the update as a varUint8Array. */
function syncUpdate(update: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = update.byteLength;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return new Uint8Array([0, 2, ...length, ...update]);
}
