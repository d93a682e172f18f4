import { pageSchema } from "@galley/doc";
import { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, caption, doc, headline, p } from "../builder.ts";
import { messagesFor } from "../i18n/messages.ts";
import { articleCards, articleCardsKey, articleCardsPlugin } from "./article-cards.ts";
import { uiStatePlugin } from "./ui-state.ts";

const page = doc(
  article({ id: "a1", status: "approved" }, headline("Harbour bridge reopens"), p("x")),
  caption("pic"),
  article({ id: "a-4ig123nk" }, p("no title")),
  article({ id: "a3" }, headline("One"), headline("Two"), p("y")),
);

describe("articleCards", () => {
  it("names each article by its headline, numbers and colours it, and flags its title", () => {
    const cards = articleCards(page);
    expect(cards.map((c) => [c.number, c.id, c.headline, c.flag, c.status])).toEqual([
      [1, "a1", "Harbour bridge reopens", null, "approved"],
      [2, "a-4ig123nk", null, "none", "needs-review"],
      [3, "a3", "One", "several", "needs-review"],
    ]);
    expect(new Set(cards.map((c) => c.color)).size).toBe(3);
  });
});

describe("articleCardsPlugin", () => {
  it("draws one header per article and a status label on the article", () => {
    const state = EditorState.create({
      doc: page,
      schema: pageSchema,
      plugins: [uiStatePlugin(messagesFor("zh-CN")), articleCardsPlugin()],
    });
    const decorations = articleCardsKey.getState(state)!.find();
    const labels = decorations
      .map(
        (d) =>
          (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.["data-status-label"],
      )
      .filter(Boolean);
    expect(labels).toEqual(["已审定", "待审校", "待审校"]);
    expect(decorations.length).toBe(6);
  });
});
