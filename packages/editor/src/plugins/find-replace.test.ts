import { pageSchema } from "@galley/doc";
import { EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, doc, p, type TaggedNode } from "../builder.ts";
import {
  findMatches,
  findNext,
  findPrevious,
  replaceAll,
  replaceNext,
  searchKey,
  searchPlugin,
  setSearch,
} from "./find-replace.ts";

function searching(node: TaggedNode, query: string): EditorState {
  let state = EditorState.create({ doc: node, schema: pageSchema, plugins: [searchPlugin()] });
  setSearch(query)(state, (tr: Transaction) => {
    state = state.apply(tr);
  });
  return state;
}

function exec(
  state: EditorState,
  command: (s: EditorState, d?: (tr: Transaction) => void) => boolean,
): EditorState {
  let next = state;
  command(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
}

const page = doc(article({ id: "a1" }, p("Teh cat and teh dog"), p("科学导报 科学")));

describe("findMatches", () => {
  it("finds every match in every block, ignoring case by default", () => {
    expect(findMatches(page, "teh").length).toBe(2);
    expect(findMatches(page, "teh", true).length).toBe(1);
    expect(findMatches(page, "科学").length).toBe(2);
  });

  it("finds nothing for an empty query", () => {
    expect(findMatches(page, "")).toEqual([]);
  });
});

describe("searchPlugin", () => {
  it("decorates each match", () => {
    const state = searching(page, "teh");
    expect(searchKey.getState(state)!.decorations.find().length).toBe(2);
  });

  it("recomputes matches as the text changes", () => {
    const state = searching(page, "teh");
    const next = state.apply(state.tr.insertText("teh ", 2));
    expect(searchKey.getState(next)!.matches.length).toBe(3);
  });
});

describe("findNext / findPrevious", () => {
  it("selects the next match and wraps around", () => {
    let state = exec(searching(page, "teh"), findNext);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe("Teh");
    state = exec(state, findNext);
    expect(state.selection.from).toBe(findMatches(page, "teh")[1]!.from);
    state = exec(state, findNext);
    expect(state.selection.from).toBe(findMatches(page, "teh")[0]!.from);
    state = exec(state, findPrevious);
    expect(state.selection.from).toBe(findMatches(page, "teh")[1]!.from);
  });

  it("does not apply without matches", () => {
    expect(findNext(searching(page, "zebra"))).toBe(false);
  });
});

describe("replaceNext", () => {
  it("selects the first match, then replaces it and moves on", () => {
    let state = exec(searching(page, "teh"), replaceNext("the"));
    expect(state.doc.textContent).toContain("Teh cat");
    state = exec(state, replaceNext("the"));
    expect(state.doc.child(0).child(0).textContent).toBe("the cat and teh dog");
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe("teh");
  });
});

describe("replaceAll", () => {
  it("replaces every match in one step", () => {
    const state = searching(page, "科学");
    const next = exec(state, replaceAll("化学"));
    expect(next.doc.child(0).child(1).textContent).toBe("化学导报 化学");
    expect(searchKey.getState(next)!.matches.length).toBe(0);
  });

  it("does not apply without matches", () => {
    expect(replaceAll("x")(searching(page, "zebra"))).toBe(false);
  });
});
