import { Fragment } from "prosemirror-model";
import { type Command, type EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { findBlock, siblingArticle } from "../blocks.ts";

/**
 * Moving the selected blocks into the neighbouring article: the reconstruction put a paragraph
 * (or a caption) in the wrong story. The blocks from the one holding the selection's start to
 * the one holding its end (when both share a parent) move as a run, keeping their roles and
 * attrs. An article left empty disappears. Not applicable (false) when there is no article in
 * that direction.
 */

/** Moves the selected blocks to the end of the previous article. */
export const moveBlockToPreviousArticle: Command = (state, dispatch) => moveBlocks(state, -1, dispatch);

/** Moves the selected blocks to the start of the next article. */
export const moveBlockToNextArticle: Command = (state, dispatch) => moveBlocks(state, 1, dispatch);

function moveBlocks(state: EditorState, dir: -1 | 1, dispatch?: (tr: Transaction) => void): boolean {
  const { $from, $to } = state.selection;
  const first = findBlock($from);
  if (!first) return false;
  const last = findBlock($to);
  const end = last && last.parent === first.parent ? last : first;
  const inArticle = first.parent.type.name === "article";
  // The run's place among the page's children: its article's, or its own when set apart.
  const pageIndex = inArticle ? $from.index(0) : first.index;
  const target = siblingArticle(state.doc, pageIndex, dir);
  if (!target) return false;
  if (!dispatch) return true;

  const runFrom = first.pos;
  const runTo = end.pos + end.node.nodeSize;
  const run = state.doc.slice(runFrom, runTo).content;
  const emptiesArticle = inArticle && first.index === 0 && end.index === first.parent.childCount - 1;
  // Removing the run, or its whole article when nothing else is left in it.
  const removeFrom = emptiesArticle ? $from.before(1) : runFrom;
  const removeTo = emptiesArticle ? $from.after(1) : runTo;

  const tr = state.tr;
  let at: number;
  if (dir === -1) {
    tr.delete(removeFrom, removeTo);
    at = target.pos + target.node.nodeSize - 1;
    tr.insert(at, Fragment.from(run));
  } else {
    at = target.pos + 1;
    tr.insert(at, Fragment.from(run));
    tr.delete(removeFrom, removeTo);
    at -= removeTo - removeFrom;
  }
  const shift = at - runFrom;
  tr.setSelection(
    TextSelection.create(tr.doc, $from.pos + shift, $to.pos <= runTo ? $to.pos + shift : $from.pos + shift),
  );
  dispatch(tr.scrollIntoView());
  return true;
}
