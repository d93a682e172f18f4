import type { ReconstructedPage } from "@galley/core";
import { pageFragmentName, reconstructionToYDoc, yDocToReconstruction } from "@galley/doc";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { HistoryEntry } from "../storage/storage.ts";
import { diffPage } from "./page-diff.ts";
import { replayHistory } from "./replay.ts";
import { restoreUpdate } from "./restore.ts";

const page: ReconstructedPage = {
  source: { format: "text", lineCount: 5 },
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
    {
      id: "a2",
      kicker: null,
      headline: { text: "Rain ahead", lines: ["3"] },
      subheadline: null,
      dateline: null,
      byline: null,
      paragraphs: [
        { text: "Clouds gather.", lines: ["4"] },
        { text: "Umbrellas sell.", lines: ["5"] },
      ],
      confidence: 0.8,
    },
  ],
  captions: [],
  other: [],
};

/** A page's history built by editors: each `edit` is one stored update with its author. */
function history() {
  const { ydoc, update } = reconstructionToYDoc(page);
  const entries: HistoryEntry[] = [{ seq: 1, author: null, at: "2025-01-01T00:00:00.000Z", update }];
  const replicas = new Map<string, Y.Doc>();
  const edit = (author: string, change: (doc: Y.Doc) => void) => {
    let doc = replicas.get(author);
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(ydoc));
      replicas.set(author, doc);
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ydoc, Y.encodeStateVector(doc)));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(doc));
    const u = Y.encodeStateAsUpdate(doc, before);
    Y.applyUpdate(ydoc, u);
    entries.push({
      seq: entries.length + 1,
      author,
      at: `2025-01-01T00:0${entries.length}:00.000Z`,
      update: u,
    });
    return entries.length;
  };
  return { ydoc, entries, edit };
}

const article = (doc: Y.Doc, i: number) => doc.getXmlFragment(pageFragmentName).get(i) as Y.XmlElement;
const block = (doc: Y.Doc, a: number, b: number) => article(doc, a).get(b) as Y.XmlElement;
const text = (doc: Y.Doc, a: number, b: number) => block(doc, a, b).get(0) as Y.XmlText;

describe("diffPage", () => {
  it("shows text typed since the start with its author, and the title it changed", () => {
    const { entries, edit } = history();
    edit("Ann", (d) => text(d, 0, 0).insert(0, "New "));
    const diff = diffPage(replayHistory(entries, 1));
    expect(diff.authors).toEqual(["Ann"]);
    expect(diff.unchanged).toBe(1);
    const [a1] = diff.articles;
    expect(a1).toMatchObject({ id: "a1", change: "changed" });
    expect(a1!.titles).toEqual([{ role: "headline", before: "Harbour opens", after: "New Harbour opens" }]);
    expect(a1!.text[0]!.runs).toEqual([
      { type: "insert", text: "New ", by: "Ann" },
      { type: "same", text: "Harbour opens", by: null },
    ]);
  });

  it("shows only the changes after a version, each with its author", () => {
    const { entries, edit } = history();
    const version = edit("Ann", (d) => text(d, 0, 1).insert(0, "Big "));
    edit("Bob", (d) => text(d, 1, 1).delete(0, 7));
    edit("Ann", (d) => text(d, 1, 2).insert(15, " Fast."));
    const diff = diffPage(replayHistory(entries, version));
    expect(diff.authors).toEqual(["Bob", "Ann"]);
    expect(diff.articles.map((a) => a.id)).toEqual(["a2"]);
    expect(diff.articles[0]!.text.map((t) => t.runs)).toEqual([
      [
        { type: "delete", text: "Clouds ", by: "Bob" },
        { type: "same", text: "gather.", by: null },
      ],
      [
        { type: "same", text: "Umbrellas sell.", by: null },
        { type: "insert", text: " Fast.", by: "Ann" },
      ],
    ]);
  });

  it("shows a role change with who made it", () => {
    const { entries, edit } = history();
    edit("Cy", (d) => block(d, 1, 2).setAttribute("role", "subheadline"));
    const [a2] = diffPage(replayHistory(entries, 1)).articles;
    expect(a2!.roles).toEqual([
      {
        block: { lines: ["5"], role: "subheadline", text: "Umbrellas sell." },
        before: "paragraph",
        after: "subheadline",
        by: "Cy",
      },
    ]);
    expect(a2!.titles).toEqual([{ role: "subheadline", before: null, after: "Umbrellas sell." }]);
  });

  it("shows a block moved into another article as a boundary change of both", () => {
    const { entries, edit } = history();
    edit("Dee", (d) => {
      const moved = block(d, 1, 1).clone();
      article(d, 1).delete(1, 1);
      article(d, 0).insert(2, [moved]);
    });
    const diff = diffPage(replayHistory(entries, 1));
    const a1 = diff.articles.find((a) => a.id === "a1")!;
    expect(a1.boundaries).toEqual([
      { block: { lines: ["4"], role: "paragraph", text: "Clouds gather." }, from: "a2", to: "a1", by: "Dee" },
    ]);
    expect(a1.text).toEqual([]);
    expect(diff.articles.find((a) => a.id === "a2")?.text ?? []).toEqual([]);
  });

  it("shows an article split off another", () => {
    const { entries, edit } = history();
    edit("Eve", (d) => {
      const moved = block(d, 1, 2).clone();
      article(d, 1).delete(2, 1);
      const split = new Y.XmlElement("article");
      split.setAttribute("id", "a3");
      split.setAttribute("status", "needs-review");
      split.insert(0, [moved]);
      d.getXmlFragment(pageFragmentName).insert(2, [split]);
    });
    const a3 = diffPage(replayHistory(entries, 1)).articles.find((a) => a.id === "a3")!;
    expect(a3).toMatchObject({ change: "added", splitFrom: ["a2"] });
  });

  it("shows a deleted block with who deleted it", () => {
    const { entries, edit } = history();
    edit("Fay", (d) => article(d, 1).delete(2, 1));
    const [a2] = diffPage(replayHistory(entries, 1)).articles;
    expect(a2!.text).toEqual([
      {
        block: { lines: ["5"], role: "paragraph", text: "Umbrellas sell." },
        kind: "removed",
        before: "Umbrellas sell.",
        after: "",
        runs: [{ type: "delete", text: "Umbrellas sell.", by: "Fay" }],
      },
    ]);
  });
});

describe("restoreUpdate", () => {
  it("makes the page hold the version again as one change on top", () => {
    const { ydoc, edit } = history();
    edit("Ann", (d) => text(d, 0, 0).insert(0, "Big "));
    const version = Y.encodeStateAsUpdate(ydoc);
    edit("Bob", (d) => text(d, 1, 1).delete(0, 7));
    edit("Bob", (d) => article(d, 0).delete(1, 1));
    const expected = yDocToReconstruction(reconstructionFrom(version));
    const update = restoreUpdate(ydoc, version)!;
    Y.applyUpdate(ydoc, update);
    expect(yDocToReconstruction(ydoc)).toEqual(expected);
    expect(restoreUpdate(ydoc, version)).toBeNull();
  });
});

function reconstructionFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
