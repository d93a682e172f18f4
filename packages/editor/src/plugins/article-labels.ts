import type { ArticleStatus } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Messages } from "../i18n/messages.ts";

/**
 * Labels each article card with its status in the UI language: a node decoration adds
 * `data-status-label` (shown by the stylesheet), so the stored `status` stays the same in every
 * language. The catalogue is swapped with `setLabelMessages`.
 */

interface LabelState {
  messages: Messages;
  decorations: DecorationSet;
}

/** Key of the article-labels plugin. */
export const articleLabelsKey = new PluginKey<LabelState>("galley-article-labels");

function decorate(doc: Node, messages: Messages): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name !== "article") return;
    const label = messages[`status.${node.attrs.status as ArticleStatus}`] ?? String(node.attrs.status);
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-status-label": label }));
  });
  return DecorationSet.create(doc, decorations);
}

/** Switches the labels to another catalogue (kept out of undo history). */
export function setLabelMessages(tr: Transaction, messages: Messages): Transaction {
  return tr.setMeta(articleLabelsKey, messages).setMeta("addToHistory", false);
}

/** The article-labels plugin. */
export function articleLabelsPlugin(messages: Messages): Plugin<LabelState> {
  return new Plugin<LabelState>({
    key: articleLabelsKey,
    state: {
      init: (_config, state) => ({ messages, decorations: decorate(state.doc, messages) }),
      apply(tr, value) {
        const next = tr.getMeta(articleLabelsKey) as Messages | undefined;
        if (!next && !tr.docChanged) return value;
        const current = next ?? value.messages;
        return { messages: current, decorations: decorate(tr.doc, current) };
      },
    },
    props: {
      decorations: (state) => articleLabelsKey.getState(state)?.decorations,
    },
  });
}
