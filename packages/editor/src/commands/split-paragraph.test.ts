import { roleOf } from "@galley/doc";
import { TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, bylineSpan, caption, doc, headline, p } from "../builder.ts";
import { joinParagraphs, joinParagraphWithNext, splitParagraph } from "./split-paragraph.ts";
import { run } from "./test-helpers.ts";

describe("splitParagraph", () => {
  it("cuts the paragraph at the cursor, sharing out its lines", () => {
    const {
      ok,
      doc: out,
      state,
    } = run(
      doc(article({ id: "a1" }, p({ lines: ["1", "2"], confidence: 0.9 }, "first <a>second"))),
      splitParagraph,
    );
    expect(ok).toBe(true);
    const [a, b] = [out.child(0).child(0), out.child(0).child(1)];
    expect([a.textContent, b.textContent]).toEqual(["first ", "second"]);
    expect(a.attrs.lines).toEqual(["1"]);
    expect(b.attrs.lines).toEqual(["2"]);
    expect(b.attrs.confidence).toBe(0.9);
    expect(state.selection.$from.parent).toBe(b);
  });

  it("keeps a line cut mid-way in both halves", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p({ lines: ["1", "2"] }, "aaa<a>abbbb"))),
      splitParagraph,
    );
    expect(out.child(0).child(0).attrs.lines).toEqual(["1"]);
    expect(out.child(0).child(1).attrs.lines).toEqual(["1", "2"]);
  });

  it("starts a paragraph after the end of a headline", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, headline({ lines: ["1"] }, "Title<a>"))),
      splitParagraph,
    );
    expect(roleOf(out.child(0).child(0))).toBe("headline");
    expect(out.child(0).child(0).attrs.lines).toEqual(["1"]);
    expect(roleOf(out.child(0).child(1))).toBe("paragraph");
    expect(out.child(0).child(1).attrs.lines).toEqual([]);
  });

  it("keeps a caption set apart a caption", () => {
    const { doc: out } = run(doc(caption("pic<a>")), splitParagraph);
    expect([roleOf(out.child(0)), roleOf(out.child(1))]).toEqual(["caption", "caption"]);
  });

  it("replaces a selection", () => {
    const { doc: out } = run(doc(article({ id: "a1" }, p("ab<a>XX<b>cd"))), splitParagraph);
    expect([out.child(0).child(0).textContent, out.child(0).child(1).textContent]).toEqual(["ab", "cd"]);
  });
});

describe("joinParagraphs", () => {
  it("joins the block onto the previous one with a space between Latin words", () => {
    const {
      ok,
      doc: out,
      state,
    } = run(
      doc(
        article(
          { id: "a1" },
          p({ lines: ["1"], confidence: 0.9 }, "one"),
          p({ lines: ["2"], confidence: 0.3 }, "<a>two"),
        ),
      ),
      joinParagraphs,
    );
    expect(ok).toBe(true);
    const block = out.child(0).child(0);
    expect(block.textContent).toBe("one two");
    expect(block.attrs.lines).toEqual(["1", "2"]);
    expect(block.attrs.confidence).toBe(0.3);
    expect(state.selection.$from.parentOffset).toBe(4);
  });

  it("joins CJK text with no space and drops a shared line", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p({ lines: ["1", "2"] }, "科学"), p({ lines: ["2"] }, "<a>导报"))),
      joinParagraphs,
    );
    expect(out.child(0).child(0).textContent).toBe("科学导报");
    expect(out.child(0).child(0).attrs.lines).toEqual(["1", "2"]);
  });

  it("keeps the earlier block's role", () => {
    const { doc: out } = run(doc(article({ id: "a1" }, headline("Big"), p("<a>news"))), joinParagraphs);
    expect(roleOf(out.child(0).child(0))).toBe("headline");
    expect(out.child(0).childCount).toBe(1);
  });

  it("drops inline spans when the earlier block is not a paragraph, keeps them when it is", () => {
    const spansOf = (node: import("prosemirror-model").Node) => {
      const names: string[] = [];
      node.descendants((n) => {
        for (const m of n.marks) names.push(m.type.name);
      });
      return names;
    };
    const onHeadline = run(
      doc(article({ id: "a1" }, headline("Big"), p("<a>news ", bylineSpan("By Ann")))),
      joinParagraphs,
    );
    expect(spansOf(onHeadline.doc)).toEqual([]);
    expect(onHeadline.doc.child(0).child(0).textContent).toBe("Big news By Ann");
    const onParagraph = run(
      doc(article({ id: "a1" }, p("Big"), p("<a>news ", bylineSpan("By Ann")))),
      joinParagraphs,
    );
    expect(spansOf(onParagraph.doc)).toEqual(["byline_span"]);
  });

  it("does not apply away from the start of a block", () => {
    expect(run(doc(article({ id: "a1" }, p("one"), p("t<a>wo"))), joinParagraphs).ok).toBe(false);
  });

  it("does not apply to an article's first block", () => {
    expect(run(doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>y"))), joinParagraphs).ok).toBe(
      false,
    );
  });
});

describe("joinParagraphWithNext", () => {
  it("joins the next block onto the one at the cursor", () => {
    const { ok, doc: out } = run(doc(article({ id: "a1" }, p("one<a>"), p("two"))), joinParagraphWithNext);
    expect(ok).toBe(true);
    expect(out.child(0).child(0).textContent).toBe("one two");
  });

  it("does not apply at the article's last block", () => {
    expect(
      run(doc(article({ id: "a1" }, p("one<a>")), article({ id: "a2" }, p("y"))), joinParagraphWithNext).ok,
    ).toBe(false);
  });
});

describe("splitting then joining", () => {
  const original = (text: string) =>
    doc(article({ id: "a1" }, p({ lines: ["1", "2"], confidence: 0.7 }, text)));

  for (const [script, text] of [
    ["Latin", "re<a>search continues"],
    ["CJK", "科学<a>导报讯"],
    ["Latin at a space", "research <a>continues"],
  ] as const) {
    it(`gives the text back exactly (${script}, Enter then Backspace)`, () => {
      const split = run(original(text), splitParagraph);
      const joined = joinParagraphs(split.state, (tr) => {
        split.state = split.state.apply(tr);
      });
      expect(joined).toBe(true);
      const block = split.state.doc.child(0).child(0);
      expect(split.state.doc.child(0).childCount).toBe(1);
      expect(block.textContent).toBe(text.replace("<a>", ""));
      expect(block.attrs.lines).toEqual(["1", "2"]);
      expect(block.attrs.cutBefore).toBeNull();
      expect(block.attrs.cutAfter).toBeNull();
    });
  }

  it("gives the text back exactly with Delete at the end of the first half", () => {
    const split = run(original("re<a>search"), splitParagraph);
    const { $from } = split.state.selection;
    const head = split.state.apply(
      split.state.tr.setSelection(TextSelection.create(split.state.doc, $from.pos - 2)),
    );
    let state = head;
    expect(joinParagraphWithNext(head, (tr) => (state = head.apply(tr)))).toBe(true);
    expect(state.doc.child(0).child(0).textContent).toBe("research");
  });

  it("still puts a space between Latin blocks that were never one", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p({ lines: ["1"] }, "re"), p({ lines: ["2"] }, "<a>search"))),
      joinParagraphs,
    );
    expect(out.child(0).child(0).textContent).toBe("re search");
  });
});
