import { pageSchema } from "@galley/doc";
import { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, doc, p } from "../builder.ts";
import { messagesFor } from "../i18n/messages.ts";
import { articleLabelsKey, articleLabelsPlugin, setLabelMessages } from "./article-labels.ts";

const labels = (state: EditorState) =>
  articleLabelsKey
    .getState(state)!
    .decorations.find()
    .map(
      (d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-status-label"],
    );

describe("articleLabelsPlugin", () => {
  const page = doc(article({ id: "a1", status: "approved" }, p("x")), article({ id: "a2" }, p("y")));

  it("labels every article with its status in the UI language", () => {
    const state = EditorState.create({
      doc: page,
      schema: pageSchema,
      plugins: [articleLabelsPlugin(messagesFor("en"))],
    });
    expect(labels(state)).toEqual(["Approved", "Needs review"]);
  });

  it("relabels when the language changes", () => {
    const state = EditorState.create({
      doc: page,
      schema: pageSchema,
      plugins: [articleLabelsPlugin(messagesFor("en"))],
    });
    const next = state.apply(setLabelMessages(state.tr, messagesFor("zh-CN")));
    expect(labels(next)).toEqual(["已审定", "待审校"]);
  });
});
