import { describeKeys, type EditorHandle, editorActions, mountEditor } from "@galley/editor";
import { fetchPageInfo } from "../api.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";
import { HistoryPanel } from "./history-panel.ts";
import { SourcePanel } from "./source-panel.ts";

/**
 * The page editor: the collaborative editor (articles as cards, toolbar, presence, connection)
 * beside the source panel. A block and the source lines it came from point at each other:
 * moving into a block lights its lines; picking a line puts the cursor in its block.
 */
export function mountPageView(main: HTMLElement, ctx: ViewContext, pageId: string): MountedView {
  const { i18n, me } = ctx;
  const back = el("a", { class: "back", href: "/" });
  const title = el("h1", {});
  const editorHost = el("section", { class: "editor-host" });
  let editor: EditorHandle | null = null;
  const panel = new SourcePanel(i18n, `/api/pages/${encodeURIComponent(pageId)}/image`, (lineId) => {
    panel.highlight([lineId]);
    editor?.revealLine(lineId);
  });
  const shortcuts = el("details", { class: "shortcuts" });
  let pageNumber: number | null = null;
  const history = new HistoryPanel(i18n, pageId, me.role !== "viewer");
  history.dom.hidden = true;
  const historyToggle = el("button", { type: "button", class: "history-toggle", "aria-expanded": "false" });
  historyToggle.addEventListener("click", () => {
    history.dom.hidden = !history.dom.hidden;
    historyToggle.setAttribute("aria-expanded", String(!history.dom.hidden));
    if (!history.dom.hidden) void history.refresh();
  });

  const relabel = () => {
    back.textContent = `← ${i18n.t("page.back")}`;
    title.textContent = pageNumber === null ? pageId : i18n.t("page.title", { number: pageNumber });
    editorHost.setAttribute("aria-label", i18n.t("page.editor"));
    const messages = i18n.editorMessages;
    shortcuts.replaceChildren(
      el("summary", {}, i18n.t("page.shortcuts")),
      el(
        "dl",
        {},
        ...editorActions.flatMap((a) => [
          el("dt", {}, describeKeys(a.keys)),
          el("dd", {}, messages[a.label]),
        ]),
        el("dt", {}, describeKeys(["Mod-f"])),
        el("dd", {}, messages["action.find"]),
      ),
    );
    panel.relabel();
    historyToggle.textContent = i18n.t("history.open");
    history.relabel();
    editor?.setLocale(i18n.locale);
  };

  main.replaceChildren(
    el("header", { class: "page-head" }, back, title, historyToggle, shortcuts),
    el("div", { class: "page-layout" }, editorHost, panel.dom, history.dom),
  );
  relabel();

  editor = mountEditor(editorHost, {
    url: "",
    pageId,
    user: { name: me.user },
    locale: i18n.locale,
    onBlockLines: (lines) => panel.highlight(lines),
    onSource: (source) => panel.show(source),
  });
  fetchPageInfo(pageId).then(
    (page) => {
      if (typeof page.number === "number") pageNumber = page.number;
      history.setCanEdit(page.role !== "viewer");
      if (typeof page.issueId === "string")
        back.setAttribute("href", `/issues/${encodeURIComponent(page.issueId)}`);
      relabel();
    },
    () => {},
  );

  return {
    setMe: (next) => editor?.setUser({ name: next.user }),
    relabel,
    destroy: () => editor?.destroy(),
  };
}
