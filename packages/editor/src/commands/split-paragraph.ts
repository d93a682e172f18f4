import { attrsForRole, roleOf } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { type Command, type EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { findBlock } from "../blocks.ts";
import { cutBlock } from "./cut-block.ts";
import { joinTextBlocks } from "./join-blocks.ts";

/**
 * Splitting and joining text blocks with their source lines kept sensible: a split gives each
 * half the lines its text came from; a join takes both blocks' lines (without repeating one
 * they shared) and the lower confidence.
 */

/**
 * Splits the text block at the cursor (deleting a selection first). Both halves keep the role,
 * except at the end of a title block, where the new block is a paragraph (if allowed there).
 * Not applicable (false) outside a text block.
 */
export const splitParagraph: Command = (state, dispatch) => {
  if (!findBlock(state.selection.$from) || !findBlock(state.selection.$to)) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const block = findBlock(tr.selection.$from);
  if (!block) return false;
  const offset = tr.selection.$from.pos - block.pos - 1;
  const [head, cutTail] = cutBlock(state, block.node, offset);
  let tail = cutTail;
  if (offset === block.node.content.size && roleOf(block.node) !== "paragraph") {
    // Enter after a headline starts the body; a caption set apart at page level stays one.
    if (block.parent.type.name === "article") tail = block.node.type.create(attrsForRole("paragraph", {}));
  }
  tr.replaceWith(block.pos, block.pos + block.node.nodeSize, [head, tail]);
  tr.setSelection(TextSelection.create(tr.doc, block.pos + head.nodeSize + 1));
  dispatch(tr.scrollIntoView());
  return true;
};

/**
 * Joins the text block at the cursor onto the one before it in the same article (or both set
 * apart at page level), when the cursor is at the block's start: the Backspace of the page.
 * The joined block keeps the earlier block's role; see `joinTextBlocks` for the text (a block
 * cut by Enter joins back exactly). Not applicable (false) elsewhere.
 */
export const joinParagraphs: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const block = findBlock($from);
  if (!empty || !block || $from.parentOffset !== 0 || block.index === 0) return false;
  const previous = block.parent.child(block.index - 1);
  if (!previous.isTextblock) return false;
  return joinBlocks(state, block.pos - previous.nodeSize, previous, block.node, dispatch);
};

/**
 * Joins the next text block onto the one at the cursor, when the cursor is at the block's
 * end: the Delete of the page. Not applicable (false) elsewhere.
 */
export const joinParagraphWithNext: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const block = findBlock($from);
  if (!empty || !block || $from.parentOffset !== block.node.content.size) return false;
  if (block.index + 1 >= block.parent.childCount) return false;
  const next = block.parent.child(block.index + 1);
  if (!next.isTextblock) return false;
  return joinBlocks(state, block.pos, block.node, next, dispatch);
};

function joinBlocks(
  state: EditorState,
  pos: number,
  first: Node,
  second: Node,
  dispatch?: (tr: Transaction) => void,
): boolean {
  if (!dispatch) return true;
  const { node, secondAt } = joinTextBlocks(first, second);
  const tr = state.tr.replaceWith(pos, pos + first.nodeSize + second.nodeSize, node);
  tr.setSelection(TextSelection.create(tr.doc, pos + 1 + secondAt));
  dispatch(tr.scrollIntoView());
  return true;
}
