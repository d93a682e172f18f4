import { roleOf } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { article, byline, caption, doc, headline, kicker, p, subheadline } from "../builder.ts";
import { giveTitleToNextArticle, giveTitleToPreviousArticle } from "./give-title.ts";
import { run } from "./test-helpers.ts";

const shape = (article: Node) => {
  const out: string[] = [];
  article.forEach((b) => {
    out.push(`${roleOf(b)}:${b.textContent}`);
  });
  return out;
};

describe("giveTitleToPreviousArticle", () => {
  it("puts the headline at the top of the previous article, not after its byline", () => {
    const {
      ok,
      doc: out,
      state,
    } = run(
      doc(
        article({ id: "a2" }, p("body two"), byline("By Ann")),
        article({ id: "a3" }, kicker("Kick"), headline("Hea<a>d"), p("body three")),
      ),
      giveTitleToPreviousArticle,
    );
    expect(ok).toBe(true);
    expect(shape(out.child(0))).toEqual([
      "kicker:Kick",
      "headline:Head",
      "paragraph:body two",
      "byline:By Ann",
    ]);
    expect(shape(out.child(1))).toEqual(["paragraph:body three"]);
    expect(state.selection.$from.parent.textContent).toBe("Head");
    expect(state.selection.$from.parentOffset).toBe(3);
  });

  it("keeps kicker → headline → deck order when the target has a title of its own", () => {
    const { doc: out } = run(
      doc(
        article({ id: "a1" }, headline("Own"), subheadline("Own deck"), p("x")),
        article({ id: "a2" }, kicker("<a>Kick"), p("y")),
      ),
      giveTitleToPreviousArticle,
    );
    expect(shape(out.child(0))).toEqual([
      "kicker:Kick",
      "headline:Own",
      "subheadline:Own deck",
      "paragraph:x",
    ]);
  });

  it("removes an article left with nothing, and skips captions set apart", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("x")), caption("pic"), article({ id: "a2" }, headline("<a>Lone"))),
      giveTitleToPreviousArticle,
    );
    expect(out.childCount).toBe(2);
    expect(shape(out.child(0))).toEqual(["headline:Lone", "paragraph:x"]);
    expect(roleOf(out.child(1))).toBe("caption");
  });

  it("does not apply to a paragraph or at the first article", () => {
    expect(
      run(doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>y"))), giveTitleToPreviousArticle)
        .ok,
    ).toBe(false);
    expect(run(doc(article({ id: "a1" }, headline("<a>T"), p("x"))), giveTitleToPreviousArticle).ok).toBe(
      false,
    );
  });
});

describe("the title that moves", () => {
  it("is one headline with its kicker and deck, never a second headline beside it", () => {
    const { doc: out } = run(
      doc(
        article(
          { id: "a2" },
          headline("Own"),
          kicker("K"),
          headline("Str<a>ay"),
          subheadline("Deck"),
          p("x"),
        ),
        article({ id: "a3" }, p("y")),
      ),
      giveTitleToNextArticle,
    );
    expect(shape(out.child(0))).toEqual(["headline:Own", "paragraph:x"]);
    expect(shape(out.child(1))).toEqual(["kicker:K", "headline:Stray", "subheadline:Deck", "paragraph:y"]);
  });
});

describe("giveTitleToNextArticle", () => {
  it("puts a stray headline into the next article's title, before its own headline", () => {
    const { doc: out, state } = run(
      doc(
        article({ id: "a1" }, p("x"), headline("Str<a>ay")),
        article({ id: "a2" }, kicker("K"), headline("Theirs"), p("y")),
      ),
      giveTitleToNextArticle,
    );
    expect(shape(out.child(0))).toEqual(["paragraph:x"]);
    expect(shape(out.child(1))).toEqual(["kicker:K", "headline:Stray", "headline:Theirs", "paragraph:y"]);
    expect(state.selection.$from.parent.textContent).toBe("Stray");
  });
});
