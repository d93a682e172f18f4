import type { Node } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { newCutId } from "../article-id.ts";
import { splitLineIds } from "../lines.ts";
import { lineTextsOf } from "../plugins/source.ts";

/**
 * Cuts a text block at `offset` (into its content) into two blocks of the same role and attrs;
 * each keeps the source lines its half of the text came from. A cut inside the text (not at
 * either end) pairs the halves: the first gets a fresh id in `cutAfter`, the second the same id
 * in `cutBefore`, so that joining them again (`joinTextBlocks`) gives back exactly the text
 * that was cut, with no separator guessed between them.
 */
export function cutBlock(state: EditorState, block: Node, offset: number): [Node, Node] {
  const [first, second] = splitLineIds(
    block.attrs.lines as string[],
    offset,
    block.content.size,
    lineTextsOf(state),
  );
  const inside = offset > 0 && offset < block.content.size;
  const cut = inside ? newCutId() : null;
  return [
    block.type.create(
      { ...block.attrs, lines: first, ...(cut ? { cutAfter: cut } : {}) },
      block.content.cut(0, offset),
      block.marks,
    ),
    block.type.create(
      { ...block.attrs, lines: second, ...(cut ? { cutBefore: cut } : {}) },
      block.content.cut(offset),
      block.marks,
    ),
  ];
}
