import type { Principal } from "../auth/principal.ts";

/**
 * The transport a connection writes to: the small surface the sync engine needs from a
 * websocket, so the engine never touches `ws` or Hono (the route adapts the real socket).
 */
export interface SyncSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Whether `send` would still reach the client. */
  readonly isOpen: boolean;
}

let nextConnectionId = 1;

/** One client on one page: who it is, whether it may write, which awareness clients it owns. */
export class Connection {
  /** Unique within the process, for logs. */
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection announced; removed from the room when it leaves. */
  readonly awarenessClients = new Set<number>();
  private closed = false;

  constructor(
    private readonly socket: SyncSocket,
    readonly pageId: string,
    readonly principal: Principal,
    readonly canWrite: boolean,
  ) {}

  /** Whether the connection was closed (by either side). */
  get isClosed(): boolean {
    return this.closed || !this.socket.isOpen;
  }

  /** Sends a message; a connection that is closing drops it silently. */
  send(data: Uint8Array): void {
    if (this.isClosed) return;
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
