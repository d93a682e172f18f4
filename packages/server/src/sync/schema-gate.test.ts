import type { ReconstructedPage } from "@galley/core";
import { pageFragmentName, reconstructionToYDoc } from "@galley/doc";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Candidate, SchemaGate } from "./schema-gate.ts";

const page: ReconstructedPage = {
  source: { format: "text", lineCount: 3 },
  columns: [],
  articles: [
    {
      id: "a1",
      kicker: null,
      headline: { text: "Harbour opens", lines: ["1"] },
      subheadline: null,
      dateline: null,
      byline: null,
      paragraphs: [{ text: "Ships came in.", lines: ["2"] }],
      confidence: 0.9,
    },
  ],
  captions: [],
  other: [],
};

/** The server's doc, a gate on it, and a replica per sender that makes updates. */
function setup() {
  const server = reconstructionToYDoc(page).ydoc;
  const gate = new SchemaGate(server);
  const replicas = new Map<unknown, Y.Doc>();
  const replica = (sender: unknown) => {
    let doc = replicas.get(sender);
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      replicas.set(sender, doc);
    }
    return doc;
  };
  const edit = (change: (doc: Y.Doc) => void, sender: unknown = "c"): Candidate => {
    const doc = replica(sender);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(doc));
    const update = Y.encodeStateAsUpdate(doc, before);
    return { update, decoded: Y.decodeUpdate(update), sender };
  };
  /** What the room does with accepted updates: stores them, then applies them to its doc. */
  const commit = (candidates: Candidate[], accepted: number[]) => {
    for (const i of accepted) Y.applyUpdate(server, candidates[i]!.update);
  };
  return { server, gate, edit, commit };
}

/** Applies an update checked by another process to the server's doc, as the bus relay does, and lets the gate follow it. */
function relay(server: Y.Doc, gate: SchemaGate, candidate: Candidate): Uint8Array | null {
  let repair: Uint8Array | null = null;
  const follow = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    repair = gate.follow(update, transaction);
  };
  server.on("update", follow);
  Y.applyUpdate(server, candidate.update, "relay");
  server.off("update", follow);
  return repair;
}

const article = (doc: Y.Doc) => doc.getXmlFragment(pageFragmentName).get(0) as Y.XmlElement;
const text = (doc: Y.Doc, block: number) => (article(doc).get(block) as Y.XmlElement).get(0) as Y.XmlText;

describe("SchemaGate", () => {
  it("accepts typing and deleting characters in blocks", () => {
    const { gate, edit } = setup();
    const batch = [edit((d) => text(d, 0).insert(0, "Big ")), edit((d) => text(d, 1).delete(0, 5))];
    expect(gate.check(batch)).toMatchObject({ accepted: [0, 1], refused: new Map(), incomplete: new Map() });
  });

  it("holds no second copy of a page that is only typed on", () => {
    const { gate, edit, commit } = setup();
    for (let i = 0; i < 3; i++) {
      const typing = [edit((d) => text(d, 0).insert(0, "a"))];
      commit(typing, gate.check(typing).accepted);
    }
    expect(gate.hasShadow).toBe(false);
    const split = [edit((d) => article(d).setAttribute("status", "approved"))];
    expect(gate.check(split).accepted).toEqual([0]);
    expect(gate.hasShadow).toBe(true);
  });

  it("follows relayed typing without a second copy of the page", () => {
    const { server, gate, edit } = setup();
    expect(
      relay(
        server,
        gate,
        edit((d) => text(d, 0).insert(0, "remote ")),
      ),
    ).toBeNull();
    expect(gate.hasShadow).toBe(false);
  });

  it("repairs an article a relayed update left without blocks, with no shadow built before", () => {
    const { server, gate, edit, commit } = setup();
    const mine = [edit((d) => text(d, 0).insert(0, "x"), "me")];
    commit(mine, gate.check(mine).accepted);
    const repair = relay(
      server,
      gate,
      edit((d) => article(d).delete(0, 2), "other"),
    );
    Y.applyUpdate(server, repair!);
    expect(server.getXmlFragment(pageFragmentName).length).toBe(0);
  });

  it("refuses, among updates that arrived together, only the sender of an invalid one, traced by its struct", () => {
    const { gate, edit } = setup();
    const batch = [
      edit((d) => text(d, 0).insert(0, "ok "), "alice"),
      edit((d) => d.getXmlFragment(pageFragmentName).insert(1, [new Y.XmlElement("evil_node")]), "mallory"),
      edit((d) => text(d, 1).insert(0, "later "), "mallory"),
      edit((d) => text(d, 0).insert(0, "also ok "), "bob"),
    ];
    const verdict = gate.check(batch);
    expect(verdict.refused).toEqual(new Map([[1, 'unknown element "evil_node"']]));
    expect(verdict.accepted).toEqual([0, 3]);
  });

  it("checks typing after accepted typing that the shadow has not taken yet", () => {
    const { gate, edit, commit } = setup();
    const typing = [edit((d) => text(d, 0).insert(0, "a"))];
    commit(typing, gate.check(typing).accepted);
    const status = [edit((d) => article(d).setAttribute("status", "hacked"))];
    expect([...gate.check(status).refused.values()]).toEqual(['article status "hacked" is not allowed']);
  });

  it("holds an update whose dependency has not arrived and accepts both once it has", () => {
    const { gate, edit } = setup();
    const first = edit((d) => text(d, 0).insert(0, "1"));
    const second = edit((d) => text(d, 0).insert(0, "2"));
    expect(gate.check([second]).incomplete.has(0)).toBe(true);
    expect(gate.check([first, second]).accepted).toEqual([0, 1]);
  });

  it("returns a repair deleting an article that two valid updates emptied together", () => {
    const { server, gate, edit } = setup();
    const mine = edit((d) => article(d).delete(0, 1), "me");
    const theirs = edit((d) => article(d).delete(1, 1), "other");
    const verdict = gate.check([mine, theirs]);
    expect(verdict.accepted).toEqual([0, 1]);
    Y.applyUpdate(server, mine.update);
    Y.applyUpdate(server, theirs.update);
    Y.applyUpdate(server, verdict.repair!);
    expect(server.getXmlFragment(pageFragmentName).length).toBe(0);
  });
});
