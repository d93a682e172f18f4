import type { Storage } from "../storage/storage.ts";
import { crossSiteProblem } from "./origin-check.ts";
import type { Authenticate, Principal } from "./principal.ts";
import { hashToken, isExpired } from "./tokens.ts";

/** Name of the HttpOnly session cookie set by `POST /api/session`. */
export const sessionCookieName = "galley_session";

/** Where a request's credential came from. */
export type CredentialSource = "bearer" | "query" | "cookie";

/**
 * The request's credential: `Authorization: Bearer T`, else `?token=T`, else the session
 * cookie. The first one present decides; a wrong one is not rescued by another.
 */
export function readCredential(request: Request): { token: string; source: CredentialSource } | null {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? { token: match[1]!, source: "bearer" } : { token: "", source: "bearer" };
  }
  const query = new URL(request.url).searchParams.get("token");
  if (query !== null) return { token: query, source: "query" };
  const cookie = readCookie(request.headers.get("cookie"), sessionCookieName);
  return cookie === null ? null : { token: cookie, source: "cookie" };
}

/** Options for `createTokenAuthenticator`. */
export interface TokenAuthenticatorOptions {
  /** Origins besides the server's own whose pages may open a websocket with the session cookie. */
  trustedOrigins?: readonly string[];
  /** How often a token's `lastUsedAt` is written at most (default one minute). */
  touchEveryMs?: number;
}

/**
 * Galley's own `authenticate`: looks the credential's SHA-256 up in storage. Access and
 * session tokens are accepted while unexpired; one-time login tokens only by `POST
 * /api/session`. A websocket upgrade authenticated by cookie must come from the same origin
 * (the browser sends cookies with cross-site websocket requests too). Records when each token
 * was last used, at most once a minute per token.
 */
export function createTokenAuthenticator(
  storage: Storage,
  options: TokenAuthenticatorOptions = {},
): Authenticate {
  const trusted = options.trustedOrigins ?? [];
  const touchEveryMs = options.touchEveryMs ?? 60_000;
  const touched = new Map<string, number>();
  const touch = (hash: string) => {
    const now = Date.now();
    if ((touched.get(hash) ?? 0) > now - touchEveryMs) return;
    touched.delete(hash);
    touched.set(hash, now);
    if (touched.size > 10_000) touched.delete(touched.keys().next().value!);
    storage.touchToken(hash, new Date(now).toISOString()).catch(() => {});
  };
  return async (request: Request): Promise<Principal | null> => {
    const credential = readCredential(request);
    if (!credential?.token) return null;
    if (credential.source === "cookie" && isUpgrade(request) && crossSiteProblem(request, trusted))
      return null;
    const hash = hashToken(credential.token);
    const record = await storage.findToken(hash);
    if (!record || record.kind === "login" || isExpired(record)) return null;
    touch(hash);
    return { user: record.user, role: record.role, issueId: record.issueId, tokenId: record.id };
  };
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

function isUpgrade(request: Request): boolean {
  return request.headers.get("upgrade")?.toLowerCase() === "websocket";
}
