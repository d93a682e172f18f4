import { pageSchema } from "@galley/doc";
import { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, doc, p } from "../builder.ts";
import { articleIdsPlugin } from "./article-ids.ts";

function afterChange(node: ReturnType<typeof doc>, canEdit = true) {
  const state = EditorState.create({
    doc: node,
    schema: pageSchema,
    plugins: [articleIdsPlugin(() => canEdit)],
  });
  return state.applyTransaction(state.tr.insertText("!", 3)).state.doc;
}

const ids = (node: import("prosemirror-model").Node) => {
  const out: string[] = [];
  node.forEach((child) => {
    out.push(child.attrs.id as string);
  });
  return out;
};

describe("articleIdsPlugin", () => {
  it("gives an article that lost its id a fresh one", () => {
    const out = ids(afterChange(doc(article({ id: "a1" }, p("x")), article({ id: "" }, p("y")))));
    expect(out[0]).toBe("a1");
    expect(out[1]).toMatch(/^a-[0-9a-z]{8}$/);
  });

  it("gives the later of two articles with one id a fresh one", () => {
    const out = ids(afterChange(doc(article({ id: "a1" }, p("x")), article({ id: "a1" }, p("y")))));
    expect(out[0]).toBe("a1");
    expect(out[1]).not.toBe("a1");
  });

  it("leaves good ids alone", () => {
    expect(ids(afterChange(doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("y")))))).toEqual([
      "a1",
      "a2",
    ]);
  });

  it("repairs nothing in an editor that may not write", () => {
    expect(ids(afterChange(doc(article({ id: "a1" }, p("x")), article({ id: "" }, p("y"))), false))).toEqual([
      "a1",
      "",
    ]);
  });
});
