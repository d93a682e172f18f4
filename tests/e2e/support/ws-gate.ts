import type { Page, WebSocketRoute } from "playwright-core";

/**
 * Holds back what a browser sends on the collaboration socket, so that its edits are made
 * concurrently with another editor's (neither has seen the other's) however fast the network
 * is. The socket stays open and everything the server sends still arrives; on `release` the
 * held messages go to the server in the order they were sent. Uses playwright's WebSocket
 * routing, so it must be set up before the page opens the editor.
 */
export interface CollabGate {
  /** From now on, keep what the page sends. */
  hold(): void;
  /** Sends what was kept, in order, and lets later messages through. */
  release(): void;
  /** How many messages are being held. */
  held(): number;
}

/** Routes the page's `/collab/` websockets through a gate (open until `hold`). */
export async function gateCollab(page: Page): Promise<CollabGate> {
  let holding = false;
  let queue: { server: WebSocketRoute; message: string | Buffer }[] = [];
  await page.routeWebSocket(/\/collab\//, (ws) => {
    const server = ws.connectToServer();
    // Handling the page's messages turns off their automatic forwarding: we forward them here.
    ws.onMessage((message) => {
      if (holding) queue.push({ server, message });
      else server.send(message);
    });
  });
  return {
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      const pending = queue;
      queue = [];
      for (const { server, message } of pending) server.send(message);
    },
    held: () => queue.length,
  };
}
