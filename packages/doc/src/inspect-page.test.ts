import type { ReconstructedPage } from "@galley/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { inspectPage } from "./inspect-page.ts";
import { reconstructionToYDoc, yDocToReconstruction } from "./ydoc.ts";
import { pageFragmentName, pageMetaName } from "./ydoc-names.ts";

/** A reading of a Y.Doc that holds what no client of Galley writes: each is set aside, never thrown. */

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
  other: [{ text: "Page 3", lines: ["3"], kind: "folio" }],
};

function fresh(): Y.Doc {
  return reconstructionToYDoc(page).ydoc;
}

const fragment = (doc: Y.Doc) => doc.getXmlFragment(pageFragmentName);
const firstArticle = (doc: Y.Doc) => fragment(doc).get(0) as Y.XmlElement;

describe("inspectPage", () => {
  it("reads a page written by Galley with nothing set aside", () => {
    const result = inspectPage(fresh());
    expect(result.setAside).toEqual([]);
    expect(result.repair).toEqual([]);
  });

  it.each<[string, (doc: Y.Doc) => void, RegExp]>([
    [
      "an unknown element",
      (d) => fragment(d).insert(0, [new Y.XmlElement("evil_node")]),
      /unknown element "evil_node"/,
    ],
    [
      "text outside any block",
      (d) => fragment(d).insert(0, [new Y.XmlText("loose")]),
      /text outside any block/,
    ],
    [
      "an article inside an article",
      (d) => firstArticle(d).insert(0, [new Y.XmlElement("article")]),
      /article inside article/,
    ],
    ["a status out of range", (d) => firstArticle(d).setAttribute("status", "hacked"), /status "hacked"/],
    ["an unknown attribute", (d) => firstArticle(d).setAttribute("onclick", "x"), /no attribute "onclick"/],
    [
      "a page format that is an object",
      (d) => d.getMap(pageMetaName).set("format", { evil: true }),
      /format/,
    ],
    ["another shared type", (d) => d.getArray("evil").insert(0, [1]), /not part of a page/],
    [
      "an embed in text",
      (d) => ((firstArticle(d).get(0) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(0, { img: 1 }),
      /an embed inside text/,
    ],
    [
      "an unknown mark",
      (d) => ((firstArticle(d).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: true }),
      /no mark "bold"/,
    ],
  ])("sets aside %s and reads the rest", (_what, write, problem) => {
    const doc = fresh();
    const before = yDocToReconstruction(doc);
    write(doc);
    const result = inspectPage(doc);
    expect(result.setAside.map((p) => p.problem).join("; ")).toMatch(problem);
    expect(() => result.doc.check()).not.toThrow();
    expect(yDocToReconstruction(doc)).toEqual(before);
  });

  it("sets aside an article left without blocks", () => {
    const doc = fresh();
    const article = firstArticle(doc);
    article.delete(0, article.length);
    const result = inspectPage(doc);
    expect(result.setAside).toEqual([{ where: "article a1", problem: "article without blocks" }]);
    expect(yDocToReconstruction(doc).articles).toEqual([]);
  });

  it("reports the text of what it sets aside", () => {
    const doc = fresh();
    fragment(doc).insert(1, [new Y.XmlText("injected words")]);
    expect(inspectPage(doc).setAside).toEqual([
      { where: "page child 2", problem: "text outside any block", text: "injected words" },
    ]);
  });

  it("gives the items whose deletion leaves a page with nothing to set aside", () => {
    const doc = fresh();
    fragment(doc).insert(0, [new Y.XmlElement("evil_node"), new Y.XmlText("loose")]);
    (fragment(doc).get(2) as Y.XmlElement).setAttribute("status", "hacked");
    doc.getMap(pageMetaName).set("format", { evil: true });
    const { repair } = inspectPage(doc);
    doc.transact((tr) => {
      for (const item of repair) item.delete(tr);
    });
    expect(inspectPage(doc).setAside).toEqual([]);
    expect(yDocToReconstruction(doc).articles[0]?.status).toBe("needs-review");
  });
});
