import type { Messages } from "@galley/editor";
import { ApiError } from "../api.ts";
import {
  type ArticleDiff,
  fetchChanges,
  fetchHistory,
  type PageDiff,
  type PageHistory,
  restoreVersion,
  saveVersion,
  type TextRun,
} from "../history-api.ts";
import type { I18n } from "../i18n/i18n.ts";
import { el } from "./dom.ts";

/**
 * The page's history beside the editor: editors' sessions (newest first), the saved versions —
 * each can be compared with the page as it is now, and restored by an editor — a form to name
 * a version, and what editors changed since the OCR's reading. A comparison lists, per article,
 * the text inserted and deleted (marked, with who did it), blocks moved, roles changed,
 * articles split or merged.
 */
export class HistoryPanel {
  /** The panel element. */
  readonly dom: HTMLElement;
  private history: PageHistory | null = null;
  private diff: { label: string; changes: PageDiff } | null = null;
  private message = "";

  constructor(
    private readonly i18n: I18n,
    private readonly pageId: string,
    private canEdit: boolean,
  ) {
    this.dom = el("aside", { class: "history-panel", "aria-live": "polite" });
    this.render();
  }

  /** Loads (or reloads) the history from the server. */
  async refresh(): Promise<void> {
    try {
      this.history = await fetchHistory(this.pageId);
    } catch (error) {
      this.message = this.i18n.t("error.load", { message: (error as Error).message });
    }
    this.render();
  }

  /** Whether the user may save and restore versions. */
  setCanEdit(canEdit: boolean): void {
    this.canEdit = canEdit;
    this.render();
  }

  /** Re-labels after a language switch. */
  relabel(): void {
    this.render();
  }

  private async compare(since: string, label: string): Promise<void> {
    try {
      // The sessions are read again with it, so both say the same about the latest edits.
      const [changes, history] = await Promise.all([
        fetchChanges(this.pageId, since),
        fetchHistory(this.pageId),
      ]);
      this.diff = { label, changes };
      this.history = history;
      this.message = "";
    } catch (error) {
      this.message = this.i18n.t("error.load", { message: (error as Error).message });
    }
    this.render();
  }

  private async save(name: string): Promise<void> {
    try {
      await saveVersion(this.pageId, name);
      this.message = this.i18n.t("history.saved", { name });
    } catch (error) {
      this.message = error instanceof ApiError ? error.message : String(error);
    }
    await this.refresh();
  }

  private async restore(id: string, name: string): Promise<void> {
    try {
      const { restored } = await restoreVersion(this.pageId, id);
      this.message = this.i18n.t(restored ? "history.restored" : "history.alreadyThere", { name });
      this.diff = null;
    } catch (error) {
      this.message = error instanceof ApiError ? error.message : String(error);
    }
    await this.refresh();
  }

  private render(): void {
    const t = this.i18n.t.bind(this.i18n);
    const children: (Node | null)[] = [el("h2", {}, t("history.title"))];
    if (this.message) children.push(el("p", { class: "history-message", role: "status" }, this.message));
    if (this.canEdit) children.push(this.saveForm());
    children.push(
      button(
        t("history.sinceOcr"),
        () => this.compare("reconstruction", t("history.sinceOcr")),
        "history-since-ocr",
      ),
    );
    if (this.diff) children.push(this.renderDiff(this.diff.label, this.diff.changes));
    const history = this.history;
    if (history) {
      children.push(el("h3", {}, t("history.versions")));
      children.push(
        history.versions.length === 0
          ? el("p", { class: "history-empty" }, t("history.noVersions"))
          : el(
              "ul",
              { class: "history-versions" },
              ...history.versions.map((v) => {
                const name = v.kind === "approved" ? t("history.approved") : v.name;
                return el(
                  "li",
                  { "data-version-id": v.id },
                  el("span", { class: "history-name" }, name),
                  el(
                    "span",
                    { class: "history-meta" },
                    `${v.author ?? t("history.server")} · ${when(v.at, this.i18n)}`,
                  ),
                  button(t("history.compare"), () => this.compare(v.id, name), "history-compare"),
                  this.canEdit
                    ? button(t("history.restore"), () => this.restore(v.id, name), "history-restore")
                    : null,
                );
              }),
            ),
      );
      children.push(el("h3", {}, t("history.sessions", { count: history.updates })));
      children.push(
        el(
          "ol",
          { class: "history-sessions" },
          ...history.sessions.map((s) =>
            el(
              "li",
              {},
              el(
                "span",
                { class: "history-author" },
                s.author ?? (s.firstSeq === this.firstSeq() ? t("history.ocr") : t("history.server")),
              ),
              el("span", { class: "history-meta" }, `${when(s.from, this.i18n)} – ${when(s.to, this.i18n)}`),
              el(
                "span",
                { class: "history-size" },
                t("history.size", { updates: s.updates, inserted: s.inserted, deleted: s.deleted }),
              ),
            ),
          ),
        ),
      );
    }
    this.dom.replaceChildren(...children.filter((c): c is Node => c !== null));
  }

  private firstSeq(): number {
    return Math.min(...(this.history?.sessions.map((s) => s.firstSeq) ?? [0]));
  }

  private saveForm(): HTMLElement {
    const t = this.i18n.t.bind(this.i18n);
    const input = el("input", {
      type: "text",
      name: "version-name",
      maxlength: 200,
      placeholder: t("history.namePlaceholder"),
      "aria-label": t("history.name"),
    });
    const form = el(
      "form",
      { class: "history-save" },
      input,
      el("button", { type: "submit" }, t("history.save")),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (name) void this.save(name);
    });
    return form;
  }

  private renderDiff(label: string, diff: PageDiff): HTMLElement {
    const t = this.i18n.t.bind(this.i18n);
    const by = (who: string | null) => who ?? t("history.server");
    const section = el(
      "section",
      { class: "history-diff" },
      el("h3", {}, t("history.changesSince", { name: label })),
      el(
        "p",
        { class: "history-meta" },
        diff.authors.length ? t("history.by", { names: diff.authors.join(", ") }) : t("history.noChanges"),
      ),
    );
    const articles = [...diff.articles];
    const outside = diff.outside;
    if (outside.text.length + outside.roles.length + outside.boundaries.length + outside.moved.length > 0)
      articles.push({
        id: "",
        change: "changed",
        splitFrom: [],
        mergedInto: [],
        titles: [],
        status: null,
        ...outside,
      });
    for (const article of articles) section.append(this.renderArticle(article, by));
    return section;
  }

  private renderArticle(article: ArticleDiff, by: (who: string | null) => string): HTMLElement {
    const t = this.i18n.t.bind(this.i18n);
    const heading = article.id
      ? t(`history.article.${article.change}` as const, { id: article.id })
      : t("history.outside");
    const items: HTMLElement[] = [];
    if (article.splitFrom.length)
      items.push(el("li", {}, t("history.splitFrom", { ids: article.splitFrom.join(", ") })));
    if (article.mergedInto.length)
      items.push(el("li", {}, t("history.mergedInto", { ids: article.mergedInto.join(", ") })));
    for (const title of article.titles)
      items.push(
        el(
          "li",
          { class: "history-title" },
          `${this.i18n.editorMessages[roleKey(title.role)] ?? title.role}: `,
          el("del", {}, title.before ?? ""),
          " → ",
          el("ins", {}, title.after ?? ""),
        ),
      );
    if (article.status)
      items.push(
        el(
          "li",
          {},
          t("history.statusChange", {
            before: article.status.before,
            after: article.status.after,
            who: by(article.status.by),
          }),
        ),
      );
    for (const role of article.roles)
      items.push(
        el(
          "li",
          {},
          t("history.roleChange", {
            text: excerpt(role.block.text),
            before: role.before,
            after: role.after,
            who: by(role.by),
          }),
        ),
      );
    for (const move of article.boundaries)
      items.push(
        el(
          "li",
          {},
          t("history.boundary", {
            text: excerpt(move.block.text),
            from: move.from ?? t("history.none"),
            to: move.to ?? t("history.none"),
            who: by(move.by),
          }),
        ),
      );
    for (const block of article.moved)
      items.push(el("li", {}, t("history.moved", { text: excerpt(block.text) })));
    for (const change of article.text)
      items.push(
        el(
          "li",
          { class: `history-text history-${change.kind}` },
          ...change.runs.map((run) => renderRun(run, by)),
        ),
      );
    return el("article", { class: "history-article" }, el("h4", {}, heading), el("ul", {}, ...items));
  }
}

function renderRun(run: TextRun, by: (who: string | null) => string): Node {
  if (run.type === "same") return document.createTextNode(run.text);
  return el(run.type === "insert" ? "ins" : "del", { title: by(run.by), "data-by": by(run.by) }, run.text);
}

function button(label: string, onClick: () => void, className: string): HTMLButtonElement {
  const b = el("button", { type: "button", class: className }, label);
  b.addEventListener("click", onClick);
  return b;
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function when(iso: string, i18n: I18n): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(i18n.locale, { dateStyle: "short", timeStyle: "short" });
}

function roleKey(role: string): keyof Messages {
  return `role.${role}` as keyof Messages;
}
