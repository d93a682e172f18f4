import {
  type IssueRecord,
  isConflictError,
  type NewPage,
  type Storage,
  type TokenRecord,
} from "@galley/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";

/** How the suite gets a fresh, empty storage, and the same data again after a close. */
export interface StorageHarness {
  open: () => Promise<Storage>;
  reopen: () => Promise<Storage>;
  cleanup: () => Promise<void>;
}

const issue = (id: string, date = "2025-03-01"): IssueRecord => ({
  id,
  title: `Issue ${id}`,
  date,
  createdAt: new Date().toISOString(),
});

function textUpdate(text: string, base?: Y.Doc): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

const newPage = (id: string, issueId: string, number: number, source = "line one\nline two\n"): NewPage => ({
  id,
  issueId,
  number,
  format: "text",
  status: "needs-review",
  articleCount: 2,
  sourceType: "text/plain; charset=utf-8",
  width: null,
  height: null,
  createdAt: new Date().toISOString(),
  source: new TextEncoder().encode(source),
  ocrText: null,
  firstUpdate: textUpdate("first").update,
});

const token = (hash: string, extra: Partial<TokenRecord> = {}): TokenRecord => ({
  hash,
  id: `t-${hash}`,
  kind: "access",
  role: "editor",
  issueId: null,
  user: "ann",
  name: "Ann",
  createdAt: new Date().toISOString(),
  expiresAt: null,
  lastUsedAt: null,
  parentId: null,
  ...extra,
});

function textOf(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc.getText("t").toString();
}

function mergeWithYjs(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Uint8Array {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return Y.encodeStateAsUpdate(doc);
}

/** The conformance suite every `Storage` implementation must pass. */
export function describeStorageConformance(name: string, harness: () => StorageHarness): void {
  describe(`Storage conformance: ${name}`, () => {
    let h: StorageHarness;
    let storage: Storage;

    beforeEach(async () => {
      h = harness();
      storage = await h.open();
      await storage.createIssue(issue("i1", "2025-03-01"));
    });
    afterEach(async () => {
      await storage.close();
      await h.cleanup();
    });

    it("creates, reads and lists issues newest date first", async () => {
      await storage.createIssue(issue("i2", "2025-04-01"));
      expect(await storage.getIssue("i1")).toMatchObject({ id: "i1", title: "Issue i1", date: "2025-03-01" });
      expect((await storage.listIssues()).map((i) => i.id)).toEqual(["i2", "i1"]);
    });

    it("keeps an issue's publication, and null when none was given", async () => {
      await storage.createIssue({ ...issue("i2", "2025-04-01"), publication: "科学导报" });
      expect((await storage.getIssue("i2"))?.publication).toBe("科学导报");
      expect((await storage.getIssue("i1"))?.publication).toBeNull();
      expect((await storage.listIssues()).map((i) => i.publication)).toEqual(["科学导报", null]);
    });

    it("stores a page image beside its OCR file and deletes it with the page", async () => {
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      await storage.createPage({
        ...newPage("p1", "i1", 1),
        image: { bytes: png, contentType: "image/png" },
      });
      await storage.createPage(newPage("p2", "i1", 2));
      const image = await storage.getPageImage("p1");
      expect(image?.contentType).toBe("image/png");
      expect([...(image?.bytes ?? [])]).toEqual([...png]);
      expect(await storage.getPage("p1")).toMatchObject({
        imageType: "image/png",
        sourceType: "text/plain; charset=utf-8",
      });
      expect(await storage.getPage("p2")).toMatchObject({ imageType: null });
      expect(await storage.getPageImage("p2")).toBeNull();
      expect(await storage.deletePage("p1")).toBe(true);
      expect(await storage.getPageImage("p1")).toBeNull();
    });

    it("round-trips multi-megabyte sources, images and first updates byte for byte", async () => {
      const big = (size: number, seed: number) =>
        Uint8Array.from({ length: size }, (_, i) => (i * seed) % 251);
      const source = big(3 * 1024 * 1024 + 17, 7);
      const image = big(2 * 1024 * 1024 + 5, 13);
      const doc = new Y.Doc();
      doc.getText("t").insert(0, "x".repeat(1_500_000));
      const firstUpdate = Y.encodeStateAsUpdate(doc);
      await storage.createPage({
        ...newPage("p1", "i1", 1),
        source,
        firstUpdate,
        image: { bytes: image, contentType: "image/tiff" },
      });
      expect(Buffer.from((await storage.getPageSource("p1"))!.bytes).equals(Buffer.from(source))).toBe(true);
      expect(Buffer.from((await storage.getPageImage("p1"))!.bytes).equals(Buffer.from(image))).toBe(true);
      expect((await storage.getPage("p1"))?.sourceSize).toBe(source.byteLength);
      const stored = await storage.loadDoc("p1");
      expect(textOf(stored!)).toHaveLength(1_500_000);
      await storage.compactDoc("p1", mergeWithYjs);
      expect(textOf((await storage.loadDoc("p1"))!)).toHaveLength(1_500_000);
    });

    it("keeps nothing of a multi-megabyte page whose number is taken", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const source = new Uint8Array(2 * 1024 * 1024).fill(65);
      const error = await storage.createPage({ ...newPage("p1b", "i1", 1), source }).catch((e: unknown) => e);
      expect(isConflictError(error)).toBe(true);
      expect(await storage.getPageSource("p1b")).toBeNull();
      expect(await storage.getPage("p1b")).toBeNull();
    });

    it("answers null for an unknown issue, page, document and token", async () => {
      expect(await storage.getIssue("nope")).toBeNull();
      expect(await storage.getPage("nope")).toBeNull();
      expect(await storage.getPageSource("nope")).toBeNull();
      expect(await storage.loadDoc("nope")).toBeNull();
      expect(await storage.findToken("nope")).toBeNull();
      expect(await storage.takeToken("nope")).toBeNull();
    });

    it("stores a page's source byte for byte and lists pages by number", async () => {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0x00, 0xff]);
      await storage.createPage({ ...newPage("p2", "i1", 2), source: bytes, sourceType: "image/png" });
      await storage.createPage(newPage("p1", "i1", 1));
      const source = await storage.getPageSource("p2");
      expect([...(source?.bytes ?? [])]).toEqual([...bytes]);
      expect(source?.contentType).toBe("image/png");
      expect(await storage.getPage("p2")).toMatchObject({
        issueId: "i1",
        number: 2,
        sourceSize: 8,
        status: "needs-review",
      });
      expect((await storage.listPages("i1")).map((p) => p.id)).toEqual(["p1", "p2"]);
    });

    it("refuses a second page with the same number and keeps nothing of it", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const error = await storage.createPage(newPage("p1b", "i1", 1)).catch((e: unknown) => e);
      expect(isConflictError(error)).toBe(true);
      expect(await storage.getPage("p1b")).toBeNull();
      expect(await storage.loadDoc("p1b")).toBeNull();
    });

    it("refuses a page of an unknown issue", async () => {
      await expect(storage.createPage(newPage("p9", "no-issue", 1))).rejects.toThrow();
      expect(await storage.getPage("p9")).toBeNull();
    });

    it("updates a page's status and article count", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      expect(await storage.updatePage("p1", { status: "approved", articleCount: 7 })).toBe(true);
      expect(await storage.getPage("p1")).toMatchObject({ status: "approved", articleCount: 7 });
      expect(await storage.updatePage("nope", { status: "approved" })).toBe(false);
    });

    it("keeps the first update and appended updates in order", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const base = new Y.Doc();
      Y.applyUpdate(base, (await storage.loadDoc("p1"))!.updates[0]!);
      const a = textUpdate(" a", base);
      const b = textUpdate(" b", a.doc);
      await storage.appendUpdates("p1", [a.update]);
      await storage.appendUpdates("p1", [b.update, new Uint8Array([0, 0])]);
      const stored = await storage.loadDoc("p1");
      expect(stored?.updates).toHaveLength(4);
      expect([...stored!.updates[2]!]).toEqual([...b.update]);
      expect(textOf(stored!)).toBe("first a b");
    });

    it("refuses updates for an unknown page and stores none of them", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      await expect(storage.appendUpdates("nope", [textUpdate("x").update])).rejects.toThrow();
      expect(await storage.loadDoc("nope")).toBeNull();
    });

    it("appends to the logs of several pages in one call, each page's in order", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      await storage.createPage(newPage("p2", "i1", 2));
      const docs = new Map<string, Y.Doc>();
      for (const id of ["p1", "p2"]) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, (await storage.loadDoc(id))!.updates[0]!);
        docs.set(id, doc);
      }
      const a1 = textUpdate(" a1", docs.get("p1"));
      const b1 = textUpdate(" b1", docs.get("p2"));
      const a2 = textUpdate(" a2", a1.doc);
      await storage.appendLog([
        { pageId: "p1", update: a1.update },
        { pageId: "p2", update: b1.update },
        { pageId: "p1", update: a2.update },
      ]);
      const p1 = (await storage.loadDoc("p1"))!;
      expect(p1.updates.map((u) => [...u])).toEqual([[...p1.updates[0]!], [...a1.update], [...a2.update]]);
      expect(textOf(p1)).toBe("first a1 a2");
      expect(textOf((await storage.loadDoc("p2"))!)).toBe("first b1");
    });

    it("stores nothing of a group append when one of its pages does not exist", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      await expect(
        storage.appendLog([
          { pageId: "p1", update: textUpdate("x").update },
          { pageId: "nope", update: textUpdate("y").update },
        ]),
      ).rejects.toThrow();
      expect((await storage.loadDoc("p1"))?.updates).toHaveLength(1);
    });

    it("keeps every update in the page's history with who made it and when, the first being the page as created", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const base = new Y.Doc();
      Y.applyUpdate(base, (await storage.loadDoc("p1"))!.updates[0]!);
      const a = textUpdate(" a", base);
      const b = textUpdate(" b", a.doc);
      const before = new Date().toISOString();
      await storage.appendLog([
        { pageId: "p1", update: a.update, author: "Ann" },
        { pageId: "p1", update: b.update, author: "Bob" },
      ]);
      await storage.appendUpdates("p1", [textUpdate(" c", b.doc).update]);
      const history = (await storage.readHistory("p1"))!;
      expect(history.map((h) => h.author)).toEqual([null, "Ann", "Bob", null]);
      expect([...history[1]!.update]).toEqual([...a.update]);
      expect(history[1]!.at >= before).toBe(true);
      expect(history.map((h) => h.seq)).toEqual([...history.map((h) => h.seq)].sort((x, y) => x - y));
      expect(textOf({ snapshot: null, updates: history.map((h) => h.update) })).toBe("first a b c");
    });

    it("keeps the history through a compaction and reads it from a given entry on", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const base = new Y.Doc();
      Y.applyUpdate(base, (await storage.loadDoc("p1"))!.updates[0]!);
      const a = textUpdate(" a", base);
      await storage.appendLog([{ pageId: "p1", update: a.update, author: "Ann" }]);
      await storage.compactDoc("p1", mergeWithYjs);
      const history = (await storage.readHistory("p1"))!;
      expect(history).toHaveLength(2);
      const later = (await storage.readHistory("p1", history[0]!.seq))!;
      expect(later.map((h) => h.author)).toEqual(["Ann"]);
      expect(await storage.readHistory("nope")).toBeNull();
    });

    it("saves a version of the stored state with the last history entry it includes", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const base = new Y.Doc();
      Y.applyUpdate(base, (await storage.loadDoc("p1"))!.updates[0]!);
      const a = textUpdate(" a", base);
      await storage.appendLog([{ pageId: "p1", update: a.update, author: "Ann" }]);
      const at = new Date().toISOString();
      const version = await storage.createVersion(
        { id: "v1", pageId: "p1", name: "before desk review", kind: "named", author: "Ann", at },
        mergeWithYjs,
      );
      await storage.appendLog([{ pageId: "p1", update: textUpdate(" b", a.doc).update, author: "Bob" }]);
      const history = (await storage.readHistory("p1"))!;
      expect(version).toEqual({
        id: "v1",
        pageId: "p1",
        name: "before desk review",
        kind: "named",
        author: "Ann",
        at,
        seq: history[1]!.seq,
      });
      const saved = (await storage.getVersion("v1"))!;
      expect(saved.version).toEqual(version);
      expect(textOf({ snapshot: saved.state, updates: [] })).toBe("first a");
      expect(await storage.listVersions("p1")).toEqual([version]);
      expect(await storage.getVersion("nope")).toBeNull();
      expect(
        await storage.createVersion(
          { id: "v2", pageId: "nope", name: "x", kind: "named", author: null, at },
          mergeWithYjs,
        ),
      ).toBeNull();
    });

    it("deletes a page's history and versions with it", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const at = new Date().toISOString();
      await storage.createVersion(
        { id: "v1", pageId: "p1", name: "x", kind: "approved", author: null, at },
        mergeWithYjs,
      );
      await storage.deletePage("p1");
      expect(await storage.readHistory("p1")).toBeNull();
      expect(await storage.getVersion("v1")).toBeNull();
      expect(await storage.listVersions("p1")).toEqual([]);
    });

    it("compacts the log into a snapshot that holds the same document", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      let doc = new Y.Doc();
      Y.applyUpdate(doc, (await storage.loadDoc("p1"))!.updates[0]!);
      for (const word of [" one", " two", " three"]) {
        const next = textUpdate(word, doc);
        await storage.appendUpdates("p1", [next.update]);
        doc = next.doc;
      }
      expect(await storage.compactDoc("p1", mergeWithYjs)).toBe(4);
      const stored = await storage.loadDoc("p1");
      expect(stored?.updates).toHaveLength(0);
      expect(stored?.snapshot).not.toBeNull();
      expect(textOf(stored!)).toBe("first one two three");
      expect(await storage.compactDoc("p1", mergeWithYjs)).toBe(0);
    });

    it("keeps updates appended while a compaction runs", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await storage.loadDoc("p1"))!.updates[0]!);
      const late = textUpdate(" late", doc);
      let appending: Promise<void> | null = null;
      await storage.compactDoc("p1", (stored) => {
        appending = storage.appendUpdates("p1", [late.update]);
        return mergeWithYjs(stored);
      });
      await appending;
      const stored = await storage.loadDoc("p1");
      expect(stored?.updates.length).toBeGreaterThanOrEqual(1);
      expect(textOf(stored!)).toBe("first late");
    });

    it("changes nothing when the merge of a compaction fails", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      const before = await storage.loadDoc("p1");
      await expect(
        storage.compactDoc("p1", () => {
          throw new Error("corrupt update");
        }),
      ).rejects.toThrow("corrupt update");
      expect(await storage.loadDoc("p1")).toEqual(before);
    });

    it("deletes a page with its log and snapshot", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      await storage.compactDoc("p1", mergeWithYjs);
      expect(await storage.deletePage("p1")).toBe(true);
      expect(await storage.getPage("p1")).toBeNull();
      expect(await storage.loadDoc("p1")).toBeNull();
      expect(await storage.deletePage("p1")).toBe(false);
      await storage.createPage(newPage("p1-again", "i1", 1));
      expect((await storage.loadDoc("p1-again"))?.updates).toHaveLength(1);
    });

    it("finds tokens by hash and hands a taken token out once", async () => {
      await storage.createToken(
        token("h1", { kind: "login", role: "admin", issueId: "i1", expiresAt: "2999-01-01T00:00:00.000Z" }),
      );
      expect(await storage.findToken("h1")).toMatchObject({
        kind: "login",
        role: "admin",
        issueId: "i1",
        user: "ann",
      });
      const [first, second] = await Promise.all([storage.takeToken("h1"), storage.takeToken("h1")]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(await storage.findToken("h1")).toBeNull();
    });

    it("lists every token oldest first, without revealing more than was stored", async () => {
      await storage.createToken(token("h1", { createdAt: "2025-01-02T00:00:00.000Z", name: "second" }));
      await storage.createToken(token("h2", { createdAt: "2025-01-01T00:00:00.000Z", kind: "session" }));
      const listed = await storage.listTokens();
      expect(listed.map((t) => t.id)).toEqual(["t-h2", "t-h1"]);
      expect(listed[1]).toEqual(token("h1", { createdAt: "2025-01-02T00:00:00.000Z", name: "second" }));
    });

    it("revokes a token by its id, once, with the sessions started with it", async () => {
      await storage.createToken(token("h1"));
      await storage.createToken(token("h2"));
      await storage.createToken(token("s1", { kind: "session", parentId: "t-h1" }));
      await storage.createToken(token("s2", { kind: "session", parentId: "t-h2" }));
      expect(await storage.revokeToken("t-h1")).toMatchObject({ hash: "h1" });
      expect(await storage.revokeToken("t-h1")).toBeNull();
      expect(await storage.findToken("h1")).toBeNull();
      expect(await storage.findToken("s1")).toBeNull();
      expect(await storage.findToken("h2")).not.toBeNull();
      expect(await storage.findToken("s2")).not.toBeNull();
    });

    it("records when a token was last used", async () => {
      await storage.createToken(token("h1"));
      await storage.touchToken("h1", "2025-05-05T10:00:00.000Z");
      await storage.touchToken("nope", "2025-05-05T10:00:00.000Z");
      expect((await storage.findToken("h1"))?.lastUsedAt).toBe("2025-05-05T10:00:00.000Z");
    });

    it("deletes the tokens that have expired and keeps the others", async () => {
      await storage.createToken(token("old", { expiresAt: "2025-01-01T00:00:00.000Z" }));
      await storage.createToken(token("later", { expiresAt: "2999-01-01T00:00:00.000Z" }));
      await storage.createToken(token("never"));
      expect(await storage.deleteExpiredTokens("2025-06-01T00:00:00.000Z")).toBe(1);
      expect((await storage.listTokens()).map((t) => t.hash).sort()).toEqual(["later", "never"]);
    });

    it("keeps everything across a close and reopen", async () => {
      await storage.createPage(newPage("p1", "i1", 1));
      await storage.appendUpdates("p1", [textUpdate("x").update]);
      await storage.createToken(token("h2"));
      await storage.close();
      storage = await h.reopen();
      expect(await storage.getIssue("i1")).not.toBeNull();
      expect((await storage.loadDoc("p1"))?.updates).toHaveLength(2);
      expect(await storage.findToken("h2")).toMatchObject({ role: "editor" });
    });
  });
}
