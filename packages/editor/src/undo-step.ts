import type { Command, EditorState } from "prosemirror-state";
import { yUndoPluginKey } from "y-prosemirror";

/**
 * Makes a command its own undo step. Yjs' undo manager merges changes made within half a second
 * into one step, which suits typing but not commands: Ctrl+Z after "split article" must undo the
 * split, not also the words typed just before it. Outside a collaborative editor (no undo
 * plugin) the command runs as it is.
 */
export function asUndoStep(command: Command): Command {
  return (state, dispatch, view) => {
    if (!dispatch) return command(state, undefined, view);
    stopCapturing(state);
    const applied = command(state, dispatch, view);
    // The change reached Yjs synchronously in the view's update; close the step behind it.
    if (applied) stopCapturing(view?.state ?? state);
    return applied;
  };
}

function stopCapturing(state: EditorState): void {
  yUndoPluginKey.getState(state)?.undoManager.stopCapturing();
}
