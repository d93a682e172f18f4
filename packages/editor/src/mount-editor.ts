import type { SourceLine } from "@galley/core";
import { pageSchema } from "@galley/doc";
import { EditorState, Plugin, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { Awareness } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { editorKeymaps } from "./actions.ts";
import { findBlock, textBlocks } from "./blocks.ts";
import {
  beforeRemoteUpdate,
  collabPlugins,
  connectPage,
  onPermissionDenied,
  pageLanguage,
} from "./collab.ts";
import { type Locale, messagesFor } from "./i18n/messages.ts";
import { articleIdsPlugin } from "./plugins/article-ids.ts";
import { articleLabelsPlugin, setLabelMessages } from "./plugins/article-labels.ts";
import { type DoubtOptions, doubtPlugin } from "./plugins/doubt.ts";
import { searchPlugin } from "./plugins/find-replace.ts";
import { setHighlightedLines, setSourceLines, sourceKey, sourcePlugin } from "./plugins/source.ts";
import { fetchPageRole, fetchPageSource, type PageSource, type Role, ServerError } from "./server-api.ts";
import { ensureStyles } from "./styles.ts";
import { colorForUser } from "./user-color.ts";
import { FindBar } from "./view/find-bar.ts";
import { type ConnectionState, type Presence, StatusBar } from "./view/status-bar.ts";
import { Toolbar } from "./view/toolbar.ts";

/** Who is editing, as others see it. */
export interface EditorUser {
  name: string;
  /** Cursor colour, `#rrggbb`; derived from the name when omitted. */
  color?: string;
}

/** Options of `mountEditor`. */
export interface MountEditorOptions {
  /** The Galley server: `http(s)://host:port` (or "" for the page's own origin). */
  url: string;
  pageId: string;
  /** Access token; omit to use the session cookie (same origin only). */
  token?: string;
  user: EditorUser;
  /** UI language (default English). */
  locale?: Locale;
  /** The user's role, when the host knows it; otherwise asked from `GET /api/me`. */
  role?: Role;
  /** Show the toolbar (default true). */
  toolbar?: boolean;
  /** Show connection, read-only notice and presence (default true). */
  statusBar?: boolean;
  /** Thresholds for doubt decorations. */
  doubt?: DoubtOptions;
  /** Called whenever connection, sync or read-only state changes. */
  onStatus?: (status: EditorStatus) => void;
  /** Called when the cursor moves into a block: the source line ids it came from. */
  onBlockLines?: (lineIds: readonly string[]) => void;
  /** Called once the page's source has been loaded (not when the server has none). */
  onSource?: (source: PageSource) => void;
  /** WebSocket implementation, for hosts outside the browser. */
  WebSocketPolyfill?: typeof WebSocket;
}

/** The editor's state as a host may show it. */
export interface EditorStatus {
  connection: ConnectionState;
  /** Whether the page has been received from the server at least once. */
  synced: boolean;
  /** Whether the user may not change the page (a viewer, or not yet known). */
  readOnly: boolean;
  role: Role | null;
}

/** What `mountEditor` returns. */
export interface EditorHandle {
  view: EditorView;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  /** Resolves when the page is loaded and its editability decided. */
  ready: Promise<EditorStatus>;
  status(): EditorStatus;
  /** The page's source lines (empty until loaded or when the server has none). */
  sourceLines(): readonly SourceLine[];
  /** Highlights the blocks that came from `lineIds` (empty clears). */
  highlightLines(lineIds: readonly string[]): void;
  /** Focuses the editor with the cursor in the first block made from line `lineId`, highlighted and scrolled to. */
  revealLine(lineId: string): boolean;
  /** Switches the UI language. */
  setLocale(locale: Locale): void;
  /** Changes the name (and colour) others see for this user. */
  setUser(user: EditorUser): void;
  /** Opens the find bar. */
  openFind(): void;
  /** Disconnects and removes the editor from the element. */
  destroy(): void;
}

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

  // A caret the browser has moved (click, Home, arrow) is read by ProseMirror on the next
  // `selectionchange`; a remote update applied before that would restore the old selection, so
  // take the DOM selection in first.
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

  const showPresence = () => {
    const people: Presence[] = [];
    collab.awareness.getStates().forEach((state, clientId) => {
      const u = state.user as { name?: string; color?: string } | undefined;
      if (!u?.name) return;
      people.push({
        clientId,
        name: u.name,
        color: u.color ?? "#999999",
        isSelf: clientId === collab.ydoc.clientID,
      });
    });
    statusBar?.setPresence(
      people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name)),
    );
  };
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

/** Brings a DOM selection ProseMirror has not read yet into the editor state. */
function readDomSelection(view: EditorView): void {
  if (!view.hasFocus() || view.composing) return;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return;
  }
  const { selection, doc } = view.state;
  if (anchor === selection.anchor && head === selection.head) return;
  if (anchor < 0 || head < 0 || anchor > doc.content.size || head > doc.content.size) return;
  if (!doc.resolve(anchor).parent.isTextblock || !doc.resolve(head).parent.isTextblock) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, anchor, head)));
}
