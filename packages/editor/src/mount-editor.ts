import { pageSchema } from "@galley/doc";
import { EditorState, Plugin, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { editorKeymaps } from "./actions.ts";
import { findBlock, textBlocks } from "./blocks.ts";
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
import { articleIdsPlugin } from "./plugins/article-ids.ts";
import { articleLabelsPlugin, setLabelMessages } from "./plugins/article-labels.ts";
import { doubtPlugin } from "./plugins/doubt.ts";
import { searchPlugin } from "./plugins/find-replace.ts";
import { setHighlightedLines, setSourceLines, sourceKey, sourcePlugin } from "./plugins/source.ts";
import { presenceOf } from "./presence.ts";
import { fetchPageRole, fetchPageSource, ServerError } from "./server-api.ts";
import { ensureStyles } from "./styles.ts";
import { colorForUser } from "./user-color.ts";
import { FindBar } from "./view/find-bar.ts";
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
  let lastLines = "";
  const uiPlugin = new Plugin({
    view: () => ({
      update: (view) => {
        toolbar?.update(view.state, !status.readOnly);
        findBar?.update(view.state, !status.readOnly);
        const block = findBlock(view.state.selection.$from);
        const lines = (block?.node.attrs.lines as string[] | undefined) ?? [];
        const key = lines.join(" ");
        if (key !== lastLines && view.hasFocus()) {
          lastLines = key;
          options.onBlockLines?.(lines);
        }
      },
    }),
  });

  const view = new EditorView(host, {
    state: EditorState.create({
      schema: pageSchema,
      plugins: [
        ...collabPlugins(collab),
        articleIdsPlugin(() => !status.readOnly),
        articleLabelsPlugin(messages),
        sourcePlugin(),
        doubtPlugin(options.doubt),
        searchPlugin(),
        ...editorKeymaps({ "Mod-f": () => (findBar ? findBar.open() : false) }),
        uiPlugin,
      ],
    }),
    editable: () => !status.readOnly,
    attributes: { spellcheck: "false" },
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
  element.append(
    ...[toolbar?.dom, findBar?.dom, statusBar?.dom, host].filter((el): el is HTMLElement => !!el),
  );
  statusBar?.setLoading(true);

  const update = (patch: Partial<EditorStatus>) => {
    // Answers (role, sync) may arrive after the host has destroyed the editor.
    if (destroyed) return;
    status = { ...status, ...patch };
    status.readOnly = !status.synced || status.role === null || status.role === "viewer";
    statusBar?.setConnection(status.connection);
    statusBar?.setLoading(!status.synced);
    statusBar?.setReadOnly(status.synced && status.role === "viewer");
    element.dataset.galleyState = status.synced && status.role !== null ? "ready" : "loading";
    element.dataset.readonly = String(status.readOnly);
    view.setProps({});
    options.onStatus?.(status);
    if (status.synced && status.role !== null) resolveReady(status);
  };

  collab.provider.on("status", ({ status: s }) => {
    if (status.connection !== "denied") update({ connection: s });
  });
  collab.provider.on("sync", (synced: boolean) => {
    if (!synced) return;
    const language = pageLanguage(collab.ydoc);
    if (language) view.dom.setAttribute("lang", language);
    update({ synced: true });
  });
  collab.provider.on("connection-close", (event) => {
    if (event && event.code >= 4400 && event.code < 4500) update({ connection: "denied" });
  });

  const showPresence = () => statusBar?.setPresence(presenceOf(collab.awareness, collab.ydoc.clientID));
  collab.awareness.on("change", showPresence);
  showPresence();

  // The server is the authority: a change it drops turns the editor read-only whatever we thought.
  onPermissionDenied(collab.provider, () => update({ role: "viewer" }));
  if (options.role) update({ role: options.role });
  else {
    fetchPageRole(options.url, options.pageId, options.token).then(
      (role) => update({ role }),
      (error: unknown) => {
        if (error instanceof ServerError) {
          if (error.status === 401 || error.status === 403) update({ connection: "denied", role: "viewer" });
        } else {
          // Unreachable API (e.g. a cross-origin host without CORS): let the server decide.
          update({ role: "editor" });
        }
      },
    );
  }
  fetchPageSource(options.url, options.pageId, options.token).then(
    (source) => {
      if (destroyed) return;
      view.dispatch(setSourceLines(view.state.tr, source.lines));
      options.onSource?.(source);
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
    sourceLines: () => [...(sourceKey.getState(view.state)?.lines.values() ?? [])],
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
      view.dispatch(setLabelMessages(view.state.tr, messages));
    },
    openFind: () => void findBar?.open(),
    destroy() {
      destroyed = true;
      collab.awareness.off("change", showPresence);
      view.destroy();
      collab.provider.destroy();
      collab.ydoc.destroy();
      for (const el of [toolbar?.dom, findBar?.dom, statusBar?.dom, host]) el?.remove();
      element.classList.remove("galley-editor");
      delete element.dataset.galleyState;
      delete element.dataset.readonly;
    },
  };
}
