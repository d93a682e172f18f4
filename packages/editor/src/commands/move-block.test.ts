import { roleOf } from "@galley/doc";
import { describe, expect, it } from "vitest";
import { article, caption, doc, headline, p } from "../builder.ts";
import { moveBlockToNextArticle, moveBlockToPreviousArticle } from "./move-block.ts";
import { run } from "./test-helpers.ts";

describe("moveBlockToPreviousArticle", () => {
  it("moves the block to the end of the previous article", () => {
    const {
      ok,
      doc: out,
      state,
    } = run(
      doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, headline("H"), p("st<a>ray"), p("z"))),
      moveBlockToPreviousArticle,
    );
    expect(ok).toBe(true);
    expect(out.child(0).textContent).toBe("xstray");
    expect(out.child(1).textContent).toBe("Hz");
    expect(state.selection.$from.parent.textContent).toBe("stray");
    expect(state.selection.$from.parentOffset).toBe(2);
  });

  it("moves every selected block of one article as a run", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>m"), p("n<b>"), p("z"))),
      moveBlockToPreviousArticle,
    );
    expect(out.child(0).textContent).toBe("xmn");
    expect(out.child(1).textContent).toBe("z");
  });

  it("removes an article left empty", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>only"))),
      moveBlockToPreviousArticle,
    );
    expect(out.childCount).toBe(1);
    expect(out.child(0).textContent).toBe("xonly");
  });

  it("takes a caption set apart into the article before it", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("x")), caption("<a>pic")),
      moveBlockToPreviousArticle,
    );
    expect(out.childCount).toBe(1);
    expect(roleOf(out.child(0).lastChild!)).toBe("caption");
  });

  it("does not apply in the first article", () => {
    expect(
      run(doc(article({ id: "a1" }, p("<a>x")), article({ id: "a2" }, p("y"))), moveBlockToPreviousArticle)
        .ok,
    ).toBe(false);
  });
});

describe("moveBlockToNextArticle", () => {
  it("moves the block to the start of the next article", () => {
    const {
      ok,
      doc: out,
      state,
    } = run(
      doc(article({ id: "a1" }, p("x"), p("<a>stray")), article({ id: "a2" }, headline("H"))),
      moveBlockToNextArticle,
    );
    expect(ok).toBe(true);
    expect(out.child(0).textContent).toBe("x");
    expect(out.child(1).textContent).toBe("strayH");
    expect(state.selection.$from.parent.textContent).toBe("stray");
  });

  it("removes an article left empty", () => {
    const { doc: out, state } = run(
      doc(article({ id: "a1" }, p("o<a>nly")), article({ id: "a2" }, p("y"))),
      moveBlockToNextArticle,
    );
    expect(out.childCount).toBe(1);
    expect(out.child(0).attrs.id).toBe("a2");
    expect(out.child(0).textContent).toBe("onlyy");
    expect(state.selection.$from.parentOffset).toBe(1);
  });

  it("does not apply in the last article", () => {
    expect(
      run(doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>y"))), moveBlockToNextArticle).ok,
    ).toBe(false);
  });
});
