import { roleOf } from "@galley/doc";
import { describe, expect, it } from "vitest";
import { article, caption, doc, headline, p } from "../builder.ts";
import { splitArticle } from "./split-article.ts";
import { run } from "./test-helpers.ts";

describe("splitArticle", () => {
  it("moves the blocks from the cursor's block on into a new article after it", () => {
    const { ok, doc: out } = run(
      doc(article({ id: "a1" }, headline("One"), p("Body one"), headline("<a>Two"), p("Body two"))),
      splitArticle,
    );
    expect(ok).toBe(true);
    expect(out.childCount).toBe(2);
    expect(out.child(0).attrs.id).toBe("a1");
    expect(out.child(0).textContent).toBe("OneBody one");
    expect(out.child(1).textContent).toBe("TwoBody two");
    expect(roleOf(out.child(1).child(0))).toBe("headline");
  });

  it("gives the new article a fresh random id and needs-review status", () => {
    const { doc: out } = run(doc(article({ id: "a1", status: "approved" }, p("x"), p("<a>y"))), splitArticle);
    expect(out.child(1).attrs.id).toMatch(/^a-[0-9a-z]{8}$/);
    expect(out.child(1).attrs.status).toBe("needs-review");
    expect(out.child(0).attrs.status).toBe("approved");
  });

  it("never gives two splits the same id", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { doc: out } = run(doc(article({ id: "a1" }, p("x"), p("<a>y"))), splitArticle);
      ids.add(out.child(1).attrs.id as string);
    }
    expect(ids.size).toBe(50);
  });

  it("cuts a block in the middle, sharing out its source lines", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p({ lines: ["1", "2", "3", "4"], confidence: 0.7 }, "aaaabbbb<a>ccccdddd"))),
      splitArticle,
    );
    expect(out.child(0).child(0).textContent).toBe("aaaabbbb");
    expect(out.child(0).child(0).attrs.lines).toEqual(["1", "2"]);
    expect(out.child(1).child(0).textContent).toBe("ccccdddd");
    expect(out.child(1).child(0).attrs.lines).toEqual(["3", "4"]);
    expect(out.child(1).child(0).attrs.confidence).toBe(0.7);
  });

  it("starts a new article with an empty paragraph at the end of the last block", () => {
    const { doc: out } = run(doc(article({ id: "a1" }, p("x<a>"))), splitArticle);
    expect(out.childCount).toBe(2);
    expect(roleOf(out.child(1).child(0))).toBe("paragraph");
    expect(out.child(1).textContent).toBe("");
  });

  it("puts the cursor at the start of the new article", () => {
    const { state } = run(doc(article({ id: "a1" }, p("x"), p("<a>y"))), splitArticle);
    expect(state.selection.$from.parent.textContent).toBe("y");
    expect(state.selection.$from.parentOffset).toBe(0);
    expect(state.selection.$from.node(1)).toBe(state.doc.child(1));
  });

  it("does not apply at the very start of an article", () => {
    expect(run(doc(article({ id: "a1" }, p("<a>x"), p("y"))), splitArticle).ok).toBe(false);
  });

  it("does not apply outside an article", () => {
    expect(run(doc(article({ id: "a1" }, p("x")), caption("<a>set apart")), splitArticle).ok).toBe(false);
  });
});
