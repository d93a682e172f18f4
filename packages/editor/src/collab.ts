import { blockNodeName, pageFragmentName, pageMetaName } from "@galley/doc";
import * as decoding from "lib0/decoding";
import type { Plugin } from "prosemirror-state";
import { yCursorPlugin, ySyncPlugin, yUndoPlugin } from "y-prosemirror";
import type { Awareness } from "y-protocols/awareness";
import { messageAuth, messageSync, WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { collabUrl } from "./server-api.ts";

/**
 * The collaboration wiring: one Y.Doc per page, synced with the server by y-websocket's
 * `WebsocketProvider` on `ws(s)://HOST/collab/:pageId`, and bound to ProseMirror by
 * y-prosemirror's sync, cursor and undo plugins.
 */

/** A page's shared document and its connection. */
export interface Collab {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  awareness: Awareness;
}

/** Options for `connectPage`. */
export interface ConnectOptions {
  /** Server URL (http(s), ws(s), or "" for this page's origin). */
  url: string;
  pageId: string;
  /** Access token, sent as `?token=`; without it the session cookie authenticates. */
  token?: string;
  /** A WebSocket implementation, for hosts outside the browser. */
  WebSocketPolyfill?: typeof WebSocket;
}

/**
 * Opens the page's shared document. Cross-tab BroadcastChannel sync is off: every change goes
 * through the server, which checks the role and persists it before anyone else sees it.
 */
export function connectPage({ url, pageId, token, WebSocketPolyfill }: ConnectOptions): Collab {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl(url), pageId, ydoc, {
    params: token ? { token } : {},
    disableBc: true,
    ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
  });
  return { ydoc, fragment: ydoc.getXmlFragment(pageFragmentName), provider, awareness: provider.awareness };
}

/**
 * Calls `onDenied` with the server's reason when it answers a change with y-protocols' auth
 * "permission denied" (how Galley tells a viewer its update was dropped), instead of the
 * provider's default console warning.
 */
export function onPermissionDenied(provider: WebsocketProvider, onDenied: (reason: string) => void): void {
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    // Auth message: a varUint kind (0 = permission denied) and the reason.
    if (decoding.readVarUint(decoder) === 0) onDenied(decoding.readVarString(decoder));
  };
}

/** Calls `before` ahead of every sync message (remote document updates) the provider applies. */
export function beforeRemoteUpdate(provider: WebsocketProvider, before: () => void): void {
  const handle = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (...args) => {
    before();
    handle(...args);
  };
}

/** The page's language as stored with the document (page attrs live in the `page` map). */
export function pageLanguage(ydoc: Y.Doc): string | null {
  const language = ydoc.getMap(pageMetaName).get("language");
  return typeof language === "string" && language ? language : null;
}

/**
 * Nodes that undo never removes while they still hold content, so undoing my split or my new
 * block never throws away text another editor has typed into it since: every text block (one
 * node type, whatever its role) and the article.
 */
export const protectedNodes: ReadonlySet<string> = new Set<string>([blockNodeName, "article"]);

/**
 * y-prosemirror's plugins for a page, in the order they must appear: sync, remote cursors
 * (coloured by each user's awareness `user.color`), and per-user undo.
 */
export function collabPlugins(collab: Collab): Plugin[] {
  return [
    ySyncPlugin(collab.fragment) as Plugin,
    yCursorPlugin(collab.awareness) as Plugin,
    yUndoPlugin({ protectedNodes: new Set(protectedNodes) }) as Plugin,
  ];
}
