import { ApiError, exportFormats, exportUrl, fetchIssue, type IssueDetail } from "../api.ts";
import { type AppMessageKey, en } from "../i18n/en.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";

/** An issue: its pages with status and article count, and the Export menu. */
export function mountIssueView(main: HTMLElement, ctx: ViewContext, issueId: string): MountedView {
  const { i18n } = ctx;
  let alive = true;
  let issue: IssueDetail | null = null;

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

  const draw = () => {
    if (!issue) return;
    const pages = [...issue.pages].sort((a, b) => a.number - b.number);
    const statusLabel = (status: string) => {
      const key = `pageStatus.${status}`;
      return key in en ? i18n.t(key as AppMessageKey) : status;
    };
    main.replaceChildren(
      el("p", {}, el("a", { href: "/", class: "back" }, `← ${i18n.t("issue.back")}`)),
      el("h1", {}, issue.title, " ", el("time", { datetime: issue.date }, issue.date)),
      exportMenu(issue.id),
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
                  el("td", { class: "status" }, statusLabel(page.status)),
                  el("td", { class: "meta" }, i18n.t("issue.articles", { count: page.articleCount })),
                ),
              ),
            ),
          ),
    );
  };

  main.replaceChildren(el("p", { class: "loading" }, "…"));
  fetchIssue(issueId).then(
    (loaded) => {
      issue = loaded;
      if (alive) draw();
    },
    (error: unknown) => {
      if (!alive) return;
      const message =
        error instanceof ApiError && error.status === 404 ? i18n.t("error.notFound") : String(error);
      main.replaceChildren(el("p", { class: "error" }, i18n.t("error.load", { message })));
    },
  );
  return {
    relabel: draw,
    destroy: () => {
      alive = false;
    },
  };
}
