import type { SourceLine } from "@galley/core";
import type { PageSource } from "@galley/editor";
import type { I18n } from "../i18n/i18n.ts";
import { el } from "./dom.ts";

/**
 * The source lines beside the editor: the original OCR lines with their ids (an id is never
 * broken across lines, however long: hOCR's "line_1_12"). `highlight` marks lines (from the
 * block the cursor is in) and scrolls the list — only the list, never the page — so that the
 * first sits in its middle; clicking a line (or Enter on it) calls `onPick` with its id.
 */
export class SourcePanel {
  /** The panel element. */
  readonly dom: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly rows = new Map<string, HTMLElement>();
  private lit: string[] = [];
  private empty = true;

  constructor(
    private readonly i18n: I18n,
    private readonly onPick: (lineId: string) => void,
  ) {
    this.list = el("ol", { class: "source-lines" });
    this.dom = el("div", { class: "source-panel" }, this.list);
    this.relabel();
  }

  /** Re-labels after a language switch. */
  relabel(): void {
    this.list.setAttribute("aria-label", this.i18n.t("page.source"));
    if (this.empty) this.list.dataset.empty = this.i18n.t("page.sourceEmpty");
  }

  /** Shows the page's source lines. */
  show(source: PageSource): void {
    this.rows.clear();
    this.list.replaceChildren(...source.lines.map((line) => this.row(line)));
    this.empty = source.lines.length === 0;
    delete this.list.dataset.empty;
    this.relabel();
  }

  private row(line: SourceLine): HTMLElement {
    const li = el(
      "li",
      { "data-line-id": line.id, tabindex: 0 },
      el("span", { class: "line-id" }, line.id),
      el("span", { class: "line-text" }, line.text),
    );
    li.addEventListener("click", () => this.onPick(line.id));
    li.addEventListener("keydown", (e) => {
      if (e.key === "Enter") this.onPick(line.id);
    });
    this.rows.set(line.id, li);
    return li;
  }

  /** Centres the first lit line again (after the list was hidden, where nothing scrolls). */
  recentre(): void {
    const first = this.lit[0] ? this.rows.get(this.lit[0]) : undefined;
    if (first) centreIn(this.dom, first);
  }

  /** Marks `lineIds` and centres the first in the list (an empty list clears). */
  highlight(lineIds: readonly string[]): void {
    for (const id of this.lit) this.rows.get(id)?.classList.remove("lit");
    this.lit = [...lineIds];
    for (const id of this.lit) this.rows.get(id)?.classList.add("lit");
    const first = this.lit[0] ? this.rows.get(this.lit[0]) : undefined;
    if (first) centreIn(this.dom, first);
  }
}

/** Scrolls `container` (only it) so that `item` sits in its vertical middle. */
export function centreIn(container: HTMLElement, item: HTMLElement): void {
  const box = container.getBoundingClientRect();
  const at = item.getBoundingClientRect();
  const offset = at.top - box.top + container.scrollTop;
  container.scrollTop = Math.max(0, offset - (container.clientHeight - at.height) / 2);
}
