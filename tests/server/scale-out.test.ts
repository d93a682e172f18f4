import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pageFragmentName } from "@galley/doc";
import { createPageFromUpload, issueToken, silentLogger } from "@galley/server";
import { dropPostgresSchema, openPostgresStorage } from "@galley/server/scale-out";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type ChildServer, spawnServer } from "./helpers/child-server.ts";
import { type Client, connectClient, firstText, waitForDoc, waitUntil } from "./helpers/clients.ts";
import { seedPage } from "./helpers/server.ts";
import { postgresUrl, redisUrl } from "./helpers/services.ts";

describe("two galley serve processes on one PostgreSQL and Redis", () => {
  const schema = `galley_test_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(join(tmpdir(), "galley-scale-"));
  let servers: ChildServer[] = [];
  let pageId: string;
  let token: string;
  const clients: Client[] = [];
  const connect = (server: ChildServer) => {
    const client = connectClient(server.collabUrl, pageId, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const storage = await openPostgresStorage({ connectionString: postgresUrl, schema });
    await storage.createIssue({
      id: "i-scale",
      title: "Scale",
      date: "2025-02-10",
      createdAt: new Date().toISOString(),
    });
    pageId = (
      await createPageFromUpload(
        storage,
        { issueId: "i-scale", number: 1, bytes: seedPage },
        null,
        silentLogger,
      )
    ).id;
    token = (await issueToken(storage, { role: "editor", name: "Eddie" })).token;
    await storage.close();
    const args = ["--postgres", postgresUrl, "--schema", schema, "--redis", redisUrl];
    servers = await Promise.all([spawnServer(dataDir, args), spawnServer(dataDir, args)]);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) server.process.kill("SIGTERM");
    await Promise.all(servers.map((s) => s.exited));
    await dropPostgresSchema(postgresUrl, schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("converges clients on different processes, and a late client on either gets everything", async () => {
    const [one, two] = servers as [ChildServer, ChildServer];
    const a = connect(one);
    const b = connect(two);
    await Promise.all([a.synced, b.synced]);
    firstText(a.doc).insert(0, "[from-one]");
    firstText(b.doc).insert(0, "[from-two]");
    const both = (text: string) => text.includes("[from-one]") && text.includes("[from-two]");
    await Promise.all([
      waitForDoc(a.doc, (d) => both(firstText(d).toString()), "server one's client to get server two's edit"),
      waitForDoc(b.doc, (d) => both(firstText(d).toString()), "server two's client to get server one's edit"),
    ]);
    expect(firstText(a.doc).toString()).toBe(firstText(b.doc).toString());
    const late = connect(one);
    await late.synced;
    expect(firstText(late.doc).toString()).toBe(firstText(b.doc).toString());
    const stored = await fetch(`${two.url}/api/pages/${pageId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(both(await stored.text())).toBe(true);
  });

  it("relays presence between processes", async () => {
    const [one, two] = servers as [ChildServer, ChildServer];
    const a = connect(one);
    const b = connect(two);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField("user", { name: "Ann on one" });
    await waitUntil(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => (s.user as { name?: string })?.name === "Ann on one",
        ),
      "presence from the other process",
    );
  });

  it("leaves no article without blocks when edits accepted on the two processes empty one together", async () => {
    const [one, two] = servers as [ChildServer, ChildServer];
    const a = connect(one);
    const b = connect(two);
    await Promise.all([a.synced, b.synced]);
    const articles = (doc: Y.Doc) =>
      doc
        .getXmlFragment(pageFragmentName)
        .toArray()
        .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "article");
    const index = articles(a.doc).findIndex((article) => article.length >= 2);
    const id = articles(a.doc)[index]!.getAttribute("id");
    a.provider.disconnect();
    b.provider.disconnect();
    const inA = articles(a.doc)[index]!;
    inA.delete(0, inA.length - 1);
    const inB = articles(b.doc)[index]!;
    inB.delete(inB.length - 1, 1);
    a.provider.connect();
    b.provider.connect();
    const gone = (d: Y.Doc) => !articles(d).some((article) => article.getAttribute("id") === id);
    await Promise.all([
      waitForDoc(a.doc, gone, "the emptied article to be removed on process one's client"),
      waitForDoc(b.doc, gone, "the emptied article to be removed on process two's client"),
    ]);
    for (const server of [one, two]) {
      const page = (await (
        await fetch(`${server.url}/api/pages/${pageId}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { articles: { id: string }[] };
      expect(page.articles.map((article) => article.id)).not.toContain(id);
    }
  });
});
