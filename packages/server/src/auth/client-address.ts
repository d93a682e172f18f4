import type { Context } from "hono";
import { nodeIncoming } from "../node-incoming.ts";

/**
 * The address a request came from: the peer of the TCP connection (Node's `incoming.socket`,
 * which `@hono/node-server` passes as `c.env.incoming`), or — behind `trustProxy` reverse
 * proxies that append to `X-Forwarded-For` — the address the outermost of them saw. Entries
 * further left were written by the client and are not believed. `"unknown"` when the runtime
 * does not say.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const seen = forwarded[Math.max(0, forwarded.length - trustProxy)];
    if (seen) return seen;
  }
  return peerAddress(c.env) ?? "unknown";
}

function peerAddress(env: unknown): string | null {
  const address: unknown = nodeIncoming(env)?.socket?.remoteAddress;
  return typeof address === "string" ? address : null;
}
