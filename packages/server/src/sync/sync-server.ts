import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type * as Y from "yjs";
import type { Principal } from "../auth/principal.ts";
import type { Bus } from "../bus/bus.ts";
import type { Logger } from "../logger.ts";
import type { Storage } from "../storage/storage.ts";
import { CloseCode } from "./close-codes.ts";
import { type CompactionPolicy, defaultCompactionPolicy } from "./compactor.ts";
import { Connection, type SyncSocket } from "./connection.ts";
import { DocLoadError } from "./doc-state.ts";
import { GroupCommit } from "./group-commit.ts";
import { defaultPresenceLimits, type PresenceLimits } from "./presence-gate.ts";
import { decodeClientMessage, MalformedMessageError } from "./protocol.ts";
import { PageNotFoundError, Room } from "./room.ts";

/** Options for `SyncServer`. */
export interface SyncServerOptions {
  storage: Storage;
  logger: Logger;
  /** Fan-out to other server processes on the same storage; null for a single process. */
  bus?: Bus | null;
  /** Largest message accepted from a client, in bytes; a larger one closes that connection with 4413. */
  maxMessageBytes: number;
  /** When to compact a page's log in the background (default 500 updates, then 1 s of quiet). */
  compaction?: Partial<CompactionPolicy>;
  /** What one connection may do with presence (defaults: `defaultPresenceLimits`). */
  presence?: Partial<PresenceLimits>;
  /** Most bytes that may wait for a client that does not read; past it: 4508. Default: no bound. */
  maxBacklogBytes?: number;
}

/** What the transport adapter calls for one connection. */
export interface SyncSession {
  /** A message from the client: bytes for a binary frame, a string for a text frame. */
  receive(data: Uint8Array | string): void;
  /** The client's socket closed. */
  closed(): void;
}

/** Events a `SyncServer` emits, for tests and monitoring. */
export interface SyncServerEvents {
  /** A page's room was unloaded (its state stored and compacted). */
  unloaded: [pageId: string];
  /** A page's log was compacted into a snapshot (`folded` updates). */
  compacted: [pageId: string, folded: number];
}

/**
 * The sync engine: one `Room` per open page, loaded on first join and unloaded (stored,
 * compacted, released) after the last connection leaves. It speaks the y-websocket protocol
 * over any `SyncSocket`; it knows nothing of Hono or `ws`.
 */
export class SyncServer extends EventEmitter<SyncServerEvents> {
  /** Distinguishes this process's bus messages from other processes'. */
  readonly instanceId = randomUUID();
  private readonly rooms = new Map<string, Room>();
  private readonly commits: GroupCommit;
  private stopping = false;

  constructor(private readonly options: SyncServerOptions) {
    super();
    this.commits = new GroupCommit(options.storage, options.logger);
  }

  /** Pages loaded right now. */
  get loadedPages(): string[] {
    return [...this.rooms.keys()];
  }

  /** Starts serving one client on one page; `canWrite` false makes it read-only. */
  connect(socket: SyncSocket, pageId: string, principal: Principal, canWrite: boolean): SyncSession {
    const connection = new Connection(socket, pageId, principal, canWrite, this.options.maxBacklogBytes);
    if (this.stopping) {
      connection.close(CloseCode.GoingAway, "the server is shutting down");
      return { receive() {}, closed() {} };
    }
    let room: Room | null = null;
    let held: Uint8Array[] | null = [];
    const handle = (data: Uint8Array) => this.handle(room!, connection, data);
    this.acquire(pageId, (loaded) => {
      if (connection.isClosed) return false;
      room = loaded;
      loaded.join(connection);
      const waiting = held ?? [];
      held = null;
      for (const data of waiting) if (!connection.isClosed) handle(data);
      return true;
    }).catch((error: unknown) => this.refuse(connection, error));
    return {
      receive: (data) => {
        if (connection.isClosed) return;
        if (typeof data === "string") {
          connection.close(CloseCode.Malformed, "text frames are not part of the y-websocket protocol");
          return;
        }
        if (data.byteLength > this.options.maxMessageBytes) {
          this.options.logger.warn("message too large", {
            page: pageId,
            user: principal.user,
            bytes: data.byteLength,
          });
          connection.close(
            CloseCode.TooLarge,
            `message of ${data.byteLength} bytes is over the limit of ${this.options.maxMessageBytes}`,
          );
          return;
        }
        if (held) held.push(data);
        else handle(data);
      },
      closed: () => {
        connection.markClosed();
        if (!room) return;
        room.leave(connection);
        this.unloadIfIdle(room);
      },
    };
  }

  /**
   * Makes a change to a page on `author`'s behalf (a restore; see `Room.submit`): checked,
   * stored and relayed like an editor's. Loads the page when no one has it open, and unloads it
   * again after. Resolves with whether there was anything to change.
   */
  async submit(pageId: string, author: string, compute: (doc: Y.Doc) => Uint8Array | null): Promise<boolean> {
    let room: Room | null = null;
    let result: Promise<boolean> = Promise.resolve(false);
    await this.acquire(pageId, (loaded) => {
      room = loaded;
      result = loaded.submit(author, compute);
      return true;
    });
    try {
      return await result;
    } finally {
      if (room) this.unloadIfIdle(room);
    }
  }

  /** Settles when every update received for the page so far has been stored (or refused). */
  async flushed(pageId: string): Promise<void> {
    await this.rooms.get(pageId)?.flushed();
  }

  /** Closes every connection on a page (its page was deleted) and unloads it. */
  async closePage(pageId: string, code: number, reason: string): Promise<void> {
    const room = this.rooms.get(pageId);
    if (!room) return;
    await room.close(code, reason);
    if (this.rooms.get(pageId) === room) this.rooms.delete(pageId);
    this.emit("unloaded", pageId);
  }

  /** Closes every connection authenticated with one of the tokens `tokenIds` (they were revoked). */
  closeTokens(tokenIds: ReadonlySet<string>, code: number, reason: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) {
        const id = connection.principal.tokenId;
        if (id !== undefined && tokenIds.has(id)) {
          connection.close(code, reason);
          closed++;
        }
      }
    }
    return closed;
  }

  /**
   * Graceful stop: refuses new connections, stores everything received, closes every
   * connection with 1001, compacts and unloads every page. Storage stays open (its owner closes it).
   */
  async shutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.rooms.values()].map((room) => room.close(CloseCode.GoingAway, "the server is shutting down")),
    );
    this.rooms.clear();
  }

  private handle(room: Room, connection: Connection, data: Uint8Array): void {
    try {
      room.receive(connection, decodeClientMessage(data));
    } catch (error) {
      const { logger } = this.options;
      if (error instanceof MalformedMessageError) {
        logger.warn("malformed message", {
          page: room.pageId,
          user: connection.principal.user,
          reason: error.message,
        });
        connection.close(CloseCode.Malformed, error.message);
      } else {
        logger.error("message handling failed", {
          page: room.pageId,
          user: connection.principal.user,
          error,
        });
        connection.close(CloseCode.InternalError, "internal error");
      }
    }
  }

  /**
   * Gets the page's room, loading it if needed, and runs `join` synchronously once it is
   * ready, so no unload can slip in between. A room that is unloading is waited for; then a
   * fresh one loads from storage, which by then holds everything the old one received.
   */
  private async acquire(pageId: string, join: (room: Room) => boolean): Promise<void> {
    for (;;) {
      if (this.stopping) throw new ShuttingDownError();
      let room = this.rooms.get(pageId);
      if (room && (room.state === "closing" || room.state === "closed")) {
        await room.close(CloseCode.GoingAway, "");
        if (this.rooms.get(pageId) === room) this.rooms.delete(pageId);
        continue;
      }
      if (!room) {
        room = new Room(pageId, {
          storage: this.options.storage,
          commits: this.commits,
          bus: this.options.bus ?? null,
          logger: this.options.logger,
          instanceId: this.instanceId,
          compaction: { ...defaultCompactionPolicy, ...this.options.compaction },
          onCompacted: (folded) => this.emit("compacted", pageId, folded),
          presence: { ...defaultPresenceLimits, ...this.options.presence },
        });
        this.rooms.set(pageId, room);
      }
      try {
        await room.ready;
      } catch (error) {
        if (this.rooms.get(pageId) === room) this.rooms.delete(pageId);
        throw error;
      }
      if (room.state !== "ready") continue;
      if (!join(room)) this.unloadIfIdle(room);
      return;
    }
  }

  private unloadIfIdle(room: Room): void {
    if (room.connections.size > 0 || room.state !== "ready") return;
    room
      .close(CloseCode.GoingAway, "")
      .catch((error: unknown) => this.options.logger.error("unload failed", { page: room.pageId, error }))
      .finally(() => {
        if (this.rooms.get(room.pageId) === room) this.rooms.delete(room.pageId);
        this.emit("unloaded", room.pageId);
      });
  }

  private refuse(connection: Connection, error: unknown): void {
    const { logger } = this.options;
    const page = connection.pageId;
    if (error instanceof PageNotFoundError) connection.close(CloseCode.NotFound, `no page ${page}`);
    else if (error instanceof ShuttingDownError)
      connection.close(CloseCode.GoingAway, "the server is shutting down");
    else {
      logger.error("page load failed", { page, user: connection.principal.user, error });
      const reason = error instanceof DocLoadError ? "the page could not be loaded" : "internal error";
      connection.close(CloseCode.LoadFailed, reason);
    }
  }
}

class ShuttingDownError extends Error {
  override name = "ShuttingDownError";
}
