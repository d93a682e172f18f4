import type { Command } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { format, type Messages } from "../i18n/messages.ts";
import {
  findNext,
  findPrevious,
  replaceAll,
  replaceNext,
  searchKey,
  setSearch,
} from "../plugins/find-replace.ts";
import { asUndoStep } from "../undo-step.ts";

/**
 * The find-and-replace bar. Keyboard: Enter finds the next match (Shift-Enter the previous) in
 * the query field; in the replacement field Enter replaces the current match and Mod-Enter
 * replaces all; Escape closes the bar, clears the highlights and returns to the text.
 */
export class FindBar {
  /** The bar element (hidden until opened). */
  readonly dom: HTMLElement;
  private readonly query: HTMLInputElement;
  private readonly replacement: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly buttons: Record<
    "previous" | "next" | "replace" | "replaceAll" | "close",
    HTMLButtonElement
  >;
  private messages: Messages;

  constructor(
    private readonly view: () => EditorView,
    messages: Messages,
  ) {
    this.messages = messages;
    this.dom = document.createElement("div");
    this.dom.className = "galley-find";
    this.dom.hidden = true;
    this.dom.setAttribute("role", "search");
    this.query = this.input("query");
    this.replacement = this.input("replacement");
    this.count = document.createElement("span");
    this.count.className = "galley-find-count";
    this.count.setAttribute("aria-live", "polite");
    this.buttons = {
      previous: this.button("previous", () => this.exec(findPrevious)),
      next: this.button("next", () => this.exec(findNext)),
      replace: this.button("replace", () => this.exec(asUndoStep(replaceNext(this.replacement.value)))),
      replaceAll: this.button("replaceAll", () => this.exec(asUndoStep(replaceAll(this.replacement.value)))),
      close: this.button("close", () => this.close()),
    };
    this.dom.append(this.query, this.replacement, this.count, ...Object.values(this.buttons));
    this.query.addEventListener("input", () => this.exec(setSearch(this.query.value)));
    this.query.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.isComposing) {
        e.preventDefault();
        this.exec(e.shiftKey ? findPrevious : findNext);
      } else if (e.key === "Escape") this.close();
    });
    this.replacement.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.isComposing) {
        e.preventDefault();
        const replacement = this.replacement.value;
        this.exec(asUndoStep(e.ctrlKey || e.metaKey ? replaceAll(replacement) : replaceNext(replacement)));
      } else if (e.key === "Escape") this.close();
    });
    this.setMessages(messages);
  }

  private input(name: string): HTMLInputElement {
    const el = document.createElement("input");
    el.type = "search";
    el.dataset.find = name;
    return el;
  }

  private button(name: string, onClick: () => void): HTMLButtonElement {
    const el = document.createElement("button");
    el.type = "button";
    el.dataset.find = name;
    el.addEventListener("click", onClick);
    return el;
  }

  private exec(command: Command): void {
    const view = this.view();
    command(view.state, view.dispatch, view);
  }

  /** Opens the bar (seeded with the selected text, if any) and focuses the query field. */
  open(): boolean {
    const view = this.view();
    const { from, to } = view.state.selection;
    const selected = view.state.doc.textBetween(from, to, " ");
    if (selected && !selected.includes("\n")) this.query.value = selected;
    this.dom.hidden = false;
    this.query.focus();
    this.query.select();
    this.exec(setSearch(this.query.value));
    return true;
  }

  /** Closes the bar, clears the highlights and gives the focus back to the text. */
  close(): void {
    this.dom.hidden = true;
    this.exec(setSearch(""));
    this.view().focus();
  }

  /** Switches the labels to another catalogue. */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.query.placeholder = messages["find.query"];
    this.query.setAttribute("aria-label", messages["find.query"]);
    this.replacement.placeholder = messages["find.replacement"];
    this.replacement.setAttribute("aria-label", messages["find.replacement"]);
    this.buttons.previous.textContent = messages["find.previous"];
    this.buttons.next.textContent = messages["find.next"];
    this.buttons.replace.textContent = messages["find.replace"];
    this.buttons.replaceAll.textContent = messages["find.replaceAll"];
    this.buttons.close.textContent = messages["find.close"];
    this.update(this.view().state, true);
  }

  /** Reflects the search state: match count and which buttons apply. */
  update(state: EditorView["state"], editable: boolean): void {
    const search = searchKey.getState(state);
    if (!search || this.dom.hidden) return;
    const total = search.matches.length;
    const at = search.matches.findIndex(
      (m) => m.from === state.selection.from && m.to === state.selection.to,
    );
    this.count.textContent = !search.query
      ? ""
      : total === 0
        ? this.messages["find.none"]
        : format(this.messages["find.count"], { current: at + 1 || "–", total });
    this.buttons.replace.disabled = !editable || total === 0;
    this.buttons.replaceAll.disabled = !editable || total === 0;
    this.replacement.disabled = !editable;
  }
}
