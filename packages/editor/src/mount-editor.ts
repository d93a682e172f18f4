import { pageSchema } from "@galley/doc";
import { EditorState, Plugin, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { ySyncPluginKey } from "y-prosemirror";
import { editorKeymaps } from "./actions.ts";
import { findArticle, findBlock, textBlocks } from "./blocks.ts";
import {
  beforeRemoteUpdate,
  collabPlugins,
  connectPage,
  onPermissionDenied,
  pageLanguage,
} from "./collab.ts";
import { readDomSelection } from "./dom-selection.ts";
import { messagesFor } from "./i18n/messages.ts";
import type { EditorHandle, EditorStatus, MountEditorOptions } from "./mount-options.ts";
import { PendingChanges } from "./pending-changes.ts";
import { articleCardsPlugin } from "./plugins/article-cards.ts";
import { articleIdsPlugin } from "./plugins/article-ids.ts";
import { doubtPlugin } from "./plugins/doubt.ts";
import { searchPlugin } from "./plugins/find-replace.ts";
import { lineStripPlugin, setPageImage } from "./plugins/line-strip.ts";
import { setHighlightedLines, setSourceLines, sourceKey, sourcePlugin } from "./plugins/source.ts";
import { setUiState, uiStatePlugin } from "./plugins/ui-state.ts";
import { articlesOfPeople, presenceOf } from "./presence.ts";
import { type ArticleRegion, articleRegions } from "./regions.ts";
import { fetchPageFacts, fetchPageSource, type PageSource, pageImageUrl, ServerError } from "./server-api.ts";
import { ensureStyles } from "./styles.ts";
import { colorForUser } from "./user-color.ts";
import { FindBar } from "./view/find-bar.ts";
import { Outline } from "./view/outline.ts";
import { StatusBar } from "./view/status-bar.ts";
import { Toolbar } from "./view/toolbar.ts";

/**
 * Mounts the collaborative page editor into `element`: toolbar, find bar, status bar and the
 * ProseMirror view of the page, synced through the Galley server. Works in any page that can
 * reach the server; styles are injected once. The view stays read-only until the page has
 * synced, and for good when the role is `viewer` (the server also rejects a viewer's changes).
 */
export function mountEditor(element: HTMLElement, options: MountEditorOptions): EditorHandle {
  ensureStyles(element.ownerDocument);
  let messages = messagesFor(options.locale ?? "en");
  const collab = connectPage(options);
  const user = { name: options.user.name, color: options.user.color ?? colorForUser(options.user.name) };
  collab.awareness.setLocalStateField("user", user);

  let status: EditorStatus = {
    connection: "connecting",
    synced: false,
    readOnly: true,
    role: options.role ?? null,
  };
  let resolveReady: (s: EditorStatus) => void = () => {};
  const ready = new Promise<EditorStatus>((resolve) => {
    resolveReady = resolve;
  });

  element.classList.add("galley-editor");
  element.dataset.galleyState = "loading";
  const host = element.ownerDocument.createElement("div");
  host.className = "galley-editor-page";

  let destroyed = false;
  let toolbar: Toolbar | null = null;
  let findBar: FindBar | null = null;
  let outline: Outline | null = null;
  let lastLines = "";
  let lastArticle: string | null | undefined;
  let lastRegions = "";
  let source: PageSource | null = null;
  const regionsOf = (state: EditorState): ArticleRegion[] =>
    articleRegions(state.doc, sourceKey.getState(state)?.lines ?? new Map());
  const showOutline = () => {
    if (!outline) return;
    const people = presenceOf(collab.awareness, collab.ydoc.clientID);
    outline.update(view.state, people, articlesOfPeople(view.state, collab.awareness, collab.ydoc.clientID));
  };
  const uiPlugin = new Plugin({
    props: {
      handleDOMEvents: {
        // Find reads and changes nothing, so it also works read-only, where ProseMirror runs no keymap.
        keydown: (_view, event) => {
          const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
          if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== "f" || !findBar)
            return false;
          if (event.isComposing) return false;
          event.preventDefault();
          return findBar.open();
        },
      },
    },
    view: (first) => {
      // Plugin views are made anew when the plugins change (on the first sync): start from the state as it is.
      const update = (view: EditorView, previous: EditorState | null) => {
        toolbar?.update(view.state, !status.readOnly);
        findBar?.update(view.state, !status.readOnly);
        const block = findBlock(view.state.selection.$from);
        const lines = (block?.node.attrs.lines as string[] | undefined) ?? [];
        const key = lines.join(" ");
        if (key !== lastLines && view.hasFocus()) {
          lastLines = key;
          options.onBlockLines?.(lines);
        }
        const article = findArticle(view.state.selection.$from);
        const articleId = article ? (article.node.attrs.id as string) : null;
        if (articleId !== lastArticle && view.hasFocus()) {
          lastArticle = articleId;
          options.onArticle?.(articleId);
        }
        if (
          options.onRegions &&
          (!previous ||
            view.state.doc !== previous.doc ||
            sourceKey.getState(previous) !== sourceKey.getState(view.state))
        ) {
          const regions = regionsOf(view.state);
          const regionKey = JSON.stringify(
            regions.map((r) => [r.id, r.number, r.headline, r.lines.map((l) => l.lineId)]),
          );
          if (regionKey !== lastRegions) {
            lastRegions = regionKey;
            options.onRegions(regions);
          }
        }
        showOutline();
      };
      update(first, null);
      return { update };
    },
  });

  const pagePlugins = [
    uiStatePlugin(messages),
    articleIdsPlugin(() => !status.readOnly),
    articleCardsPlugin(),
    sourcePlugin(),
    doubtPlugin(options.doubt),
    lineStripPlugin(),
    searchPlugin(),
    ...editorKeymaps({ "Mod-f": () => (findBar ? findBar.open() : false) }),
    uiPlugin,
  ];
  // Until the page has arrived the view holds a placeholder (one empty article, caret inside
  // it) without the collaboration plugins; they are added on the first sync. y-prosemirror
  // renders the shared page when its plugin view starts and keeps the caret's position: at
  // that moment the page must be there and the caret inside a text block, or ProseMirror warns
  // "TextSelection endpoint not pointing into a node with inline content" on every open.
  const placeholder = pageSchema.node("page", null, [
    pageSchema.node("article", null, [pageSchema.node("block", null)]),
  ]);
  const view = new EditorView(host, {
    state: EditorState.create({
      doc: placeholder,
      selection: TextSelection.create(placeholder, 2),
      plugins: pagePlugins,
    }),
    editable: () => !status.readOnly,
    // Focusable read-only too, so a viewer can select text and use Find from the keyboard.
    attributes: { spellcheck: "false", tabindex: "0" },
  });

  // Take in a caret the browser moved but ProseMirror has not read yet, before remote changes land.
  beforeRemoteUpdate(collab.provider, () => readDomSelection(view));

  const statusBar = options.statusBar === false ? null : new StatusBar(messages);
  if (options.toolbar !== false) {
    toolbar = new Toolbar(
      () => view,
      messages,
      () => findBar?.open(),
    );
    findBar = new FindBar(() => view, messages);
  }
  if (options.outline) {
    outline = new Outline(messages, (pos) => {
      const first = textBlocks(view.state.doc).find((b) => b.pos > pos);
      if (!first) return;
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, first.pos + 1)));
      const dom = view.nodeDOM(pos);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "start", behavior: "smooth" });
    });
    options.outline.append(outline.dom);
  }
  element.append(
    ...[statusBar?.banner, toolbar?.dom, findBar?.dom, statusBar?.dom, host].filter(
      (el): el is HTMLElement => !!el,
    ),
  );
  statusBar?.setLoading(true);

  const pending = new PendingChanges(collab.ydoc, collab.provider, () => showOffline());
  const showOffline = () => {
    const offline = status.synced && status.connection !== "connected" && status.connection !== "denied";
    statusBar?.setOffline(offline, pending.count);
    element.dataset.offline = String(offline);
  };

  const update = (patch: Partial<EditorStatus>) => {
    // Answers (role, sync) may arrive after the host has destroyed the editor.
    if (destroyed) return;
    const wasReadOnly = status.readOnly;
    status = { ...status, ...patch };
    status.readOnly = !status.synced || status.role === null || status.role === "viewer";
    statusBar?.setConnection(status.connection);
    statusBar?.setLoading(!status.synced && status.connection !== "not-found");
    statusBar?.setReadOnly(status.synced && status.role === "viewer");
    element.dataset.galleyState = status.synced && status.role !== null ? "ready" : "loading";
    if (status.connection === "not-found") element.dataset.galleyState = "not-found";
    element.dataset.readonly = String(status.readOnly);
    showOffline();
    if (wasReadOnly !== status.readOnly)
      view.dispatch(setUiState(view.state.tr, { editable: !status.readOnly }));
    else view.setProps({});
    options.onStatus?.(status);
    if (status.synced && status.role !== null) resolveReady(status);
  };

  collab.provider.on("status", ({ status: s }) => {
    if (s !== "connected") pending.setOnline(false);
    if (status.connection !== "denied" && status.connection !== "not-found") update({ connection: s });
  });
  collab.provider.on("sync", (synced: boolean) => {
    if (!synced) return;
    if (!view.state.plugins.some((p) => p.spec.key === ySyncPluginKey)) {
      view.updateState(view.state.reconfigure({ plugins: [...collabPlugins(collab), ...pagePlugins] }));
    }
    pending.setOnline(true);
    const language = pageLanguage(collab.ydoc);
    if (language) view.dom.setAttribute("lang", language);
    update({ synced: true });
  });
  collab.provider.on("connection-close", (event) => {
    if (event?.code === 4404) update({ connection: "not-found" });
    else if (event && event.code >= 4400 && event.code < 4500) update({ connection: "denied" });
  });

  const showPresence = () => {
    statusBar?.setPresence(presenceOf(collab.awareness, collab.ydoc.clientID));
    showOutline();
  };
  collab.awareness.on("change", showPresence);
  showPresence();

  const showImage = () => {
    if (destroyed || !source?.width || !source.height) return;
    const url = options.imageUrl ?? pageImageUrl(options.url, options.pageId, options.token);
    view.dispatch(setPageImage(view.state.tr, { url, width: source.width, height: source.height }));
  };
  let hasImage = typeof options.imageUrl === "string";

  // The server is the authority: a change it drops turns the editor read-only whatever we thought.
  onPermissionDenied(collab.provider, () => update({ role: "viewer" }));
  fetchPageFacts(options.url, options.pageId, options.token).then(
    (facts) => {
      if (!options.role) update({ role: facts.role });
      hasImage ||= facts.hasImage;
      if (hasImage) showImage();
    },
    (error: unknown) => {
      if (error instanceof ServerError) {
        if (error.status === 404) update({ connection: "not-found", role: "viewer" });
        else if (error.status === 401 || error.status === 403)
          update({ connection: "denied", role: "viewer" });
      } else if (!options.role) {
        // Unreachable API (e.g. a cross-origin host without CORS): let the server decide.
        update({ role: "editor" });
      }
    },
  );
  if (options.role) update({ role: options.role });
  fetchPageSource(options.url, options.pageId, options.token).then(
    (loaded) => {
      if (destroyed) return;
      source = loaded;
      view.dispatch(setSourceLines(view.state.tr, loaded.lines));
      if (hasImage) showImage();
      options.onSource?.(loaded);
    },
    // A page without stored source lines still edits; doubt then shows block confidence only.
    () => {},
  );

  return {
    view,
    ydoc: collab.ydoc,
    provider: collab.provider,
    awareness: collab.awareness,
    ready,
    status: () => status,
    pendingChanges: () => pending.count,
    sourceLines: () => [...(sourceKey.getState(view.state)?.lines.values() ?? [])],
    regions: () => regionsOf(view.state),
    highlightLines: (lineIds) => view.dispatch(setHighlightedLines(view.state.tr, lineIds)),
    revealLine(lineId) {
      const found = textBlocks(view.state.doc).find(({ node }) =>
        (node.attrs.lines as string[]).includes(lineId),
      );
      if (!found) return false;
      view.focus();
      const tr = setHighlightedLines(view.state.tr, [lineId]);
      tr.setSelection(TextSelection.create(tr.doc, found.pos + 1)).scrollIntoView();
      view.dispatch(tr);
      const dom = view.nodeDOM(found.pos);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center" });
      return true;
    },
    revealArticle(articleId) {
      let target: number | null = null;
      view.state.doc.forEach((node, pos) => {
        if (target === null && node.type.name === "article" && node.attrs.id === articleId) target = pos;
      });
      if (target === null) return false;
      const first = textBlocks(view.state.doc).find((b) => b.pos > target!);
      if (!first) return false;
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, first.pos + 1)));
      const dom = view.nodeDOM(target);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center" });
      return true;
    },
    setUser(next) {
      collab.awareness.setLocalStateField("user", {
        name: next.name,
        color: next.color ?? colorForUser(next.name),
      });
    },
    setLocale(locale) {
      messages = messagesFor(locale);
      toolbar?.setMessages(messages);
      findBar?.setMessages(messages);
      statusBar?.setMessages(messages);
      outline?.setMessages(messages);
      view.dispatch(setUiState(view.state.tr, { messages }));
    },
    openFind: () => void findBar?.open(),
    destroy() {
      destroyed = true;
      collab.awareness.off("change", showPresence);
      pending.destroy();
      view.destroy();
      collab.provider.destroy();
      collab.ydoc.destroy();
      for (const el of [statusBar?.banner, toolbar?.dom, findBar?.dom, statusBar?.dom, host, outline?.dom])
        el?.remove();
      element.classList.remove("galley-editor");
      delete element.dataset.galleyState;
      delete element.dataset.readonly;
      delete element.dataset.offline;
    },
  };
}
