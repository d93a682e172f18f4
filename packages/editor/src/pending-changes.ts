import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";

/**
 * Counts the changes made in this browser that the server does not have yet: every local update
 * of the shared document made while the connection is not open and synced. The count goes back
 * to zero once the provider has synced again after reconnecting — by then it has answered the
 * server's state vector with everything the server lacks (y-websocket's sync step 2), and the
 * server stores an update before it relays it (a store that fails closes the socket, which
 * starts this count again for the changes made from then on). Remote updates (applied by the
 * provider) are not counted.
 */
export class PendingChanges {
  private pending = 0;
  private online = false;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly onChange: (pending: number) => void,
  ) {
    ydoc.on("update", this.onUpdate);
  }

  /** The number of changes not yet on the server. */
  get count(): number {
    return this.pending;
  }

  /** Tells the counter whether the connection is open and synced. */
  setOnline(online: boolean): void {
    this.online = online;
    if (online && this.pending > 0) {
      this.pending = 0;
      this.onChange(0);
    }
  }

  /** Stops counting. */
  destroy(): void {
    this.ydoc.off("update", this.onUpdate);
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.online || origin === this.provider) return;
    this.pending += 1;
    this.onChange(this.pending);
  };
}
