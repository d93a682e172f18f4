import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import type { Messages } from "../i18n/messages.ts";

/**
 * What the plugins that draw into the page (card headers, doubt tooltips) need to know about
 * the UI: its catalogue and whether this user may edit. Both change by a transaction
 * (`setUiState`), kept out of undo history, after which those plugins redraw.
 */

/** The UI state: catalogue and editability. */
export interface UiState {
  messages: Messages;
  editable: boolean;
}

/** Key of the ui-state plugin. */
export const uiStateKey = new PluginKey<UiState>("galley-ui-state");

/** Changes the catalogue and/or editability (kept out of undo history). */
export function setUiState(tr: Transaction, patch: Partial<UiState>): Transaction {
  return tr.setMeta(uiStateKey, patch).setMeta("addToHistory", false);
}

/** The plugin holding the UI state; must come before the plugins that read it. */
export function uiStatePlugin(messages: Messages, editable = false): Plugin<UiState> {
  return new Plugin<UiState>({
    key: uiStateKey,
    state: {
      init: () => ({ messages, editable }),
      apply: (tr, value) => {
        const patch = tr.getMeta(uiStateKey) as Partial<UiState> | undefined;
        return patch ? { ...value, ...patch } : value;
      },
    },
  });
}
