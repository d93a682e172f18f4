import { TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

/**
 * Brings a DOM selection ProseMirror has not read yet into the editor state. The browser moves
 * the caret (click, Home, arrows) before ProseMirror reads it on `selectionchange`; a remote
 * update applied in between would otherwise restore the old selection.
 */
export function readDomSelection(view: EditorView): void {
  if (!view.hasFocus() || view.composing) return;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return;
  }
  const { selection, doc } = view.state;
  if (anchor === selection.anchor && head === selection.head) return;
  if (anchor < 0 || head < 0 || anchor > doc.content.size || head > doc.content.size) return;
  if (!doc.resolve(anchor).parent.isTextblock || !doc.resolve(head).parent.isTextblock) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, anchor, head)));
}
