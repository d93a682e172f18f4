import { inspectPage } from "@galley/doc";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Bus } from "../bus/bus.ts";
import type { Logger } from "../logger.ts";
import type { LogEntry, Storage } from "../storage/storage.ts";
import { BusRelay } from "./bus-relay.ts";
import { CloseCode } from "./close-codes.ts";
import { type CompactionPolicy, Compactor } from "./compactor.ts";
import type { Connection } from "./connection.ts";
import type { DecodedUpdate } from "./dependencies.ts";
import { buildDoc, countArticles, decodeClientUpdate, isKnownUpdate, mergeStoredDoc } from "./doc-state.ts";
import type { CommitParticipant, GroupCommit } from "./group-commit.ts";
import { PresenceGate, type PresenceLimits } from "./presence-gate.ts";
import {
  type ClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from "./protocol.ts";
import { SchemaGate } from "./schema-gate.ts";

/** What a room needs from the server around it. */
export interface RoomDeps {
  storage: Storage;
  bus: Bus | null;
  logger: Logger;
  /** This server instance, to skip its own bus messages. */
  instanceId: string;
  /** When to compact the log in the background. */
  compaction: CompactionPolicy;
  /** Stores the updates of every page that arrived together in one transaction. */
  commits: GroupCommit;
  /** Told after each compaction that folded updates. */
  onCompacted?: (folded: number) => void;
  /** What one connection may do with presence. */
  presence: PresenceLimits;
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
 * Write path: a client's update is decoded, queued, checked against the page schema
 * (`SchemaGate`), appended to storage (`GroupCommit`: the updates of every page that arrived in
 * one event-loop turn go in one transaction), and only once the append has committed applied
 * to the doc — whose `update` event broadcasts it to the other connections
 * and the bus. So every update a client receives is already durable and schema-valid. An update
 * the schema does not allow closes its sender with 4422 and is neither stored nor relayed.
 */
export class Room implements CommitParticipant {
  state: RoomState = "loading";
  /** Settles when the stored state is loaded; rejects with `PageNotFoundError` or `DocLoadError`. */
  readonly ready: Promise<void>;
  readonly connections = new Set<Connection>();
  private doc: Y.Doc | null = null;
  private awareness: awarenessProtocol.Awareness | null = null;
  private relay: BusRelay | null = null;
  private gate: SchemaGate | null = null;
  /** Writers' updates waiting to be checked and stored, in arrival order. */
  private queue: Arrival[] = [];
  /** The server's own repairs (for what relayed updates combined into) waiting to be stored. */
  private repairs: Uint8Array[] = [];
  /** Per connection, updates that build on changes the server does not have yet. */
  private readonly held = new Map<Connection, Arrival[]>();
  /** Messages every joining client gets, encoded once per state of the doc (cleared on every change). */
  private encoded: { step1?: Uint8Array; wholeStep2?: Uint8Array } = {};
  /** The batch handed to the group commit and not yet committed or failed. */
  private inFlight: QueuedUpdate[] | null = null;
  private readonly compactor: Compactor;
  private readonly presence: PresenceGate;
  private closing: Promise<void> | null = null;

  constructor(
    readonly pageId: string,
    private readonly deps: RoomDeps,
  ) {
    this.compactor = new Compactor(deps.compaction, () => this.compact());
    this.presence = new PresenceGate(deps.presence, (connection, reason) =>
      deps.logger.warn("dropped presence", { page: pageId, user: connection.principal.user, reason }),
    );
    this.ready = this.load();
    this.ready.catch(() => {});
  }

  /** Adds a connection: sends the server's state vector (sync step 1) and the known awareness states. */
  join(connection: Connection): void {
    const { doc, awareness } = this.loaded();
    this.connections.add(connection);
    this.encoded.step1 ??= encodeSyncStep1(Y.encodeStateVector(doc));
    connection.send(this.encoded.step1);
    const clients = [...awareness.getStates().keys()];
    if (clients.length > 0)
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients)));
  }

  /** Removes a connection and its awareness states (which tells the others it left). */
  leave(connection: Connection): void {
    this.held.delete(connection);
    if (!this.connections.delete(connection)) return;
    this.presence.release(connection);
    if (this.awareness && connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
  }

  /** Handles one decoded message. Throws `MalformedMessageError` for a payload that does not decode. */
  receive(connection: Connection, message: ClientMessage): void {
    const { doc, awareness } = this.loaded();
    switch (message.kind) {
      case "sync-step1": {
        // A new client (an empty state vector) gets the whole page, encoded once for all of them.
        if (isEmptyStateVector(message.stateVector)) {
          this.encoded.wholeStep2 ??= encodeSyncStep2(Y.encodeStateAsUpdate(doc));
          connection.send(this.encoded.wholeStep2);
          return;
        }
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
      case "awareness": {
        // Only the connection's own client ids, within its limits (see PresenceGate).
        const update = this.presence.filter(connection, message.update, awareness);
        if (!update) return;
        try {
          awarenessProtocol.applyAwarenessUpdate(awareness, update, connection);
        } catch (error) {
          throw new MalformedMessageError(`not an awareness update (${(error as Error).message})`);
        }
        return;
      }
      case "query-awareness":
        connection.send(
          encodeAwareness(
            awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]),
          ),
        );
        return;
    }
  }

  /**
   * Makes a change on `author`'s behalf: `compute` derives it from the page as loaded (null: no
   * change). It goes through the schema gate and the group commit like a client's update, and
   * is relayed to every connection. Resolves with whether there was a change once it is stored
   * and applied; rejects when it was refused or could not be stored.
   */
  submit(author: string, compute: (doc: Y.Doc) => Uint8Array | null): Promise<boolean> {
    const update = compute(this.loaded().doc);
    if (!update) return Promise.resolve(false);
    const decoded = decodeClientUpdate(update);
    if (typeof decoded === "string") return Promise.reject(new TypeError(decoded));
    return new Promise((resolve, reject) => {
      const submission = new Submission(author, (error) => (error ? reject(error) : resolve(true)));
      this.queue.push({ update, decoded, origin: submission });
      this.deps.commits.schedule(this);
    });
  }

  /** Settles when every update received so far has been stored (or refused by storage). */
  async flushed(): Promise<void> {
    while (this.queue.length > 0 || this.repairs.length > 0 || this.inFlight)
      await this.deps.commits.drained();
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
    this.gate?.destroy();
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
      await this.repairStored(doc);
      this.gate = new SchemaGate(doc, () => this.repairs);
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState(null);
      this.doc = doc;
      this.awareness = awareness;
      doc.on("update", (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) =>
        this.broadcastUpdate(update, origin, transaction),
      );
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
    const decoded = decodeClientUpdate(update);
    if (typeof decoded === "string") throw new MalformedMessageError(decoded);
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
    this.queue.push({ update, decoded, origin: connection });
    this.deps.commits.schedule(this);
  }

  /**
   * Puts the updates that arrived together through the schema gate and returns what to store:
   * the accepted ones in order (with the gate's repair after them, if any). A refused update
   * closes its sender with 4422 and nothing of it, or of what that sender sent after it, is
   * kept; one that builds on changes the server does not have yet (a client typing while its
   * reconnect's sync reply is still on the way) is held, and tried again with its sender's next.
   */
  private admit(arrived: Arrival[]): QueuedUpdate[] {
    const candidates: Arrival[] = [];
    for (const sender of new Set(arrived.map((a) => a.origin))) {
      if (sender instanceof Submission) continue;
      candidates.push(...(this.held.get(sender) ?? []));
      this.held.delete(sender);
    }
    candidates.push(...arrived);
    // A sender that has left since is still heard: what it sent before leaving is kept. (One
    // that was refused sends nothing more: its later messages are never read.)
    const open = candidates;
    if (open.length === 0) return [];
    const verdict = this.gate!.check(
      open.map((c) => ({ update: c.update, decoded: c.decoded, sender: c.origin })),
    );
    for (const [i, reason] of verdict.refused) this.refuse(open[i]!.origin, reason);
    for (const i of verdict.incomplete.keys()) this.hold(open[i]!);
    const accepted: QueuedUpdate[] = verdict.accepted.map((i) => ({
      update: open[i]!.update,
      origin: open[i]!.origin,
    }));
    if (verdict.repair) {
      this.deps.logger.info("updates left an article without blocks; the server removes it", {
        page: this.pageId,
      });
      accepted.push({ update: verdict.repair, origin: null });
    }
    return accepted;
  }

  private hold(arrival: Arrival): void {
    const connection = arrival.origin;
    // A submission is computed from the doc itself: missing anything, it is stale.
    if (connection instanceof Submission) {
      this.refuse(connection, "the page changed meanwhile");
      return;
    }
    if (connection.isClosed) return;
    const held = this.held.get(connection) ?? [];
    held.push(arrival);
    this.held.set(connection, held);
    const bytes = held.reduce((sum, entry) => sum + entry.update.byteLength, 0);
    if (held.length > maxHeldUpdates || bytes > maxHeldBytes)
      this.refuse(connection, "too many changes that build on changes the server does not have");
  }

  private refuse(connection: Sender, reason: string): void {
    if (connection instanceof Submission) {
      connection.done(new RangeError(`refused: ${reason}`));
      return;
    }
    this.held.delete(connection);
    if (connection.isClosed) return;
    this.deps.logger.warn("refused an update the page schema does not allow", {
      page: this.pageId,
      user: connection.principal.user,
      reason,
    });
    connection.close(CloseCode.InvalidContent, `refused: ${reason}; nothing of it was stored`);
  }

  /**
   * Removes from a page just loaded what the page schema does not allow (stored before the
   * server checked updates, or written around it): the parts are reported, their deletion is
   * stored as an update of the server's own, and only then does anyone see the page.
   */
  private async repairStored(doc: Y.Doc): Promise<void> {
    const { setAside, repair } = inspectPage(doc);
    if (repair.length === 0) return;
    this.deps.logger.warn("the stored page holds content outside the schema; it is set aside", {
      page: this.pageId,
      setAside,
    });
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update ??= u;
    };
    doc.on("update", capture);
    doc.transact((transaction) => {
      for (const item of repair) item.delete(transaction);
    });
    doc.off("update", capture);
    if (update) await this.deps.storage.appendUpdates(this.pageId, [update]);
  }

  /** Takes the updates waiting, checked, for the group commit (`CommitParticipant`). */
  takeBatch(): LogEntry[] {
    // Checked first, so the gate still counts the waiting repairs as part of the page.
    const admitted = this.admit(this.queue.splice(0));
    const batch = [...this.repairs.splice(0).map((update) => ({ update, origin: null })), ...admitted];
    this.inFlight = batch.length > 0 ? batch : null;
    return batch.map(({ update, origin }) => ({
      pageId: this.pageId,
      update,
      author: origin instanceof Submission ? origin.author : (origin?.principal.user ?? null),
    }));
  }

  /** The batch is committed: applied to the doc, whose update event relays it (`CommitParticipant`). */
  committed(): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    const doc = this.doc;
    if (!doc) return;
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
    for (const { origin } of batch) if (origin instanceof Submission) origin.done(null);
  }

  /** Nothing of the batch was stored or applied (`CommitParticipant`). */
  failed(_batch: LogEntry[], error: unknown): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    // The senders still hold their changes: closing them makes their providers reconnect and
    // resend what the server lacks.
    this.deps.logger.error("could not store updates", { page: this.pageId, count: batch.length, error });
    this.gate?.reset();
    for (const origin of new Set(batch.map((entry) => entry.origin))) {
      if (origin instanceof Submission) origin.done(new Error("the change could not be stored"));
      else
        origin?.close(
          CloseCode.StoreFailed,
          "the server could not store your change; reconnect to resend it",
        );
    }
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown, transaction: Y.Transaction): void {
    this.encoded = {};
    const message = encodeUpdate(update);
    for (const connection of this.connections) if (connection !== origin) connection.send(message);
    if (this.relay && origin !== this.relay) this.relay.publish("update", update);
    if (this.relay && origin === this.relay) {
      // Checked by the process that stored it; combined with what this one accepted, it may
      // still have left an article without blocks.
      const repair = this.gate?.follow(update, transaction);
      if (repair) {
        this.repairs.push(repair);
        this.deps.commits.schedule(this);
      }
    }
  }

  private broadcastAwareness(change: AwarenessChange, origin: unknown): void {
    const awareness = this.awareness;
    if (!awareness) return;
    const owner = origin as Connection;
    if (this.relay && origin === this.relay)
      this.presence.noteRemote([...change.added, ...change.updated], change.removed);
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

/** A writer's update as it arrived, decoded, waiting to be checked. */
interface Arrival {
  update: Uint8Array;
  decoded: DecodedUpdate;
  origin: Sender;
}

/** A change the server makes on a user's behalf (a restore): checked, stored and relayed like a client's. */
export class Submission {
  constructor(
    /** Who it is attributed to. */
    readonly author: string,
    /** Told once: null when it was stored and applied, else why not. */
    readonly done: (error: Error | null) => void,
  ) {}
}

/** Where an update came from: a client's connection or a server-side submission. */
type Sender = Connection | Submission;

/** An accepted update waiting to be stored, and who sent it (null: the server). */
interface QueuedUpdate {
  update: Uint8Array;
  origin: Sender | null;
}

/** How many updates (and bytes) one connection may have waiting for changes the server does not have. */
const maxHeldUpdates = 256;
const maxHeldBytes = 16 * 1024 * 1024;

/** What changed in an awareness update, by client id. */
interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** A state vector of no clients: a client that holds nothing yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** An update with no structs and no deletions (what a fresh client sends as its sync reply). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
