import { type ArticleStatus, articleStatuses, type BlockRole } from "@galley/doc";
import { baseKeymap, chainCommands } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import type { Command, Plugin } from "prosemirror-state";
import { redoCommand, undoCommand } from "y-prosemirror";
import { giveTitleToNextArticle, giveTitleToPreviousArticle } from "./commands/give-title.ts";
import { mergeArticleWithPrevious } from "./commands/merge-article.ts";
import { moveArticleDown, moveArticleUp } from "./commands/move-article.ts";
import { moveBlockToNextArticle, moveBlockToPreviousArticle } from "./commands/move-block.ts";
import { setArticleStatus } from "./commands/set-article-status.ts";
import { setBlockRole } from "./commands/set-block-role.ts";
import { splitArticle } from "./commands/split-article.ts";
import { joinParagraphs, joinParagraphWithNext, splitParagraph } from "./commands/split-paragraph.ts";
import type { MessageKey } from "./i18n/messages.ts";
import { goToNextDoubt, goToPreviousDoubt } from "./plugins/doubt.ts";
import { asUndoStep } from "./undo-step.ts";

/**
 * The editor's actions in one table: each command with its label and keyboard shortcuts. The
 * keymap, the toolbar and the documentation (`docs/embedding.md`) are all read from it, so a
 * shortcut is never listed in one place and missing in another. Key names are ProseMirror's
 * (`Mod` is Ctrl, or Cmd on a Mac). Actions may share a key: the first in table order that
 * applies runs (Alt-ArrowUp on a title gives the title to the previous article, on any other
 * block moves the block).
 */

/** One action of the editor. */
export interface EditorAction {
  /** Stable name, used for the toolbar button's `data-action`. */
  id: string;
  label: MessageKey;
  keys: readonly string[];
  command: Command;
}

/** Block roles in shortcut order: Mod-Alt-1 … Mod-Alt-8. */
export const roleOrder: readonly BlockRole[] = [
  "paragraph",
  "headline",
  "kicker",
  "subheadline",
  "byline",
  "dateline",
  "caption",
  "furniture",
];

const statusKeys: Record<ArticleStatus, string> = {
  "needs-review": "Mod-Alt-n",
  corrected: "Mod-Alt-c",
  approved: "Mod-Alt-a",
};

const plainActions: readonly EditorAction[] = [
  { id: "undo", label: "action.undo", keys: ["Mod-z"], command: undoCommand },
  { id: "redo", label: "action.redo", keys: ["Mod-y", "Mod-Shift-z"], command: redoCommand },
  { id: "splitArticle", label: "action.splitArticle", keys: ["Mod-Shift-Enter"], command: splitArticle },
  {
    id: "mergeArticle",
    label: "action.mergeArticle",
    keys: ["Mod-Shift-Backspace"],
    command: mergeArticleWithPrevious,
  },
  { id: "moveArticleUp", label: "action.moveArticleUp", keys: ["Alt-Shift-ArrowUp"], command: moveArticleUp },
  {
    id: "moveArticleDown",
    label: "action.moveArticleDown",
    keys: ["Alt-Shift-ArrowDown"],
    command: moveArticleDown,
  },
  {
    id: "giveTitlePrevious",
    label: "action.giveTitlePrevious",
    keys: ["Alt-ArrowUp"],
    command: giveTitleToPreviousArticle,
  },
  {
    id: "giveTitleNext",
    label: "action.giveTitleNext",
    keys: ["Alt-ArrowDown"],
    command: giveTitleToNextArticle,
  },
  {
    id: "moveBlockPrevious",
    label: "action.moveBlockPrevious",
    keys: ["Alt-ArrowUp"],
    command: moveBlockToPreviousArticle,
  },
  {
    id: "moveBlockNext",
    label: "action.moveBlockNext",
    keys: ["Alt-ArrowDown"],
    command: moveBlockToNextArticle,
  },
  { id: "splitParagraph", label: "action.splitParagraph", keys: ["Enter"], command: splitParagraph },
  { id: "joinParagraphs", label: "action.joinParagraphs", keys: ["Backspace"], command: joinParagraphs },
  ...roleOrder.map(
    (role, i): EditorAction => ({
      id: `role-${role}`,
      label: `role.${role}`,
      keys: [`Mod-Alt-${i + 1}`],
      command: setBlockRole(role),
    }),
  ),
  ...articleStatuses.map(
    (status): EditorAction => ({
      id: `status-${status}`,
      label: `status.${status}`,
      keys: [statusKeys[status]],
      command: setArticleStatus(status),
    }),
  ),
  { id: "nextDoubt", label: "action.nextDoubt", keys: ["F8"], command: goToNextDoubt },
  { id: "previousDoubt", label: "action.previousDoubt", keys: ["Shift-F8"], command: goToPreviousDoubt },
];

/**
 * Every action with its shortcuts, in toolbar order. Changing actions are each one undo step
 * (see `asUndoStep`); undo, redo and navigation are not changes.
 */
export const editorActions: readonly EditorAction[] = plainActions.map((action) =>
  ["undo", "redo", "nextDoubt", "previousDoubt"].includes(action.id)
    ? action
    : { ...action, command: asUndoStep(action.command) },
);

/** The action named `id`, or null. */
export function actionById(id: string): EditorAction | null {
  return editorActions.find((a) => a.id === id) ?? null;
}

/**
 * A command that stands aside while an input method is composing, so no shortcut fires in the
 * middle of typing Chinese (ProseMirror already holds key events back then; this is a second
 * guard for commands run from key handlers of our own).
 */
function outsideComposition(command: Command): Command {
  return (state, dispatch, view) => (view?.composing ? false : command(state, dispatch, view));
}

/**
 * The editor's keymap plugins: the action shortcuts (plus `extra`, e.g. the find bar's Mod-f),
 * then Delete-joins-next, then ProseMirror's base keymap for ordinary text editing.
 */
export function editorKeymaps(extra: Record<string, Command> = {}): Plugin[] {
  const byKey = new Map<string, Command[]>();
  for (const action of editorActions) {
    for (const key of action.keys) byKey.set(key, [...(byKey.get(key) ?? []), action.command]);
  }
  const bindings: Record<string, Command> = {};
  for (const [key, commands] of byKey) {
    bindings[key] = outsideComposition(commands.length === 1 ? commands[0]! : chainCommands(...commands));
  }
  for (const [key, command] of Object.entries(extra)) bindings[key] = outsideComposition(command);
  bindings.Delete = outsideComposition(asUndoStep(joinParagraphWithNext));
  return [keymap(bindings), keymap(baseKeymap)];
}
