import type { Node } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { splitLineIds } from "../lines.ts";
import { lineTextsOf } from "../plugins/source.ts";

/**
 * Cuts a text block at `offset` (into its content) into two blocks of the same role and attrs;
 * each keeps the source lines its half of the text came from.
 */
export function cutBlock(state: EditorState, block: Node, offset: number): [Node, Node] {
  const [first, second] = splitLineIds(
    block.attrs.lines as string[],
    offset,
    block.content.size,
    lineTextsOf(state),
  );
  return [
    block.type.create({ ...block.attrs, lines: first }, block.content.cut(0, offset), block.marks),
    block.type.create({ ...block.attrs, lines: second }, block.content.cut(offset), block.marks),
  ];
}
