import { Fragment, type Node } from "prosemirror-model";
import { type Command, TextSelection } from "prosemirror-state";
import { findArticle, siblingArticle } from "../blocks.ts";
import { isCutPair, joinTextBlocks } from "./join-blocks.ts";

/**
 * Merges the article at the cursor into the nearest article before it: its blocks are appended
 * to that article, which keeps its own id and status; the merged article disappears. Captions
 * or furniture set apart between the two stay where they are (after the merged article). When
 * the previous article ends with the first half of a block that splitting the article cut in
 * two and this one starts with the second half, the halves are joined back exactly (see
 * `joinTextBlocks`), so split then merge gives the page back as it was.
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

  // Where the cursor is: the index of its block in this article and its offset in that block.
  const blockIndex = $from.index(1);
  const offset = $from.parentOffset;
  const last = previous.node.lastChild!;
  const first = article.node.firstChild!;
  const blocks: Node[] = [];
  previous.node.forEach((child) => {
    blocks.push(child);
  });
  article.node.forEach((child) => {
    blocks.push(child);
  });
  let joinedAt: number | null = null;
  if (isCutPair(last, first)) {
    const { node, secondAt } = joinTextBlocks(last, first);
    blocks.splice(previous.node.childCount - 1, 2, node);
    joinedAt = secondAt;
  }
  const merged = previous.node.type.create(previous.node.attrs, Fragment.from(blocks));
  const tr = state.tr;
  tr.delete(article.pos, article.pos + article.node.nodeSize);
  tr.replaceWith(previous.pos, previous.pos + previous.node.nodeSize, merged);
  // The cursor's block, counted in the merged article, and its offset there.
  let index = previous.node.childCount + blockIndex;
  let at = offset;
  if (joinedAt !== null) {
    index -= 1;
    if (blockIndex === 0) at += joinedAt;
  }
  let pos = previous.pos + 1;
  for (let i = 0; i < index; i++) pos += merged.child(i).nodeSize;
  tr.setSelection(TextSelection.create(tr.doc, pos + 1 + at)).scrollIntoView();
  dispatch(tr);
  return true;
};
