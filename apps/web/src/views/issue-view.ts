import {
  ApiError,
  deletePage,
  exportFormats,
  exportUrl,
  fetchIssue,
  fetchPageArticles,
  type IssueDetail,
  type PageArticles,
  type PageSummary,
  setPageStatus,
} from "../api.ts";
import type { AppMessageKey } from "../i18n/en.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";
import { UploadPanel } from "./upload-panel.ts";

const pageStatuses = ["needs-review", "corrected", "approved"] as const;

/**
 * An issue: its pages with status (changeable by editors), article count, progress (how many
 * articles are corrected and approved) and the articles without a headline; deleting a page
 * (admins); the Export menu, with a warning when some articles have no headline (they would be
 * exported titled by their first words); and, for admins, the panel that adds pages.
 */
export function mountIssueView(main: HTMLElement, ctx: ViewContext, issueId: string): MountedView {
  const { i18n } = ctx;
  let alive = true;
  let issue: IssueDetail | null = null;
  const articles = new Map<string, PageArticles | null>();
  const isAdmin = ctx.me.role === "admin";
  const canEdit = ctx.me.role !== "viewer";
  let notice: { text: string; error: boolean } | null = null;
  const uploads = isAdmin
    ? new UploadPanel(
        i18n,
        issueId,
        () => issue?.pages.map((p) => p.number) ?? [],
        () => void load(),
      )
    : null;

  const exportMenu = (id: string) =>
    el(
      "details",
      { class: "export-menu" },
      el("summary", {}, i18n.t("export.menu")),
      el(
        "ul",
        { role: "menu" },
        ...exportFormats.map((format) =>
          el(
            "li",
            { role: "none" },
            el(
              "a",
              { role: "menuitem", href: exportUrl(id, format), download: true, "data-format": format },
              i18n.t(`export.${format}` as AppMessageKey),
            ),
          ),
        ),
      ),
    );

  const statusLabel = (status: string) => {
    const key = `pageStatus.${status}`;
    return key in i18nKeys ? i18n.t(key as AppMessageKey) : status;
  };

  const progress = (page: PageSummary) => {
    const doc = articles.get(page.id);
    if (!doc) return el("td", { class: "progress" }, doc === null ? "" : "…");
    const total = doc.articles.length;
    const count = (status: string) => doc.articles.filter((a) => a.status === status).length;
    const approved = count("approved");
    const corrected = count("corrected");
    const untitled = doc.articles.filter((a) => !a.headline?.text.trim()).length;
    const bar = el(
      "span",
      {
        class: "progress-bar",
        role: "img",
        "aria-label": i18n.t("issue.progress", { approved, corrected, total }),
      },
      el("span", { class: "seg approved", style: `flex-grow: ${approved}` }),
      el("span", { class: "seg corrected", style: `flex-grow: ${corrected}` }),
      el("span", { class: "seg open", style: `flex-grow: ${total - approved - corrected}` }),
    );
    return el(
      "td",
      { class: "progress", "data-approved": approved, "data-corrected": corrected, "data-total": total },
      bar,
      " ",
      el("span", { class: "meta" }, i18n.t("issue.progress", { approved, corrected, total })),
      untitled > 0
        ? el(
            "span",
            { class: "untitled-badge", "data-untitled": untitled },
            i18n.t("issue.untitled", { count: untitled }),
          )
        : null,
    );
  };

  const statusCell = (page: PageSummary) => {
    if (!canEdit) return el("td", { class: "status" }, statusLabel(page.status));
    const select = el("select", { "data-control": "page-status", "aria-label": i18n.t("issue.status") });
    const values = (pageStatuses as readonly string[]).includes(page.status)
      ? pageStatuses
      : [page.status, ...pageStatuses];
    for (const status of values) {
      const option = el("option", { value: status }, statusLabel(status));
      option.selected = status === page.status;
      select.append(option);
    }
    select.addEventListener("change", () => {
      setPageStatus(page.id, select.value).then(
        () => {
          page.status = select.value;
          draw();
        },
        (error: unknown) => {
          notice = {
            text: i18n.t("error.action", { message: String((error as Error).message) }),
            error: true,
          };
          draw();
        },
      );
    });
    return el("td", { class: "status", "data-status": page.status }, select);
  };

  const deleteCell = (page: PageSummary) => {
    if (!isAdmin) return null;
    const button = el(
      "button",
      { type: "button", class: "delete-page", "data-action": "delete-page" },
      i18n.t("issue.delete"),
    );
    button.addEventListener("click", () => {
      if (!confirm(i18n.t("issue.deleteConfirm", { number: page.number }))) return;
      deletePage(page.id).then(
        () => {
          notice = { text: i18n.t("issue.deleted", { number: page.number }), error: false };
          void load();
        },
        (error: unknown) => {
          notice = {
            text: i18n.t("error.action", { message: String((error as Error).message) }),
            error: true,
          };
          draw();
        },
      );
    });
    return el("td", {}, button);
  };

  const untitledWarning = () => {
    if (!issue) return null;
    const pages = [...issue.pages]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({
        page: p,
        count: articles.get(p.id)?.articles.filter((a) => !a.headline?.text.trim()).length ?? 0,
      }))
      .filter((p) => p.count > 0);
    if (pages.length === 0) return null;
    const total = pages.reduce((sum, p) => sum + p.count, 0);
    return el(
      "div",
      { class: "warning", role: "note", "data-untitled": total },
      el("strong", {}, i18n.t("issue.untitledWarning", { count: total })),
      " ",
      ...pages.flatMap(({ page, count }, i) => [
        i > 0 ? " · " : "",
        el(
          "a",
          { href: `/pages/${encodeURIComponent(page.id)}` },
          i18n.t("issue.untitledOnPage", { number: page.number, count }),
        ),
      ]),
    );
  };

  const draw = () => {
    if (!issue || !alive) return;
    const pages = [...issue.pages].sort((a, b) => a.number - b.number);
    const parts: (Node | null)[] = [
      el("p", {}, el("a", { href: "/", class: "back" }, `← ${i18n.t("issue.back")}`)),
      el(
        "h1",
        {},
        issue.publication ? el("span", { class: "publication" }, issue.publication, " · ") : null,
        issue.title,
        " ",
        el("time", { datetime: issue.date }, issue.date),
      ),
      el("div", { class: "issue-actions" }, exportMenu(issue.id), untitledWarning()),
      notice ? el("p", { class: notice.error ? "error" : "notice", role: "status" }, notice.text) : null,
      el("h2", {}, i18n.t("issue.pages")),
      pages.length === 0
        ? el("p", { class: "empty" }, i18n.t("issue.empty"))
        : el(
            "table",
            { class: "page-list" },
            el(
              "tbody",
              {},
              ...pages.map((page) =>
                el(
                  "tr",
                  { "data-page-id": page.id, "data-status": page.status },
                  el(
                    "td",
                    {},
                    el(
                      "a",
                      { href: `/pages/${encodeURIComponent(page.id)}` },
                      i18n.t("issue.page", { number: page.number }),
                    ),
                  ),
                  statusCell(page),
                  el("td", { class: "meta" }, i18n.t("issue.articles", { count: page.articleCount })),
                  progress(page),
                  deleteCell(page),
                ),
              ),
            ),
          ),
      uploads?.dom ?? null,
    ];
    main.replaceChildren(...parts.filter((p): p is Node => p !== null));
  };

  const load = async () => {
    try {
      const loaded = await fetchIssue(issueId);
      if (!alive) return;
      issue = loaded;
      for (const id of [...articles.keys()]) if (!loaded.pages.some((p) => p.id === id)) articles.delete(id);
      draw();
      await Promise.all(
        loaded.pages.map(async (page) => {
          try {
            articles.set(page.id, await fetchPageArticles(page.id));
          } catch {
            articles.set(page.id, null);
          }
        }),
      );
      draw();
    } catch (error) {
      if (!alive) return;
      const message =
        error instanceof ApiError && error.status === 404 ? i18n.t("error.notFound") : String(error);
      main.replaceChildren(el("p", { class: "error" }, i18n.t("error.load", { message })));
    }
  };

  main.replaceChildren(el("p", { class: "loading" }, "…"));
  void load();
  return {
    relabel: () => {
      uploads?.relabel();
      draw();
    },
    destroy: () => {
      alive = false;
      uploads?.destroy();
    },
  };
}

const i18nKeys: Record<string, true> = {
  "pageStatus.needs-review": true,
  "pageStatus.in-progress": true,
  "pageStatus.corrected": true,
  "pageStatus.approved": true,
};
