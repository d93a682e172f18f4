import { rmSync } from "node:fs";
import { openDataDir, type PageDiff, silentLogger, startGalleyServer, type TextRun } from "@galley/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connectClient, firstText, pageText, waitForDoc } from "./helpers/clients.ts";
import { startTestServer, type TestServer } from "./helpers/server.ts";

/** Every run of the diff's text changes, flattened. */
const runsOf = (diff: PageDiff): TextRun[] =>
  [...diff.articles.flatMap((a) => a.text), ...diff.outside.text].flatMap((t) => t.runs);

/** The n-th text node of the page (in document order). */
function nthText(doc: Y.Doc, n: number): Y.XmlText {
  const texts: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment("prosemirror"));
  return texts[n]!;
}

describe("page history and versions", () => {
  let server: TestServer;
  const clients: Client[] = [];
  const connect = (token: string) => {
    const client = connectClient(server.collabUrl, server.pageId, token);
    clients.push(client);
    return client;
  };
  const converged = (a: Client, b: Client, has: string[], what: string) =>
    Promise.all(
      [a, b].map((c) => waitForDoc(c.doc, (d) => has.every((s) => pageText(d).includes(s)), `${what}`)),
    );

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  /** Two editors edit, Eddie names a version, both edit more. */
  async function editAroundVersion() {
    const eddie = connect(server.tokens.editor);
    const ada = connect(server.tokens.admin);
    await Promise.all([eddie.synced, ada.synced]);
    firstText(eddie.doc).insert(0, "[E1]");
    nthText(ada.doc, 2).insert(0, "[A1]");
    await converged(eddie, ada, ["[E1]", "[A1]"], "the first edits");
    const saved = await server.api(`/api/pages/${server.pageId}/versions`, {
      method: "POST",
      token: server.tokens.editor,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "before desk review" }),
    });
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { id: string; name: string; author: string };
    firstText(eddie.doc).insert(0, "[E2]");
    nthText(ada.doc, 2).delete(0, 4);
    nthText(ada.doc, 3).insert(0, "[A2]");
    await converged(eddie, ada, ["[E2]", "[A2]"], "the later edits");
    await Promise.all(
      [eddie, ada].map((c) => waitForDoc(c.doc, (d) => !pageText(d).includes("[A1]"), "the deletion")),
    );
    return { eddie, ada, version };
  }

  it("diffs a version against the page: exactly the later edits, with their authors", async () => {
    const { version } = await editAroundVersion();
    expect(version).toMatchObject({ name: "before desk review", author: "Eddie" });
    const diff = (await (
      await server.api(`/api/pages/${server.pageId}/versions/${version.id}/changes`)
    ).json()) as PageDiff;
    expect(diff.authors.sort()).toEqual(["Ada", "Eddie"]);
    const changed = runsOf(diff).filter((r) => r.type !== "same");
    expect(changed).toEqual(
      expect.arrayContaining([
        { type: "insert", text: "[E2]", by: "Eddie" },
        { type: "delete", text: "[A1]", by: "Ada" },
        { type: "insert", text: "[A2]", by: "Ada" },
      ]),
    );
    expect(changed).toHaveLength(3);
  });

  it("restores a version as a change on top, and both editors converge on it", async () => {
    const { eddie, ada, version } = await editAroundVersion();
    const viewed = (await (
      await server.api(`/api/pages/${server.pageId}/versions/${version.id}`)
    ).json()) as { page: unknown };
    const restored = await server.api(`/api/pages/${server.pageId}/versions/${version.id}/restore`, {
      method: "POST",
      token: server.tokens.admin,
    });
    expect(await restored.json()).toMatchObject({ restored: true });
    const back = (d: Y.Doc) =>
      pageText(d).includes("[E1]") &&
      pageText(d).includes("[A1]") &&
      !pageText(d).includes("[E2]") &&
      !pageText(d).includes("[A2]");
    await Promise.all([eddie, ada].map((c) => waitForDoc(c.doc, back, "the restored page")));
    expect(pageText(eddie.doc)).toBe(pageText(ada.doc));
    expect(await (await server.api(`/api/pages/${server.pageId}`)).json()).toEqual(viewed.page);
    const history = (await (await server.api(`/api/pages/${server.pageId}/history`)).json()) as {
      sessions: { author: string | null }[];
    };
    expect(history.sessions[0]?.author).toBe("Ada");
  });

  it("refuses to restore for a viewer and names a missing version", async () => {
    const { version } = await editAroundVersion();
    const asViewer = await server.api(`/api/pages/${server.pageId}/versions/${version.id}/restore`, {
      method: "POST",
      token: server.tokens.viewer,
    });
    expect(asViewer.status).toBe(403);
    const missing = await server.api(`/api/pages/${server.pageId}/versions/v-nope/changes`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: `page ${server.pageId} has no version v-nope` });
  });

  it("refuses a version without a name", async () => {
    const response = await server.api(`/api/pages/${server.pageId}/versions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "  " }),
    });
    expect(response.status).toBe(400);
  });

  it("saves a version when the page is approved", async () => {
    await server.api(`/api/pages/${server.pageId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "approved" }),
    });
    const versions = (await (await server.api(`/api/pages/${server.pageId}/versions`)).json()) as {
      kind: string;
      author: string;
    }[];
    expect(versions).toMatchObject([{ kind: "approved", author: "Ada" }]);
  });

  it("groups the history into sessions per editor, the reconstruction first in time", async () => {
    await editAroundVersion();
    const history = (await (await server.api(`/api/pages/${server.pageId}/history`)).json()) as {
      updates: number;
      sessions: { author: string | null; updates: number; inserted: number }[];
      versions: { name: string }[];
    };
    expect(history.sessions.map((s) => s.author).sort()).toEqual(["Ada", "Eddie", null].sort());
    expect(history.sessions.at(-1)).toMatchObject({ author: null, updates: 1 });
    expect(history.sessions.find((s) => s.author === "Eddie")?.inserted).toBe(8);
    expect(history.versions.map((v) => v.name)).toEqual(["before desk review"]);
  });

  it("keeps the history and the versions' diffs over a restart and a compaction", async () => {
    const { version } = await editAroundVersion();
    const read = async (url: string) => {
      const history = await (await fetch(`${url}/api/pages/${server.pageId}/history`, auth())).json();
      const changes = await (
        await fetch(`${url}/api/pages/${server.pageId}/versions/${version.id}/changes`, auth())
      ).json();
      return { history, changes };
    };
    const auth = () => ({ headers: { authorization: `Bearer ${server.tokens.admin}` } });
    const before = await read(server.url);
    for (const client of clients.splice(0)) client.destroy();
    await server.running.close();
    await server.storage.close();
    const storage = openDataDir(server.dataDir);
    expect((await storage.loadDoc(server.pageId))?.updates).toHaveLength(0);
    const again = await startGalleyServer({ storage, port: 0, hostname: "127.0.0.1", logger: silentLogger });
    try {
      expect(await read(`http://127.0.0.1:${again.port}`)).toEqual(before);
    } finally {
      await again.close();
      await storage.close();
      rmSync(server.dataDir, { recursive: true, force: true });
      server = await startTestServer();
    }
  });
});
