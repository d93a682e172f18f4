import { roleOf } from "@galley/doc";
import { describe, expect, it } from "vitest";
import { article, caption, doc, headline, p } from "../builder.ts";
import { mergeArticleWithPrevious } from "./merge-article.ts";
import { splitArticle } from "./split-article.ts";
import { run, tagAtCursor } from "./test-helpers.ts";

describe("mergeArticleWithPrevious", () => {
  it("appends the article's blocks to the previous article", () => {
    const { ok, doc: out } = run(
      doc(article({ id: "a1" }, headline("One"), p("x")), article({ id: "a2" }, p("<a>y"), p("z"))),
      mergeArticleWithPrevious,
    );
    expect(ok).toBe(true);
    expect(out.childCount).toBe(1);
    expect(out.child(0).attrs.id).toBe("a1");
    expect(out.child(0).childCount).toBe(4);
    expect(out.child(0).textContent).toBe("Onexyz");
  });

  it("keeps the cursor on the same text", () => {
    const { state } = run(
      doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("ab<a>cd"))),
      mergeArticleWithPrevious,
    );
    expect(state.selection.$from.parent.textContent).toBe("abcd");
    expect(state.selection.$from.parentOffset).toBe(2);
  });

  it("skips a caption set apart between the two articles", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("x")), caption("pic"), article({ id: "a2" }, p("<a>y"))),
      mergeArticleWithPrevious,
    );
    expect(out.childCount).toBe(2);
    expect(out.child(0).textContent).toBe("xy");
    expect(roleOf(out.child(1))).toBe("caption");
  });

  it("does not apply to the first article", () => {
    expect(
      run(doc(article({ id: "a1" }, p("<a>x")), article({ id: "a2" }, p("y"))), mergeArticleWithPrevious).ok,
    ).toBe(false);
  });

  it("does not apply outside an article", () => {
    expect(run(doc(article({ id: "a1" }, p("x")), caption("<a>c")), mergeArticleWithPrevious).ok).toBe(false);
  });
});

describe("splitting an article then merging it back", () => {
  for (const [script, text] of [
    ["Latin", "re<a>search goes on"],
    ["CJK", "本市今日<a>召开科技大会"],
  ] as const) {
    it(`gives the page back as it was (${script})`, () => {
      const before = doc(
        article({ id: "a1" }, headline("Title"), p({ lines: ["2", "3"] }, text), p({ lines: ["4"] }, "next")),
      );
      const split = run(before, splitArticle);
      expect(split.doc.childCount).toBe(2);
      const merged = run(tagAtCursor(split.state), mergeArticleWithPrevious);
      expect(merged.doc.toJSON()).toEqual(before.toJSON());
    });
  }
});
