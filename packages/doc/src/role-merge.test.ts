import type { ReconstructedPage } from "@galley/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { roleOf } from "./roles.ts";
import { pageFragmentName, readPageFromYDoc, reconstructionToYDoc } from "./ydoc.ts";

/**
 * A role change is an attribute change on the block's Y.XmlElement, so it merges with text
 * another replica inserts into the same block at the same moment (two replicas, direct Yjs
 * edits, updates exchanged both ways).
 */

const seed: ReconstructedPage = {
  source: { format: "text", lineCount: 2 },
  columns: [],
  articles: [
    {
      id: "a1",
      kicker: null,
      headline: null,
      subheadline: null,
      dateline: null,
      byline: null,
      paragraphs: [
        { text: "Council votes", lines: ["1"] },
        { text: "The council voted.", lines: ["2"] },
      ],
      confidence: 1,
    },
  ],
  captions: [],
  other: [],
};

function firstBlock(ydoc: Y.Doc): Y.XmlElement {
  const article = ydoc.getXmlFragment(pageFragmentName).get(0) as Y.XmlElement;
  return article.get(0) as Y.XmlElement;
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe("a role change and concurrent typing", () => {
  it("both survive: the block keeps the typed text and takes the new role", () => {
    const { update } = reconstructionToYDoc(seed);
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(a, update);
    Y.applyUpdate(b, update);

    firstBlock(a).setAttribute("role", "headline");
    (firstBlock(b).get(0) as Y.XmlText).insert("Council votes".length, " on the budget");
    exchange(a, b);

    for (const replica of [a, b]) {
      const block = readPageFromYDoc(replica).child(0).child(0);
      expect(roleOf(block)).toBe("headline");
      expect(block.textContent).toBe("Council votes on the budget");
    }
    expect(readPageFromYDoc(a).toJSON()).toEqual(readPageFromYDoc(b).toJSON());
  });

  it("two concurrent role changes settle on one role, with the text intact", () => {
    const { update } = reconstructionToYDoc(seed);
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(a, update);
    Y.applyUpdate(b, update);

    firstBlock(a).setAttribute("role", "headline");
    firstBlock(b).setAttribute("role", "kicker");
    (firstBlock(b).get(0) as Y.XmlText).insert(0, "BREAKING: ");
    exchange(a, b);

    const [pageA, pageB] = [readPageFromYDoc(a), readPageFromYDoc(b)];
    expect(pageA.toJSON()).toEqual(pageB.toJSON());
    expect(["headline", "kicker"]).toContain(roleOf(pageA.child(0).child(0)));
    expect(pageA.child(0).child(0).textContent).toBe("BREAKING: Council votes");
  });
});
