import type { SourceLine } from "@galley/core";
import type { EditorView } from "prosemirror-view";
import type { Awareness } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { Locale } from "./i18n/messages.ts";
import type { DoubtOptions } from "./plugins/doubt.ts";
import type { ArticleRegion } from "./regions.ts";
import type { PageSource, Role } from "./server-api.ts";
import type { ConnectionState } from "./view/status-bar.ts";

/** The options and the handle of `mountEditor`. */

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
  /** Called when the caret moves into another article (its id), or out of every article (null). */
  onArticle?: (articleId: string | null) => void;
  /** Called with the articles' regions on the page image whenever they change (needs source boxes). */
  onRegions?: (regions: ArticleRegion[]) => void;
  /** An element to draw the outline of the page's articles into (left out when not given). */
  outline?: HTMLElement;
  /**
   * The page image's URL, for the strip of the printed line above the one being corrected;
   * default `GET /api/pages/:pageId/image` when the server says the page has one.
   */
  imageUrl?: string;
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
  /** How many changes made here the server does not have yet (made while disconnected). */
  pendingChanges(): number;
  /** The articles' regions on the page image (boxes from the source lines). */
  regions(): ArticleRegion[];
  /** Focuses the editor at the start of article `articleId`, scrolled to; false if there is none. */
  revealArticle(articleId: string): boolean;
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
