import type { Context, Hono } from "hono";
import type { UpgradeWebSocket, WSContext } from "hono/ws";
import { roleAllows, roleFor } from "../auth/principal.ts";
import { authenticateRequest, fail, type GalleyDeps, type GalleyEnv } from "../context.ts";
import { CloseCode } from "../sync/close-codes.ts";
import type { SyncSocket } from "../sync/connection.ts";
import type { SyncSession } from "../sync/sync-server.ts";

type Admission =
  | { ok: true; pageId: string; principal: Parameters<GalleyDeps["sync"]["connect"]>[2]; canWrite: boolean }
  | { ok: false; code: number; reason: string };

/**
 * `GET /collab/:pageId` — the y-websocket endpoint (`new WebsocketProvider(base + "/collab",
 * pageId, doc, { params: { token } })`). The upgrade is always accepted; a refused client is
 * then closed with 4401 (no valid token), 4403 (token for another issue) or 4404 (no such
 * page), which y-websocket treats as final. Viewers connect read-only.
 */
export function registerCollabRoutes(
  app: Hono<GalleyEnv>,
  deps: GalleyDeps,
  upgradeWebSocket: UpgradeWebSocket,
): void {
  app.get("/collab/:pageId", async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
      fail(400, "this is a websocket endpoint: connect with the y-websocket protocol");
    }
    const admission = await admit(c, deps);
    let session: SyncSession | null = null;
    return upgradeWebSocket(c, {
      onOpen(_event, ws) {
        if (!admission.ok) {
          ws.close(admission.code, admission.reason);
          return;
        }
        session = deps.sync.connect(
          adaptSocket(ws),
          admission.pageId,
          admission.principal,
          admission.canWrite,
        );
      },
      onMessage(event) {
        session?.receive(messageBytes(event.data));
      },
      onClose() {
        session?.closed();
        session = null;
      },
    });
  });
}

async function admit(c: Context<GalleyEnv>, deps: GalleyDeps): Promise<Admission> {
  const pageId = c.req.param("pageId") ?? "";
  const result = await authenticateRequest(c, deps);
  if ("wait" in result)
    return {
      ok: false,
      code: CloseCode.TooManyRequests,
      reason: `too many failed sign-ins from your address; try again in ${result.wait} s`,
    };
  const principal = result.principal;
  if (!principal) return { ok: false, code: CloseCode.Unauthorized, reason: "a valid token is required" };
  const page = await deps.storage.getPage(pageId);
  if (!page) return { ok: false, code: CloseCode.NotFound, reason: `no page ${pageId}` };
  const role = roleFor(principal, page.issueId);
  if (!role)
    return { ok: false, code: CloseCode.Forbidden, reason: `this token does not reach page ${pageId}` };
  return { ok: true, pageId, principal, canWrite: roleAllows(role, "editor") };
}

function adaptSocket(ws: WSContext): SyncSocket {
  return {
    // Every message the engine sends is a fresh lib0 encoding backed by its own ArrayBuffer.
    send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
    close: (code, reason) => ws.close(code, reason),
    get isOpen() {
      return ws.readyState === 1;
    },
    get backlogBytes() {
      // `ws`'s WebSocket under @hono/node-ws: what it has queued and the socket not yet written.
      const waiting = (ws.raw as { bufferedAmount?: unknown } | undefined)?.bufferedAmount;
      return typeof waiting === "number" ? waiting : 0;
    },
  };
}

function messageBytes(data: unknown): Uint8Array | string {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === "string") return data;
  // A Blob (runtimes without binaryType "arraybuffer") is not something this engine reads.
  return "";
}
