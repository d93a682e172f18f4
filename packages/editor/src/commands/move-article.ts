import type { Command, EditorState, Transaction } from "prosemirror-state";
import { TextSelection } from "prosemirror-state";
import { findArticle, siblingArticle } from "../blocks.ts";

/**
 * Reordering articles: the article at the cursor changes places with the nearest article before
 * (up) or after (down) it; captions or furniture set apart stay where they are. The cursor
 * keeps its place in the moved article. Not applicable (false) at the first (last) article or
 * outside an article.
 */

/** Moves the article at the cursor before the previous article. */
export const moveArticleUp: Command = (state, dispatch) => moveArticle(state, -1, dispatch);

/** Moves the article at the cursor after the next article. */
export const moveArticleDown: Command = (state, dispatch) => moveArticle(state, 1, dispatch);

function moveArticle(state: EditorState, dir: -1 | 1, dispatch?: (tr: Transaction) => void): boolean {
  const { $from, $to } = state.selection;
  const article = findArticle($from);
  if (!article) return false;
  const other = siblingArticle(state.doc, article.index, dir);
  if (!other) return false;
  if (!dispatch) return true;

  const size = article.node.nodeSize;
  const tr = state.tr;
  let at: number;
  if (dir === -1) {
    tr.delete(article.pos, article.pos + size);
    at = other.pos;
    tr.insert(at, article.node);
  } else {
    at = other.pos + other.node.nodeSize;
    tr.insert(at, article.node);
    tr.delete(article.pos, article.pos + size);
    at -= size;
  }
  const shift = at - article.pos;
  const head = $to.pos < article.pos + size ? $to.pos + shift : $from.pos + shift;
  tr.setSelection(TextSelection.create(tr.doc, $from.pos + shift, head));
  dispatch(tr.scrollIntoView());
  return true;
}
