import { type ArticleStatus, articleStatuses } from "@galley/doc";
import type { Command } from "prosemirror-state";
import { findArticle } from "../blocks.ts";

/**
 * Sets the editorial status (`needs-review`, `corrected`, `approved`) of the article at the
 * cursor. Not applicable (false) outside an article or when it already has that status.
 */
export function setArticleStatus(status: ArticleStatus): Command {
  if (!(articleStatuses as readonly string[]).includes(status)) {
    throw new RangeError(`unknown article status: ${String(status)}`);
  }
  return (state, dispatch) => {
    const article = findArticle(state.selection.$from);
    if (!article || article.node.attrs.status === status) return false;
    if (dispatch) dispatch(state.tr.setNodeAttribute(article.pos, "status", status));
    return true;
  };
}
