import { allowsInlineSpans, roleOf } from "@galley/doc";
import { Fragment, type Node } from "prosemirror-model";
import { joinSeparator, mergeConfidence, mergeLineIds } from "../lines.ts";

/**
 * Joining two text blocks into one, as Backspace, Delete and merging articles do. Two halves of
 * one cut block (`first.cutAfter` equals `second.cutBefore`, see `cutBlock`) join back exactly
 * as they were cut: "re" + "search" is "research" again, in any script. Other blocks get the
 * separator the script wants between them (`joinSeparator`: a space between Latin words,
 * nothing between CJK text). The joined block keeps the first block's role and attrs, both
 * blocks' lines (a line they shared once), the lower confidence, and the outer cut marks.
 */

/** The block made of `first` then `second`, and the offset in it where `second`'s text starts. */
export function joinTextBlocks(first: Node, second: Node): { node: Node; secondAt: number } {
  const separator = isCutPair(first, second) ? "" : joinSeparator(first.textContent, second.textContent);
  let content = first.content;
  if (separator) content = content.append(Fragment.from(first.type.schema.text(separator)));
  content = content.append(allowedMarks(second.content, first));
  const node = first.type.create(
    {
      ...first.attrs,
      lines: mergeLineIds(first.attrs.lines as string[], second.attrs.lines as string[]),
      confidence: mergeConfidence(first.attrs.confidence, second.attrs.confidence),
      cutAfter: second.attrs.cutAfter ?? null,
    },
    content,
  );
  return { node, secondAt: first.content.size + separator.length };
}

/** Whether `first` and `second` are the two halves of one cut block, in that order. */
export function isCutPair(first: Node, second: Node): boolean {
  const mark = first.attrs.cutAfter;
  return typeof mark === "string" && mark !== "" && mark === second.attrs.cutBefore;
}

/** `content` with the marks `block` may not hold taken off its text (spans outside paragraphs). */
function allowedMarks(content: Fragment, block: Node): Fragment {
  const role = roleOf(block);
  const spans = role !== null && allowsInlineSpans(role);
  const nodes: Node[] = [];
  content.forEach((child) => {
    nodes.push(child.mark(child.marks.filter((m) => spans && block.type.allowsMarkType(m.type))));
  });
  return Fragment.from(nodes);
}
