import { roleOf } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { type Command, type EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { findArticle, findBlock, siblingArticle } from "../blocks.ts";
import { isTitleBlock, titleRank } from "../titles.ts";

/**
 * Giving a title to the neighbouring article: the reconstruction attached a kicker, headline or
 * deck to the wrong story. The title at the cursor — the run of title blocks (kicker, headline,
 * subheadline) around the cursor's block — leaves its article and joins the title at the top of
 * the previous (next) article, kept in kicker → headline → subheadline order; a title coming
 * from below goes after the target's own blocks of the same role, one from above before them.
 * An article left empty disappears. The cursor stays in the moved block. Not applicable (false)
 * outside a title block or when there is no article in that direction.
 * The title is the run of
 * title blocks around the cursor in kicker → headline → subheadline order holding at most one
 * headline, so a second headline standing in an article leaves alone. An article may end with
 * two headlines: the doubt round (F8) flags it.
 */

/** Gives the title at the cursor to the previous article. */
export const giveTitleToPreviousArticle: Command = (state, dispatch) => giveTitle(state, -1, dispatch);

/** Gives the title at the cursor to the next article. */
export const giveTitleToNextArticle: Command = (state, dispatch) => giveTitle(state, 1, dispatch);

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  node.forEach((child) => {
    out.push(child);
  });
  return out;
}

function giveTitle(state: EditorState, dir: -1 | 1, dispatch?: (tr: Transaction) => void): boolean {
  const { $from } = state.selection;
  const article = findArticle($from);
  const block = findBlock($from);
  if (!article || !block || block.parent !== article.node || !isTitleBlock(block.node)) return false;
  const target = siblingArticle(state.doc, article.index, dir);
  if (!target) return false;
  if (!dispatch) return true;

  const own = childrenOf(article.node);
  // One title: kicker(s) → headline → deck(s) around the cursor, never two headlines.
  let from = block.index;
  let to = block.index + 1;
  let headlines = roleOf(block.node) === "headline" ? 1 : 0;
  const fits = (node: Node, before: Node | undefined, after: Node | undefined) => {
    if (!isTitleBlock(node)) return false;
    if (roleOf(node) === "headline" && headlines > 0) return false;
    if (before && titleRank(before) > titleRank(node)) return false;
    if (after && titleRank(node) > titleRank(after)) return false;
    return true;
  };
  while (from > 0 && fits(own[from - 1]!, undefined, own[from])) {
    from--;
    if (roleOf(own[from]!) === "headline") headlines++;
  }
  while (to < own.length && fits(own[to]!, own[to - 1], undefined)) {
    if (roleOf(own[to]!) === "headline") headlines++;
    to++;
  }
  const moved = own.slice(from, to).map((node, i) => ({ node, cursor: from + i === block.index }));
  const rest = [...own.slice(0, from), ...own.slice(to)];

  const theirs = childrenOf(target.node);
  let lead = 0;
  while (lead < theirs.length && isTitleBlock(theirs[lead]!)) lead++;
  const existing = theirs.slice(0, lead).map((node) => ({ node, cursor: false }));
  // Array.prototype.sort is stable: equal ranks keep the order given here.
  const title = (dir === -1 ? [...existing, ...moved] : [...moved, ...existing]).sort(
    (a, b) => titleRank(a.node) - titleRank(b.node),
  );
  const newTarget = target.node.type.create(target.node.attrs, [
    ...title.map((t) => t.node),
    ...theirs.slice(lead),
  ]);
  const newSource = rest.length > 0 ? article.node.type.create(article.node.attrs, rest) : null;

  const tr = state.tr;
  // Replace the later article first, so the earlier one's position still holds.
  const edits = [
    { pos: article.pos, size: article.node.nodeSize, node: newSource },
    { pos: target.pos, size: target.node.nodeSize, node: newTarget },
  ].sort((a, b) => b.pos - a.pos);
  for (const edit of edits) {
    if (edit.node) tr.replaceWith(edit.pos, edit.pos + edit.size, edit.node);
    else tr.delete(edit.pos, edit.pos + edit.size);
  }
  const targetPos =
    target.pos < article.pos
      ? target.pos
      : target.pos - article.node.nodeSize + (newSource ? newSource.nodeSize : 0);
  let pos = targetPos + 1;
  for (const t of title) {
    if (t.cursor) break;
    pos += t.node.nodeSize;
  }
  tr.setSelection(TextSelection.create(tr.doc, pos + 1 + $from.parentOffset));
  dispatch(tr.scrollIntoView());
  return true;
}
