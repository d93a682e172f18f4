import { roleOf } from "@galley/doc";
import { describe, expect, it } from "vitest";
import { article, caption, doc, p } from "../builder.ts";
import { moveArticleDown, moveArticleUp } from "./move-article.ts";
import { run } from "./test-helpers.ts";

const ids = (node: import("prosemirror-model").Node) => {
  const out: string[] = [];
  node.forEach((child) => {
    out.push(child.type.name === "article" ? child.attrs.id : (roleOf(child) ?? child.type.name));
  });
  return out;
};

describe("moveArticleUp", () => {
  it("swaps the article with the previous one, keeping the cursor in it", () => {
    const {
      ok,
      doc: out,
      state,
    } = run(doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("y<a>y"))), moveArticleUp);
    expect(ok).toBe(true);
    expect(ids(out)).toEqual(["a2", "a1"]);
    expect(state.selection.$from.node(1).attrs.id).toBe("a2");
    expect(state.selection.$from.parentOffset).toBe(1);
  });

  it("leaves captions set apart where they are", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("x")), caption("c"), article({ id: "a2" }, p("<a>y"))),
      moveArticleUp,
    );
    expect(ids(out)).toEqual(["a2", "a1", "caption"]);
  });

  it("does not apply to the first article", () => {
    expect(run(doc(article({ id: "a1" }, p("<a>x")), article({ id: "a2" }, p("y"))), moveArticleUp).ok).toBe(
      false,
    );
  });
});

describe("moveArticleDown", () => {
  it("swaps the article with the next one, keeping the cursor in it", () => {
    const { doc: out, state } = run(
      doc(article({ id: "a1" }, p("x<a>x")), article({ id: "a2" }, p("y")), article({ id: "a3" }, p("z"))),
      moveArticleDown,
    );
    expect(ids(out)).toEqual(["a2", "a1", "a3"]);
    expect(state.selection.$from.node(1).attrs.id).toBe("a1");
    expect(state.selection.$from.parentOffset).toBe(1);
  });

  it("does not apply to the last article", () => {
    expect(
      run(doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>y"))), moveArticleDown).ok,
    ).toBe(false);
  });
});
