import { type Command, TextSelection } from "prosemirror-state";
import { findArticle, siblingArticle } from "../blocks.ts";

/**
 * Merges the article at the cursor into the nearest article before it: its blocks are appended
 * to that article, which keeps its own id and status; the merged article disappears. Captions
 * or furniture set apart between the two stay where they are (after the merged article).
 * Not applicable (false) outside an article or when no article precedes it.
 * The cursor keeps its place in the text.
 */
export const mergeArticleWithPrevious: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const article = findArticle($from);
  if (!article) return false;
  const previous = siblingArticle(state.doc, article.index, -1);
  if (!previous) return false;
  if (!dispatch) return true;

  const offsetInArticle = $from.pos - article.pos;
  const merged = previous.node.type.create(
    previous.node.attrs,
    previous.node.content.append(article.node.content),
  );
  const tr = state.tr;
  tr.delete(article.pos, article.pos + article.node.nodeSize);
  tr.replaceWith(previous.pos, previous.pos + previous.node.nodeSize, merged);
  // In the merged article, this article's content starts where the previous one's ended.
  const cursor = previous.pos + previous.node.nodeSize - 1 + offsetInArticle - 1;
  tr.setSelection(TextSelection.create(tr.doc, cursor)).scrollIntoView();
  dispatch(tr);
  return true;
};
