import {
  allowsInlineSpans,
  attrsForRole,
  type BlockRole,
  isBlockRole,
  isPageLevelRole,
  roleOf,
} from "@galley/doc";
import type { Node } from "prosemirror-model";
import type { Command, EditorState } from "prosemirror-state";

/**
 * Changes the role of the text blocks in the selection (paragraph ↔ headline ↔ kicker ↔
 * subheadline ↔ byline ↔ dateline ↔ caption ↔ furniture). The role is an attribute of the one
 * `block` node type, so this is an attribute change (`setNodeMarkup`): y-prosemirror sets the
 * attribute on the same Yjs element, and text another editor types into the block meanwhile is
 * kept. Each block keeps its text, its source `lines` and `confidence`; attributes the new role
 * has no use for are cleared, and inline spans (only paragraphs carry them) are removed.
 * Blocks set apart at page level can only become caption or furniture. Not applicable (false)
 * when no selected block can change to `role` (already that role, or not allowed where it
 * stands).
 */
export function setBlockRole(role: BlockRole): Command {
  if (!isBlockRole(role)) throw new RangeError(`unknown block role: ${String(role)}`);
  return (state, dispatch) => {
    const targets = changeableBlocks(state, role);
    if (targets.length === 0) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    const spans = allowsInlineSpans(role)
      ? []
      : [state.schema.marks.dateline_span!, state.schema.marks.byline_span!];
    for (const { node, pos } of targets) {
      tr.setNodeMarkup(pos, undefined, attrsForRole(role, node.attrs));
      for (const span of spans) tr.removeMark(pos + 1, pos + node.nodeSize - 1, span);
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** The selected text blocks that do not have `role` yet and may take it where they stand. */
function changeableBlocks(state: EditorState, role: BlockRole): { node: Node; pos: number }[] {
  const { from, to } = state.selection;
  const out: { node: Node; pos: number }[] = [];
  state.doc.nodesBetween(from, to, (node, pos, parent) => {
    const current = roleOf(node);
    if (!current) return true;
    const allowed = parent?.type.name === "article" || isPageLevelRole(role);
    if (current !== role && allowed) out.push({ node, pos });
    return false;
  });
  return out;
}
