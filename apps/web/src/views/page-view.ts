import { describeKeys, type EditorHandle, editorActions, mountEditor } from "@galley/editor";
import { fetchPageInfo } from "../api.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";
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
    editor?.setLocale(i18n.locale);
  };

  main.replaceChildren(
    el("header", { class: "page-head" }, back, title, shortcuts),
    el("div", { class: "page-layout" }, editorHost, panel.dom),
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
