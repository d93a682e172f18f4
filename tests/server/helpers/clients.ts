import { pageFragmentName } from "@galley/doc";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** A y-websocket client: an unmodified `WebsocketProvider` over the `ws` package (Node 20 has no WebSocket). */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Permission-denied reasons the server sent (y-protocols auth messages). */
  denied: string[];
  /** Resolves on the first sync with the server. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connects a new client to `pageId`. BroadcastChannel is off so clients only meet through the server. */
export function connectClient(collabUrl: string, pageId: string, token: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(collabUrl, pageId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const denied: string[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) => {
    // y-protocols auth: varUint 0 (permission denied), then the reason.
    decoder.pos += 1;
    const length = readVarUint(decoder.arr, decoder);
    denied.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
    decoder.pos += length;
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once("sync", () => resolve());
  });
  return {
    doc,
    provider,
    denied,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function readVarUint(bytes: Uint8Array, cursor: { pos: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[cursor.pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
}

/** The first text node of the page (inside the first article's first block). */
export function firstText(doc: Y.Doc): Y.XmlText {
  const stack: (Y.XmlElement | Y.XmlFragment)[] = [doc.getXmlFragment(pageFragmentName)];
  while (stack.length > 0) {
    const node = stack.shift()!;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) return child;
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  throw new RangeError("the page has no text");
}

/** Inserts `text` at the start of the page's first text node, as one transaction (one update). */
export function typeAtStart(doc: Y.Doc, text: string): void {
  firstText(doc).insert(0, text);
}

/** The page's whole content as a string (for comparing replicas). */
export function pageText(doc: Y.Doc): string {
  return doc.getXmlFragment(pageFragmentName).toString();
}

/**
 * Resolves when `predicate(doc)` holds, checking now and after every update to `doc`;
 * rejects after `timeoutMs` with `what` in the message (a failing test, not a hang).
 */
export function waitForDoc(
  doc: Y.Doc,
  predicate: (doc: Y.Doc) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(doc)) return resolve();
    const timer = setTimeout(() => {
      doc.off("update", check);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const check = () => {
      if (!predicate(doc)) return;
      clearTimeout(timer);
      doc.off("update", check);
      resolve();
    };
    doc.on("update", check);
  });
}

/** Resolves with the close code and reason when the provider's socket is closed by the server. */
export function nextClose(
  provider: WebsocketProvider,
  timeoutMs = 10_000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out waiting for a close")), timeoutMs);
    const handler = (event: CloseEvent | null) => {
      if (!event) return;
      clearTimeout(timer);
      provider.off("connection-close", handler);
      resolve({ code: event.code, reason: event.reason });
    };
    provider.on("connection-close", handler);
  });
}

/**
 * Re-checks `condition` on every macrotask turn until it holds, for state that has no event of
 * its own (awareness of another client, a permission-denied message); rejects after `timeoutMs`.
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
