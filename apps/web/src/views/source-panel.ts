import type { SourceLine } from "@galley/core";
import type { PageSource } from "@galley/editor";
import type { I18n } from "../i18n/i18n.ts";
import { el } from "./dom.ts";

const svgNs = "http://www.w3.org/2000/svg";

/**
 * The source beside the editor: the original OCR lines with their ids and, when the source has
 * geometry and the server has the page image, the image with every line's box drawn over it.
 * `highlight` marks lines (from the block the cursor is in) and scrolls to the first;
 * clicking a line or a box calls `onPick` with its id.
 */
export class SourcePanel {
  /** The panel element. */
  readonly dom: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly figure: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly rows = new Map<string, HTMLElement>();
  private readonly boxes = new Map<string, SVGRectElement>();
  private lit: string[] = [];

  constructor(
    private readonly i18n: I18n,
    private readonly imageUrl: string,
    private readonly onPick: (lineId: string) => void,
  ) {
    this.heading = el("h2", {});
    this.figure = el("figure", { class: "page-image", hidden: true });
    this.list = el("ol", { class: "source-lines" });
    this.dom = el("aside", { class: "source-panel" }, this.heading, this.figure, this.list);
    this.relabel();
  }

  /** Re-labels after a language switch. */
  relabel(): void {
    this.heading.textContent = this.i18n.t("page.source");
    this.figure.setAttribute("aria-label", this.i18n.t("page.image"));
    if (this.rows.size === 0) this.list.dataset.empty = this.i18n.t("page.sourceEmpty");
  }

  /** Shows the page's source lines (and the image, when it has geometry). */
  show(source: PageSource): void {
    this.rows.clear();
    this.list.replaceChildren(...source.lines.map((line) => this.row(line)));
    delete this.list.dataset.empty;
    if (source.lines.length === 0) this.list.dataset.empty = this.i18n.t("page.sourceEmpty");
    const boxed = source.lines.filter((l) => l.box);
    const width = source.width ?? Math.max(0, ...boxed.map((l) => l.box!.x + l.box!.w));
    const height = source.height ?? Math.max(0, ...boxed.map((l) => l.box!.y + l.box!.h));
    if (boxed.length > 0 && width > 0 && height > 0) this.drawImage(boxed, width, height);
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

  private drawImage(lines: SourceLine[], width: number, height: number): void {
    const img = el("img", { src: this.imageUrl, alt: "", width, height });
    const svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("class", "line-boxes");
    for (const line of lines) {
      const rect = document.createElementNS(svgNs, "rect");
      const { x, y, w, h } = line.box!;
      rect.setAttribute("x", String(x));
      rect.setAttribute("y", String(y));
      rect.setAttribute("width", String(w));
      rect.setAttribute("height", String(h));
      rect.dataset.lineId = line.id;
      rect.addEventListener("click", () => this.onPick(line.id));
      this.boxes.set(line.id, rect);
      svg.append(rect);
    }
    // Only show the figure once the image is there: a page without an image keeps the list.
    img.addEventListener("load", () => {
      this.figure.hidden = false;
    });
    img.addEventListener("error", () => this.figure.remove());
    this.figure.replaceChildren(img, svg);
  }

  /** Marks `lineIds` and scrolls the first into view (an empty list clears). */
  highlight(lineIds: readonly string[]): void {
    for (const id of this.lit) {
      this.rows.get(id)?.classList.remove("lit");
      this.boxes.get(id)?.classList.remove("lit");
    }
    this.lit = [...lineIds];
    for (const id of this.lit) {
      this.rows.get(id)?.classList.add("lit");
      this.boxes.get(id)?.classList.add("lit");
    }
    const first = this.lit[0];
    if (first) {
      this.rows.get(first)?.scrollIntoView({ block: "nearest" });
      this.boxes.get(first)?.scrollIntoView({ block: "nearest" });
    }
  }
}
