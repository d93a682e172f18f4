import { attrsForRole, blockNodeName } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { type Command, TextSelection } from "prosemirror-state";
import { newArticleId } from "../article-id.ts";
import { findArticle, findBlock } from "../blocks.ts";
import { cutBlock } from "./cut-block.ts";

/**
 * Splits the article at the cursor: everything from the cursor on becomes a new article placed
 * right after it, with a fresh random id (see `newArticleId`) and status `needs-review`.
 * A cursor at the start of a block splits before that block; inside a block, the block is cut
 * in two (each half keeps its share of the source lines); at the end of the article's last
 * block, the new article starts with an empty paragraph. Not applicable (false) outside an
 * article, or at the very start of an article (nothing would stay behind).
 * The cursor ends at the start of the new article.
 */
export const splitArticle: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const article = findArticle($from);
  const block = findBlock($from);
  if (!article || !block || block.parent !== article.node) return false;
  const offset = $from.pos - block.pos - 1;
  const atStart = offset === 0;
  if (atStart && block.index === 0) return false;
  if (!dispatch) return true;

  const before: Node[] = [];
  const after: Node[] = [];
  article.node.forEach((child, _offset, index) => {
    if (index < block.index) before.push(child);
    else if (index > block.index) after.push(child);
  });
  if (atStart) after.unshift(block.node);
  else if (offset >= block.node.content.size) before.push(block.node);
  else {
    const [head, tail] = cutBlock(state, block.node, offset);
    before.push(head);
    after.unshift(tail);
  }
  if (after.length === 0) {
    after.push(state.schema.nodes[blockNodeName]!.create(attrsForRole("paragraph", {})));
  }
  const first = article.node.type.create(article.node.attrs, before);
  const second = article.node.type.create(
    { id: newArticleId(), status: "needs-review", confidence: article.node.attrs.confidence },
    after,
  );
  const tr = state.tr.replaceWith(article.pos, article.pos + article.node.nodeSize, [first, second]);
  const cursor = article.pos + first.nodeSize + 2;
  tr.setSelection(TextSelection.create(tr.doc, cursor)).scrollIntoView();
  dispatch(tr);
  return true;
};
