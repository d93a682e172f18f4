import { createIssue, fetchIssues } from "../api.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";

/**
 * The start page: every issue, newest first, each linking to its pages; for admins, a form that
 * creates an issue (title, date, publication) and opens it.
 */
export function mountIssuesView(main: HTMLElement, ctx: ViewContext): MountedView {
  const { i18n } = ctx;
  let alive = true;

  const newIssueForm = () => {
    const today = new Date().toISOString().slice(0, 10);
    const field = (label: string, input: HTMLInputElement) =>
      el("label", { class: "field" }, el("span", {}, label), input);
    const title = el("input", { name: "title", required: true, maxlength: 500, "data-field": "title" });
    const date = el("input", {
      name: "date",
      type: "date",
      required: true,
      value: today,
      "data-field": "date",
    });
    const publication = el("input", { name: "publication", maxlength: 200, "data-field": "publication" });
    const error = el("p", { class: "error", role: "alert", hidden: true });
    const form = el(
      "form",
      { class: "new-issue" },
      el("h2", {}, i18n.t("issues.new")),
      field(i18n.t("issues.publication"), publication),
      field(i18n.t("issues.issueTitle"), title),
      field(i18n.t("issues.date"), date),
      el("button", { type: "submit" }, i18n.t("issues.create")),
      error,
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      error.hidden = true;
      createIssue({
        title: title.value.trim(),
        date: date.value,
        ...(publication.value.trim() ? { publication: publication.value.trim() } : {}),
      }).then(
        (issue) => ctx.navigate({ name: "issue", issueId: issue.id }),
        (failure: unknown) => {
          error.textContent = i18n.t("error.action", { message: (failure as Error).message });
          error.hidden = false;
        },
      );
    });
    return form;
  };

  const render = async () => {
    main.replaceChildren(el("h1", {}, i18n.t("issues.title")));
    try {
      const issues = await fetchIssues();
      if (!alive) return;
      if (issues.length === 0) main.append(el("p", { class: "empty" }, i18n.t("issues.empty")));
      else {
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
                issue.publication ? el("span", { class: "publication" }, issue.publication) : null,
                el("a", { href: `/issues/${encodeURIComponent(issue.id)}` }, issue.title),
                " ",
                el("time", { datetime: issue.date }, issue.date),
                count === undefined ? null : el("span", { class: "meta" }, i18n.t("issues.pages", { count })),
              );
            }),
          ),
        );
      }
      if (ctx.me.role === "admin") main.append(newIssueForm());
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
