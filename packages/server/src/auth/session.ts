import type { Storage, TokenRecord } from "../storage/storage.ts";
import { hashToken, isExpired, issueToken, sessionTtlMs } from "./tokens.ts";

/**
 * Trades a token for a browser session: a one-time login token is consumed (of two concurrent
 * trades only one succeeds); an access or session token stays valid. The session inherits the
 * token's user, role and issue. Returns null for an unknown, expired or already used token.
 */
export async function startSession(
  storage: Storage,
  token: string,
): Promise<{ session: string; record: TokenRecord } | null> {
  const hash = hashToken(token);
  let source = await storage.findToken(hash);
  if (!source || isExpired(source)) return null;
  if (source.kind === "login") {
    source = await storage.takeToken(hash);
    if (!source || isExpired(source)) return null;
  }
  const { token: session, record } = await issueToken(storage, {
    kind: "session",
    role: source.role,
    issueId: source.issueId,
    user: source.user,
    name: source.name,
    ttlMs: sessionTtlMs,
    // A session started with a session is another session of the same sign-in.
    parentId: source.kind === "session" ? source.parentId : source.id,
  });
  return { session, record };
}
