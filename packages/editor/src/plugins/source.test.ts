import { pageSchema } from "@galley/doc";
import { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, doc, p } from "../builder.ts";
import { lineTextsOf, setHighlightedLines, setSourceLines, sourceKey, sourcePlugin } from "./source.ts";

const page = doc(article({ id: "a1" }, p({ lines: ["1", "2"] }, "one two"), p({ lines: ["3"] }, "three")));
const fresh = () => EditorState.create({ doc: page, schema: pageSchema, plugins: [sourcePlugin()] });

describe("sourcePlugin", () => {
  it("holds the source lines set on a transaction", () => {
    const state = fresh();
    const next = state.apply(setSourceLines(state.tr, [{ id: "1", text: "one" }]));
    expect(lineTextsOf(next)).toEqual(new Map([["1", "one"]]));
    expect(lineTextsOf(state)).toBe(undefined);
  });

  it("highlights the blocks that came from the given lines", () => {
    const state = fresh();
    const next = state.apply(setHighlightedLines(state.tr, ["2"]));
    const found = sourceKey.getState(next)!.decorations.find();
    expect(found.length).toBe(1);
    expect(next.doc.nodeAt(found[0]!.from)!.textContent).toBe("one two");
  });

  it("clears the highlight with an empty list", () => {
    const state = fresh();
    const lit = state.apply(setHighlightedLines(state.tr, ["3"]));
    expect(sourceKey.getState(lit.apply(setHighlightedLines(lit.tr, [])))!.decorations.find()).toEqual([]);
  });
});
