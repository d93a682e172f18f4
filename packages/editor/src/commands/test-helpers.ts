import type { Node } from "prosemirror-model";
import type { Command, EditorState } from "prosemirror-state";
import { stateOf, type TaggedNode } from "../builder.ts";

/**
 * Runs `command` on a built document (selection from its `<a>`/`<b>` tags): whether it applied,
 * the resulting document and state. Also checks the dry run agrees and the result is valid.
 */
export function run(node: TaggedNode, command: Command): { ok: boolean; doc: Node; state: EditorState } {
  const state = stateOf(node);
  const dry = command(state);
  let next = state;
  const ok = command(state, (tr) => {
    next = state.apply(tr);
  });
  if (dry !== ok) throw new Error(`dry run said ${dry}, dispatch said ${ok}`);
  next.doc.check();
  return { ok, doc: next.doc, state: next };
}

/** The document of `state` tagged with its cursor as `<a>`, to run the next command from there. */
export function tagAtCursor(state: EditorState): TaggedNode {
  return Object.assign(state.doc, { tag: { a: state.selection.from } }) as TaggedNode;
}
