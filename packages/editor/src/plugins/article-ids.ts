import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { newArticleId } from "../article-id.ts";

/**
 * Keeps every article id present and unique. Collaboration can break that without anyone
 * meaning to: undoing a split after someone else typed into the new article keeps the article
 * (its text is theirs) but takes back the id the split had given it. When a change leaves an
 * article without an id, or with the id of an article before it, this plugin gives it a fresh
 * one in a follow-up transaction kept out of undo history. `canEdit` says whether this editor may
 * write (a viewer leaves the repair to someone who can).
 */

/** Key of the article-ids plugin. */
export const articleIdsKey = new PluginKey("galley-article-ids");

/** The article-ids plugin (see the file comment). */
export function articleIdsPlugin(canEdit: () => boolean = () => true): Plugin {
  return new Plugin({
    key: articleIdsKey,
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged) || !canEdit()) return null;
      const seen = new Set<string>();
      let tr: Transaction | null = null;
      state.doc.forEach((node, pos) => {
        if (node.type.name !== "article") return;
        const id = node.attrs.id as string;
        if (id && !seen.has(id)) {
          seen.add(id);
          return;
        }
        const fresh = newArticleId();
        seen.add(fresh);
        tr ??= state.tr;
        tr.setNodeAttribute(pos, "id", fresh);
      });
      return tr ? (tr as Transaction).setMeta("addToHistory", false) : null;
    },
  });
}
