import { fetchIssues } from "../api.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";

/** The start page: every issue, newest first, each linking to its pages. */
export function mountIssuesView(main: HTMLElement, ctx: ViewContext): MountedView {
  const { i18n } = ctx;
  let alive = true;
  const render = async () => {
    main.replaceChildren(el("h1", {}, i18n.t("issues.title")));
    try {
      const issues = await fetchIssues();
      if (!alive) return;
      if (issues.length === 0) {
        main.append(el("p", { class: "empty" }, i18n.t("issues.empty")));
        return;
      }
      const sorted = [...issues].sort((a, b) => b.date.localeCompare(a.date));
      main.append(
        el(
          "ul",
          { class: "issue-list" },
          ...sorted.map((issue) => {
            const count = issue.pages?.length ?? issue.pageCount;
            return el(
              "li",
              { "data-issue-id": issue.id },
              el("a", { href: `/issues/${encodeURIComponent(issue.id)}` }, issue.title),
              " ",
              el("time", { datetime: issue.date }, issue.date),
              count === undefined ? null : el("span", { class: "meta" }, i18n.t("issues.pages", { count })),
            );
          }),
        ),
      );
    } catch (error) {
      if (alive) main.append(el("p", { class: "error" }, i18n.t("error.load", { message: String(error) })));
    }
  };
  void render();
  return {
    relabel: () => void render(),
    destroy: () => {
      alive = false;
    },
  };
}
