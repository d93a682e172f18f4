import type { Principal } from "../auth/principal.ts";
import { CloseCode } from "./close-codes.ts";

/**
 * The transport a connection writes to: the small surface the sync engine needs from a
 * websocket, so the engine never touches `ws` or Hono (the route adapts the real socket).
 */
export interface SyncSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Whether `send` would still reach the client. */
  readonly isOpen: boolean;
  /** Bytes sent that the client has not taken yet (queued in this process); 0 where unknown. */
  readonly backlogBytes: number;
}

let nextConnectionId = 1;

/** One client on one page: who it is, whether it may write, which awareness clients it owns. */
export class Connection {
  /** Unique within the process, for logs. */
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection announced; removed from the room when it leaves. */
  readonly awarenessClients = new Set<number>();
  private closed = false;
  private largestSent = 0;

  constructor(
    private readonly socket: SyncSocket,
    readonly pageId: string,
    readonly principal: Principal,
    readonly canWrite: boolean,
    /** Most bytes that may wait for the client before it is dropped with 4508 (`CloseCode.Backlog`). */
    private readonly maxBacklogBytes = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether the connection was closed (by either side). */
  get isClosed(): boolean {
    return this.closed || !this.socket.isOpen;
  }

  /**
   * Sends a message; a connection that is closing drops it silently. A client that has left
   * more than `maxBacklogBytes` unread, beyond the largest message it was sent (a whole page on
   * joining may take a while to go out), is closed instead, so what waits for one connection
   * stays under `maxBacklogBytes` plus twice its largest message.
   */
  send(data: Uint8Array): void {
    if (this.isClosed) return;
    const waiting = this.socket.backlogBytes;
    if (waiting > this.maxBacklogBytes + this.largestSent) {
      this.close(
        CloseCode.Backlog,
        `${waiting} bytes sent to this client are still unread; reconnect to catch up`,
      );
      return;
    }
    this.largestSent = Math.max(this.largestSent, data.byteLength);
    this.socket.send(data);
  }

  /** Closes the connection once with a close code from `CloseCode`. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the websocket protocol.
    this.socket.close(code, truncateReason(reason));
  }

  /** Marks the connection closed by the client, so nothing more is sent to it. */
  markClosed(): void {
    this.closed = true;
  }
}

function truncateReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.byteLength <= 123) return reason;
  let text = reason;
  while (new TextEncoder().encode(`${text}…`).byteLength > 123) text = text.slice(0, -1);
  return `${text}…`;
}
