import { readPageFromYDoc } from "@galley/doc";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/**
 * A plain y-websocket client in Node on a page, to watch what the server relays: `waitFor`
 * resolves when the page's text satisfies a predicate (checked on every update, no polling).
 */
export interface PageWatcher {
  ydoc: Y.Doc;
  /** The page's text content as the shared document holds it. */
  text(): string;
  waitFor(predicate: (text: string) => boolean): Promise<string>;
  close(): void;
}

/** Joins the page over the collaboration socket with `token`, resolving once synced. */
export async function watchPage(base: string, pageId: string, token: string): Promise<PageWatcher> {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`${base.replace(/^http/, "ws")}/collab`, pageId, ydoc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  await new Promise<void>((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
  const text = () => readPageFromYDoc(ydoc).textContent;
  return {
    ydoc,
    text,
    waitFor(predicate) {
      return new Promise((resolve) => {
        const check = () => {
          const now = text();
          if (!predicate(now)) return;
          ydoc.off("update", check);
          resolve(now);
        };
        ydoc.on("update", check);
        check();
      });
    },
    close() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}
