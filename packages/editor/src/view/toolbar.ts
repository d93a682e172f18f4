import { type BlockRole, isBlockRole, roleOf } from "@galley/doc";
import type { EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { actionById, type EditorAction, editorActions, roleOrder } from "../actions.ts";
import { findBlock } from "../blocks.ts";
import type { MessageKey, Messages } from "../i18n/messages.ts";
import { isTitleBlock } from "../titles.ts";

/**
 * The editing toolbar, in labelled groups so that no button needs hovering to be understood:
 * undo/redo (the usual arrows); the article (split, merge with the previous, move up, move
 * down); moving to the previous or next article — captioned "Block to", or "Title to" when the
 * caret is in a kicker, headline or deck, where the buttons give the whole title to that article
 * (kept at its top) instead of moving one block; doubtful places (previous, next); find; and the
 * block's role. Buttons show an icon and a short word that the group's caption completes
 * ("Article: ↑ Up"); the full name and the shortcut are in the tooltip, `aria-label` and
 * `aria-keyshortcuts`. Buttons are enabled by a dry run of their command on every state change;
 * Find also works read-only. Pressing a button leaves the focus in the editor. An article's
 * status is set on its card.
 */

type ButtonId =
  | "undo"
  | "redo"
  | "splitArticle"
  | "mergeArticle"
  | "moveArticleUp"
  | "moveArticleDown"
  | "moveBlockPrevious"
  | "moveBlockNext"
  | "previousDoubt"
  | "nextDoubt"
  | "find";

/** The toolbar's groups: a caption (or none) and the buttons under it. */
const groups: readonly { caption: MessageKey | null; buttons: readonly ButtonId[] }[] = [
  { caption: null, buttons: ["undo", "redo"] },
  {
    caption: "toolbar.article",
    buttons: ["splitArticle", "mergeArticle", "moveArticleUp", "moveArticleDown"],
  },
  { caption: "toolbar.block", buttons: ["moveBlockPrevious", "moveBlockNext"] },
  { caption: "toolbar.doubt", buttons: ["previousDoubt", "nextDoubt"] },
  { caption: null, buttons: ["find"] },
];

const icons: Record<ButtonId, string> = {
  undo: "↶",
  redo: "↷",
  splitArticle: "✂",
  mergeArticle: "⤒",
  moveArticleUp: "↑",
  moveArticleDown: "↓",
  moveBlockPrevious: "↑",
  moveBlockNext: "↓",
  previousDoubt: "◀",
  nextDoubt: "▶",
  find: "⌕",
};

/** How a shortcut reads to people: `Mod` as Ctrl (⌘ on a Mac). */
export function describeKeys(keys: readonly string[], mac = false): string {
  return keys.map((k) => k.replace(/Mod/g, mac ? "⌘" : "Ctrl").replace(/-/g, "+")).join(" / ");
}

/** The toolbar over one editor view. */
export class Toolbar {
  /** The toolbar element; place it where the host wants it. */
  readonly dom: HTMLElement;
  private readonly buttons = new Map<
    ButtonId,
    { el: HTMLButtonElement; text: HTMLElement; action: EditorAction | null }
  >();
  private readonly captions: { el: HTMLElement; key: MessageKey }[] = [];
  private messages: Messages;
  /** Whether the caret is in a title block (the move buttons then give the title). */
  private onTitle = false;
  private readonly role: HTMLSelectElement;
  private readonly mac: boolean;

  constructor(
    private readonly view: () => EditorView,
    messages: Messages,
    private readonly openFind: () => void,
  ) {
    this.messages = messages;
    this.mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
    this.dom = document.createElement("div");
    this.dom.className = "galley-toolbar";
    this.dom.setAttribute("role", "toolbar");
    for (const group of groups) {
      const box = document.createElement("span");
      box.className = "galley-toolbar-group";
      box.setAttribute("role", "group");
      if (group.caption) {
        const caption = document.createElement("span");
        caption.className = "galley-toolbar-caption";
        box.append(caption);
        this.captions.push({ el: caption, key: group.caption });
      }
      for (const id of group.buttons) box.append(this.button(id, id === "find" ? null : actionById(id)));
      this.dom.append(box);
    }
    this.role = this.addSelect("role", roleOrder, (value) => {
      if (isBlockRole(value)) this.run(`role-${value}`);
    });
    this.setMessages(messages);
  }

  private button(id: ButtonId, action: EditorAction | null): HTMLButtonElement {
    const el = document.createElement("button");
    el.type = "button";
    el.dataset.action = id;
    const icon = document.createElement("span");
    icon.className = "galley-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = icons[id];
    const text = document.createElement("span");
    text.className = "galley-button-text";
    el.append(icon, text);
    // Keep the editor's selection: a mousedown on a button would otherwise take the focus.
    el.addEventListener("mousedown", (e) => e.preventDefault());
    el.addEventListener("click", () => (action ? this.run(id) : this.openFind()));
    this.buttons.set(id, { el, text, action });
    return el;
  }

  private addSelect(
    name: string,
    values: readonly string[],
    onPick: (value: string) => void,
  ): HTMLSelectElement {
    const select = document.createElement("select");
    select.dataset.control = name;
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      select.append(option);
    }
    select.addEventListener("change", () => {
      onPick(select.value);
      this.view().focus();
    });
    this.dom.append(select);
    return select;
  }

  private run(id: string): void {
    const action = actionById(this.actionFor(id));
    const view = this.view();
    if (action) action.command(view.state, view.dispatch, view);
    view.focus();
  }

  /** The action a button runs now: on a title, the move buttons give the title. */
  private actionFor(id: string): string {
    if (!this.onTitle) return id;
    if (id === "moveBlockPrevious") return "giveTitlePrevious";
    if (id === "moveBlockNext") return "giveTitleNext";
    return id;
  }

  /** Switches the labels to another catalogue. */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.dom.setAttribute("aria-label", messages["toolbar.label"]);
    for (const { el, key } of this.captions) {
      const shown = key === "toolbar.block" && this.onTitle ? "toolbar.title" : key;
      el.textContent = messages[shown];
      el.parentElement?.setAttribute("aria-label", messages[shown]);
    }
    for (const [id, { el, text, action: own }] of this.buttons) {
      const action = own ? actionById(this.actionFor(id)) : null;
      const label = action ? messages[action.label] : messages["action.find"];
      const keys = action ? action.keys : ["Mod-f"];
      text.textContent = messages[`short.${id}`];
      text.hidden = id === "undo" || id === "redo";
      el.title = keys.length ? `${label} (${describeKeys(keys, this.mac)})` : label;
      el.setAttribute("aria-label", label);
      el.setAttribute(
        "aria-keyshortcuts",
        keys.map((k) => k.replace(/Mod/g, this.mac ? "Meta" : "Control").replace(/-/g, "+")).join(" "),
      );
    }
    this.role.setAttribute("aria-label", messages["role.label"]);
    this.role.title = messages["role.label"];
    for (const option of this.role.options) {
      const i = roleOrder.indexOf(option.value as BlockRole);
      option.textContent = messages[`role.${option.value as BlockRole}`];
      option.title = describeKeys([`Mod-Alt-${i + 1}`], this.mac);
    }
  }

  /** Reflects `state`: which actions apply and the current block's role. Find works read-only. */
  update(state: EditorState, editable: boolean): void {
    const block = findBlock(state.selection.$from);
    const onTitle = block !== null && isTitleBlock(block.node);
    if (onTitle !== this.onTitle) {
      this.onTitle = onTitle;
      this.setMessages(this.messages);
    }
    for (const [id, { el, action }] of this.buttons) {
      if (id === "find" || !action) continue;
      const now = actionById(this.actionFor(id)) ?? action;
      el.disabled = !editable || !now.command(state);
    }
    this.role.disabled = !editable || !block;
    if (block) this.role.value = roleOf(block.node) ?? "";
  }

  /** Every action the toolbar offers; for hosts that build their own. */
  static get actions(): readonly EditorAction[] {
    return editorActions;
  }
}
