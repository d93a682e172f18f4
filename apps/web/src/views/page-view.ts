import {
  type ArticleRegion,
  describeKeys,
  type EditorHandle,
  editorActions,
  mountEditor,
} from "@galley/editor";
import { ApiError, fetchPageInfo } from "../api.ts";
import type { AppMessageKey } from "../i18n/en.ts";
import type { MountedView, ViewContext } from "./context.ts";
import { el } from "./dom.ts";
import { HistoryPanel } from "./history-panel.ts";
import { PageImage } from "./page-image.ts";
import { SourcePanel } from "./source-panel.ts";

type Tab = "image" | "lines" | "outline";
const tabs: readonly Tab[] = ["image", "lines", "outline"];
const tabLabels: Record<Tab, AppMessageKey> = {
  image: "page.tabImage",
  lines: "page.tabLines",
  outline: "page.tabOutline",
};

/**
 * The page editor: the collaborative editor (articles as cards, toolbar, presence, connection)
 * beside a panel with three tabs — the page image (zoomable, the articles drawn on it), the
 * source lines, and the outline of the page's articles. A block and the source lines it came
 * from point at each other: moving into a block lights its lines and boxes; picking a line or a
 * box puts the cursor in its block; picking an article's region goes to its card. On a narrow
 * screen the editor and the panel take turns, switched by two buttons at the bottom.
 */
export function mountPageView(main: HTMLElement, ctx: ViewContext, pageId: string): MountedView {
  const { i18n, me } = ctx;
  const back = el("a", { class: "back", href: "/" });
  const title = el("h1", {});
  const editorHost = el("section", { class: "editor-host" });
  let editor: EditorHandle | null = null;
  const pick = (lineId: string) => {
    panel.highlight([lineId]);
    image.highlight([lineId]);
    editor?.revealLine(lineId);
    if (layout.dataset.view === "panel") show("text");
  };
  const panel = new SourcePanel(i18n, pick);
  const image = new PageImage(i18n, `/api/pages/${encodeURIComponent(pageId)}/image`, pick, (articleId) => {
    editor?.revealArticle(articleId);
    if (layout.dataset.view === "panel") show("text");
  });
  const outlineHost = el("div", { class: "outline-host" });
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

  const tabButtons = new Map<Tab, HTMLButtonElement>();
  const tabPanels: Record<Tab, HTMLElement> = {
    image: el("div", { class: "tab-panel", "data-tab": "image", role: "tabpanel" }, image.dom),
    lines: el("div", { class: "tab-panel", "data-tab": "lines", role: "tabpanel" }, panel.dom),
    outline: el("div", { class: "tab-panel", "data-tab": "outline", role: "tabpanel" }, outlineHost),
  };
  const tabList = el("div", { class: "tabs", role: "tablist" });
  for (const tab of tabs) {
    const button = el("button", { type: "button", role: "tab", "data-tab": tab });
    button.addEventListener("click", () => select(tab));
    tabButtons.set(tab, button);
    tabList.append(button);
  }
  const side = el("aside", { class: "side-panel" }, tabList, ...tabs.map((t) => tabPanels[t]));
  const select = (tab: Tab) => {
    side.dataset.tab = tab;
    for (const [t, button] of tabButtons) button.setAttribute("aria-selected", String(t === tab));
    for (const t of tabs) tabPanels[t].hidden = t !== tab;
    if (tab === "lines") panel.recentre();
  };
  select("lines");

  const layout = el("div", { class: "page-layout", "data-view": "text" }, editorHost, side, history.dom);
  const showText = el("button", { type: "button", "data-show": "text" });
  const showPanel = el("button", { type: "button", "data-show": "panel" });
  const show = (which: "text" | "panel") => {
    layout.dataset.view = which;
    showText.setAttribute("aria-pressed", String(which === "text"));
    showPanel.setAttribute("aria-pressed", String(which === "panel"));
    window.scrollTo({ top: 0 });
  };
  showText.addEventListener("click", () => show("text"));
  showPanel.addEventListener("click", () => show("panel"));
  const phoneSwitch = el("nav", { class: "phone-switch" }, showText, showPanel);
  show("text");

  const relabel = () => {
    back.textContent = `← ${i18n.t("page.back")}`;
    title.textContent = pageNumber === null ? "…" : i18n.t("page.title", { number: pageNumber });
    editorHost.setAttribute("aria-label", i18n.t("page.editor"));
    for (const [tab, button] of tabButtons) button.textContent = i18n.t(tabLabels[tab]);
    tabList.setAttribute("aria-label", i18n.t("page.panel"));
    showText.textContent = i18n.t("page.showText");
    showPanel.textContent = i18n.t("page.showPanel");
    phoneSwitch.setAttribute("aria-label", i18n.t("page.panel"));
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
    image.relabel();
    historyToggle.textContent = i18n.t("history.open");
    history.relabel();
    editor?.setLocale(i18n.locale);
  };

  main.classList.add("page-main");
  main.replaceChildren(
    el("header", { class: "page-head" }, back, title, historyToggle, shortcuts),
    layout,
    phoneSwitch,
  );
  relabel();

  let gone = false;
  let hasImage = false;
  const notFound = () => {
    if (gone) return;
    gone = true;
    main.classList.remove("page-main");
    editor?.destroy();
    editor = null;
    image.destroy();
    main.replaceChildren(
      el("p", {}, el("a", { href: "/", class: "back" }, `← ${i18n.t("issue.back")}`)),
      el("h1", {}, i18n.t("page.notFoundTitle")),
      el("p", { class: "error", role: "alert" }, i18n.t("page.notFound", { id: pageId })),
    );
  };

  editor = mountEditor(editorHost, {
    url: "",
    pageId,
    user: { name: me.user },
    locale: i18n.locale,
    outline: outlineHost,
    onBlockLines: (lines) => {
      panel.highlight(lines);
      image.highlight(lines);
    },
    onArticle: (articleId) => image.lightArticle(articleId),
    onRegions: (regions: ArticleRegion[]) => image.setRegions(regions),
    onSource: (source) => {
      panel.show(source);
      if (hasImage && source.width && source.height)
        void image.open(source.lines, source.width, source.height);
    },
    onStatus: (status) => {
      if (status.connection === "not-found") notFound();
    },
  });
  // Hovering a card lights its region on the image.
  editorHost.addEventListener("mouseover", (e) => {
    const article = (e.target as Element | null)?.closest?.("article[data-article-id]");
    image.lightArticle(article?.getAttribute("data-article-id") ?? null);
  });

  fetchPageInfo(pageId).then(
    (page) => {
      if (typeof page.number === "number") pageNumber = page.number;
      history.setCanEdit(page.role !== "viewer");
      if (typeof page.issueId === "string")
        back.setAttribute("href", `/issues/${encodeURIComponent(page.issueId)}`);
      hasImage = page.hasImage === true;
      if (hasImage) {
        select("image");
        const source = editor?.sourceLines() ?? [];
        if (source.length > 0 && page.width && page.height) void image.open(source, page.width, page.height);
      }
      relabel();
    },
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) notFound();
    },
  );

  return {
    setMe: (next) => editor?.setUser({ name: next.user }),
    relabel,
    destroy: () => {
      main.classList.remove("page-main");
      editor?.destroy();
      image.destroy();
    },
  };
}
