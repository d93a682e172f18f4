import { articleStatuses, type BlockRole, isBlockRole, roleOf } from "@galley/doc";
import type { EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { actionById, type EditorAction, editorActions, roleOrder } from "../actions.ts";
import { findArticle, findBlock } from "../blocks.ts";
import type { Messages } from "../i18n/messages.ts";

/**
 * The editing toolbar: one button per action (undo, redo, article and block moves, doubt
 * navigation, find) and two selects (the block's role, the article's status). Buttons are
 * enabled by a dry run of their command on every state change, and say their shortcut in the
 * tooltip and `aria-keyshortcuts`. Pressing a button leaves the focus in the editor.
 */

const buttonActions = [
  "undo",
  "redo",
  "splitArticle",
  "mergeArticle",
  "moveArticleUp",
  "moveArticleDown",
  "moveBlockPrevious",
  "moveBlockNext",
  "splitParagraph",
  "joinParagraphs",
  "previousDoubt",
  "nextDoubt",
] as const;

const icons: Record<(typeof buttonActions)[number] | "find", string> = {
  undo: "↶",
  redo: "↷",
  splitArticle: "✂",
  mergeArticle: "⤒",
  moveArticleUp: "⇑",
  moveArticleDown: "⇓",
  moveBlockPrevious: "↥",
  moveBlockNext: "↧",
  splitParagraph: "¶+",
  joinParagraphs: "¶−",
  previousDoubt: "?↑",
  nextDoubt: "?↓",
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
  private readonly buttons = new Map<string, { el: HTMLButtonElement; action: EditorAction | null }>();
  private readonly role: HTMLSelectElement;
  private readonly status: HTMLSelectElement;
  private readonly mac: boolean;

  constructor(
    private readonly view: () => EditorView,
    messages: Messages,
    private readonly openFind: () => void,
  ) {
    this.mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
    this.dom = document.createElement("div");
    this.dom.className = "galley-toolbar";
    this.dom.setAttribute("role", "toolbar");
    for (const id of buttonActions) this.addButton(id, actionById(id));
    this.addButton("find", null);
    this.role = this.addSelect("role", roleOrder, (value) => {
      if (isBlockRole(value)) this.run(`role-${value}`);
    });
    this.status = this.addSelect("status", articleStatuses, (value) => this.run(`status-${value}`));
    this.setMessages(messages);
  }

  private addButton(id: string, action: EditorAction | null): void {
    const el = document.createElement("button");
    el.type = "button";
    el.dataset.action = id;
    el.textContent = icons[id as keyof typeof icons] ?? id;
    // Keep the editor's selection: a mousedown on a button would otherwise take the focus.
    el.addEventListener("mousedown", (e) => e.preventDefault());
    el.addEventListener("click", () => (action ? this.run(id) : this.openFind()));
    this.dom.append(el);
    this.buttons.set(id, { el, action });
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
    const action = actionById(id);
    const view = this.view();
    if (action) action.command(view.state, view.dispatch, view);
    view.focus();
  }

  /** Switches the labels to another catalogue. */
  setMessages(messages: Messages): void {
    this.dom.setAttribute("aria-label", messages["toolbar.label"]);
    for (const [id, { el, action }] of this.buttons) {
      const label = action ? messages[action.label] : messages["action.find"];
      const keys = action ? action.keys : ["Mod-f"];
      el.title = `${label} (${describeKeys(keys, this.mac)})`;
      el.setAttribute("aria-label", label);
      el.setAttribute(
        "aria-keyshortcuts",
        keys.map((k) => k.replace(/Mod/g, this.mac ? "Meta" : "Control").replace(/-/g, "+")).join(" "),
      );
      if (id === "find") el.dataset.label = label;
    }
    this.role.setAttribute("aria-label", messages["role.label"]);
    for (const option of this.role.options) {
      const i = roleOrder.indexOf(option.value as BlockRole);
      option.textContent = `${messages[`role.${option.value as BlockRole}`]} (${describeKeys([`Mod-Alt-${i + 1}`], this.mac)})`;
    }
    this.status.setAttribute("aria-label", messages["status.label"]);
    for (const option of this.status.options) {
      option.textContent = messages[`status.${option.value as (typeof articleStatuses)[number]}`];
    }
  }

  /** Reflects `state`: which actions apply, the current block's role and article's status. */
  update(state: EditorState, editable: boolean): void {
    for (const { el, action } of this.buttons.values()) {
      el.disabled = !editable || (action ? !action.command(state) : false);
    }
    const block = findBlock(state.selection.$from);
    const article = findArticle(state.selection.$from);
    this.role.disabled = !editable || !block;
    if (block) this.role.value = roleOf(block.node) ?? "";
    this.status.disabled = !editable || !article;
    if (article) this.status.value = article.node.attrs.status as string;
  }

  /** Every action the toolbar offers; for hosts that build their own. */
  static get actions(): readonly EditorAction[] {
    return editorActions;
  }
}
