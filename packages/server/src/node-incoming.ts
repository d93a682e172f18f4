import type { IncomingMessage } from "node:http";

interface NodeBindings {
  incoming?: IncomingMessage;
  server?: NodeBindings;
}

/**
 * Node's request under `@hono/node-server`, which passes it as `c.env.incoming` (or, in a host
 * app that keeps its own bindings, as `c.env.server.incoming`); null on other runtimes.
 */
export function nodeIncoming(env: unknown): IncomingMessage | null {
  if (typeof env !== "object" || env === null) return null;
  const bindings = env as NodeBindings;
  return (bindings.server ?? bindings).incoming ?? null;
}
