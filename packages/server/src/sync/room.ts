import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Bus } from "../bus/bus.ts";
import type { Logger } from "../logger.ts";
import type { Storage } from "../storage/storage.ts";
import { BusRelay } from "./bus-relay.ts";
import { CloseCode } from "./close-codes.ts";
import { type CompactionPolicy, Compactor } from "./compactor.ts";
import type { Connection } from "./connection.ts";
import { buildDoc, checkUpdate, countArticles, isKnownUpdate, mergeStoredDoc } from "./doc-state.ts";
import {
  type ClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from "./protocol.ts";

/** What a room needs from the server around it. */
export interface RoomDeps {
  storage: Storage;
  bus: Bus | null;
  logger: Logger;
  /** This server instance, to skip its own bus messages. */
  instanceId: string;
  /** When to compact the log in the background. */
  compaction: CompactionPolicy;
  /** Told after each compaction that folded updates. */
  onCompacted?: (folded: number) => void;
}

/** The page does not exist in storage. */
export class PageNotFoundError extends Error {
  override name = "PageNotFoundError";
}

/** Where a room is in its life. */
export type RoomState = "loading" | "ready" | "failed" | "closing" | "closed";

/**
 * One loaded page: its Y.Doc and awareness, the connections editing it, and the write path.
 *
 * Write path: a client's update is checked, queued, appended to storage (queued updates go in
 * one transaction), and only once the append has committed applied to the doc — whose
 * `update` event broadcasts it to the other connections and the bus. So every update a client
 * receives is already durable.
 */
export class Room {
  state: RoomState = "loading";
  /** Settles when the stored state is loaded; rejects with `PageNotFoundError` or `DocLoadError`. */
  readonly ready: Promise<void>;
  readonly connections = new Set<Connection>();
  private doc: Y.Doc | null = null;
  private awareness: awarenessProtocol.Awareness | null = null;
  private relay: BusRelay | null = null;
  private queue: { update: Uint8Array; origin: Connection }[] = [];
  private flushing: Promise<void> | null = null;
  private readonly compactor: Compactor;
  private closing: Promise<void> | null = null;

  constructor(
    readonly pageId: string,
    private readonly deps: RoomDeps,
  ) {
    this.compactor = new Compactor(deps.compaction, () => this.compact());
    this.ready = this.load();
    this.ready.catch(() => {});
  }

  /** Adds a connection: sends the server's state vector (sync step 1) and the known awareness states. */
  join(connection: Connection): void {
    const { doc, awareness } = this.loaded();
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(doc)));
    const clients = [...awareness.getStates().keys()];
    if (clients.length > 0)
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients)));
  }

  /** Removes a connection and its awareness states (which tells the others it left). */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (this.awareness && connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
  }

  /** Handles one decoded message. Throws `MalformedMessageError` for a payload that does not decode. */
  receive(connection: Connection, message: ClientMessage): void {
    const { doc, awareness } = this.loaded();
    switch (message.kind) {
      case "sync-step1": {
        let update: Uint8Array;
        try {
          update = Y.encodeStateAsUpdate(doc, message.stateVector);
        } catch (error) {
          throw new MalformedMessageError(`not a state vector (${(error as Error).message})`);
        }
        connection.send(encodeSyncStep2(update));
        return;
      }
      case "sync-step2":
      case "update":
        this.receiveUpdate(connection, message.update, message.kind === "sync-step2");
        return;
      case "awareness":
        try {
          awarenessProtocol.applyAwarenessUpdate(awareness, message.update, connection);
        } catch (error) {
          throw new MalformedMessageError(`not an awareness update (${(error as Error).message})`);
        }
        return;
      case "query-awareness":
        connection.send(
          encodeAwareness(
            awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]),
          ),
        );
        return;
    }
  }

  /** Settles when every update received so far has been stored (or refused by storage). */
  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /**
   * Unloads the room: stores what is queued, closes the remaining connections with `code`,
   * compacts the log and releases the doc. Safe to call in any state, more than once: every
   * call settles when the unload is complete.
   */
  close(code: number, reason: string): Promise<void> {
    this.closing ??= this.unload(code, reason);
    return this.closing;
  }

  private async unload(code: number, reason: string): Promise<void> {
    this.state = "closing";
    await this.ready.catch(() => {});
    await this.flushed();
    for (const connection of this.connections) connection.close(code, reason);
    this.connections.clear();
    await this.relay?.stop();
    if (this.doc) {
      await this.compactor.stop();
      await this.compact();
    }
    this.awareness?.destroy();
    this.doc?.destroy();
    this.state = "closed";
  }

  private async load(): Promise<void> {
    const { storage, bus } = this.deps;
    try {
      // Subscribe before reading storage, so no update published in between is missed;
      // what arrives while loading is held and applied after (Yjs updates are idempotent).
      if (bus) this.relay = await BusRelay.start(bus, this.pageId, this.deps.instanceId, this.deps.logger);
      const stored = await storage.loadDoc(this.pageId);
      if (!stored) throw new PageNotFoundError(`no page ${this.pageId}`);
      const doc = buildDoc(stored, this.pageId);
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState(null);
      this.doc = doc;
      this.awareness = awareness;
      doc.on("update", (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
      awareness.on("update", (change: AwarenessChange, origin: unknown) =>
        this.broadcastAwareness(change, origin),
      );
      this.relay?.attach(doc, awareness, () => this.localAwarenessClients());
      if (this.state === "loading") this.state = "ready";
    } catch (error) {
      await this.relay?.stop();
      if (this.state === "loading") this.state = "failed";
      throw error;
    }
  }

  private receiveUpdate(connection: Connection, update: Uint8Array, isSyncReply: boolean): void {
    const problem = checkUpdate(update);
    if (problem) throw new MalformedMessageError(problem);
    if (isEmptyUpdate(update)) return;
    const doc = this.loaded().doc;
    if (!connection.canWrite) {
      if (!isKnownUpdate(doc, update)) {
        connection.send(
          encodePermissionDenied("read-only: your role may not change this page; the change was dropped"),
        );
      }
      return;
    }
    // A reconnecting client's sync reply usually holds nothing new; don't log it again.
    if (isSyncReply && isKnownUpdate(doc, update)) return;
    this.queue.push({ update, origin: connection });
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    // Group commit: wait for the end of this event-loop turn, so every message read from the
    // sockets in it goes into one transaction (one fsync) instead of one each.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.deps.storage.appendUpdates(
          this.pageId,
          batch.map((entry) => entry.update),
        );
      } catch (error) {
        // Nothing of the batch was stored or applied. The senders still hold the changes:
        // closing them makes their providers reconnect and resend what the server lacks.
        this.deps.logger.error("could not store updates", { page: this.pageId, count: batch.length, error });
        for (const origin of new Set(batch.map((entry) => entry.origin))) {
          origin.close(
            CloseCode.StoreFailed,
            "the server could not store your change; reconnect to resend it",
          );
        }
        continue;
      }
      const doc = this.doc;
      if (!doc) break;
      // One transaction per run of updates from one connection: one cleanup and one
      // broadcast message instead of one per keystroke.
      for (let start = 0, end = 0; start < batch.length; start = end) {
        const origin = batch[start]!.origin;
        while (end < batch.length && batch[end]!.origin === origin) end++;
        doc.transact(() => {
          for (let i = start; i < end; i++) Y.applyUpdate(doc, batch[i]!.update, origin);
        }, origin);
      }
      if (this.state === "ready") this.compactor.noteStored(batch.length);
    }
    this.flushing = null;
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    const message = encodeUpdate(update);
    for (const connection of this.connections) if (connection !== origin) connection.send(message);
    if (this.relay && origin !== this.relay) this.relay.publish("update", update);
  }

  private broadcastAwareness(change: AwarenessChange, origin: unknown): void {
    const awareness = this.awareness;
    if (!awareness) return;
    const owner = origin as Connection;
    if (this.connections.has(owner)) {
      for (const client of [...change.added, ...change.updated]) owner.awarenessClients.add(client);
      for (const client of change.removed) owner.awarenessClients.delete(client);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, changed);
    // Sent to the origin too, as the reference server does: a lone client's own awareness
    // renewal is what keeps its provider from timing the connection out.
    const message = encodeAwareness(update);
    for (const connection of this.connections) connection.send(message);
    if (this.relay && origin !== this.relay) this.relay.publish("awareness", update);
  }

  private localAwarenessClients(): number[] {
    return [...this.connections].flatMap((c) => [...c.awarenessClients]);
  }

  private async compact(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    try {
      const folded = await this.deps.storage.compactDoc(this.pageId, mergeStoredDoc);
      await this.deps.storage.updatePage(this.pageId, { articleCount: countArticles(doc) });
      if (folded > 0) this.deps.onCompacted?.(folded);
    } catch (error) {
      // The log is intact: compaction replaces it only after the merge succeeded.
      this.deps.logger.warn("compaction failed; the update log is kept", { page: this.pageId, error });
    }
  }

  private loaded(): { doc: Y.Doc; awareness: awarenessProtocol.Awareness } {
    if (!this.doc || !this.awareness)
      throw new RangeError(`page ${this.pageId} is not loaded (${this.state})`);
    return { doc: this.doc, awareness: this.awareness };
  }
}

/** What changed in an awareness update, by client id. */
interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** An update with no structs and no deletions (what a fresh client sends as its sync reply). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
