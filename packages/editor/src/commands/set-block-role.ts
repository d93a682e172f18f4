import { type BlockRole, isBlockRole } from "@galley/doc";
import type { Node, NodeType } from "prosemirror-model";
import type { Command, EditorState } from "prosemirror-state";

/**
 * Changes the role of the text blocks in the selection (paragraph ↔ headline ↔ kicker ↔
 * subheadline ↔ byline ↔ dateline ↔ caption ↔ furniture). Each block keeps its text, its source
 * `lines` and `confidence`; attributes the new role has no use for are dropped, and inline
 * spans a role does not allow are removed. Blocks set apart at page level can only become
 * caption or furniture. Not applicable (false) when no selected block can change to `role`
 * (already that role, or not allowed where it stands).
 */
export function setBlockRole(role: BlockRole): Command {
  if (!isBlockRole(role)) throw new RangeError(`unknown block role: ${String(role)}`);
  return (state, dispatch) => {
    const type = state.schema.nodes[role]!;
    const targets = changeableBlocks(state, type);
    if (targets.length === 0) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    for (const { node, pos } of targets) {
      const mapped = tr.mapping.map(pos);
      tr.clearIncompatible(mapped, type);
      tr.setNodeMarkup(mapped, type, attrsFor(type, node));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** The selected text blocks that are not yet of `type` and may become it where they stand. */
function changeableBlocks(state: EditorState, type: NodeType): { node: Node; pos: number }[] {
  const { from, to } = state.selection;
  const out: { node: Node; pos: number }[] = [];
  state.doc.nodesBetween(from, to, (node, pos, parent, index) => {
    if (!node.isTextblock) return true;
    if (node.type !== type && parent?.canReplaceWith(index, index + 1, type)) out.push({ node, pos });
    return false;
  });
  return out;
}

/** The attrs `node` keeps under `type`: every attr the new type declares, when present. */
function attrsFor(type: NodeType, node: Node): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const name of Object.keys(type.spec.attrs ?? {})) {
    if (name in node.attrs) attrs[name] = node.attrs[name];
  }
  return attrs;
}
