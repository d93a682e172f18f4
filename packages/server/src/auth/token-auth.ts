import type { Storage } from "../storage/storage.ts";
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

/**
 * Galley's own `authenticate`: looks the credential's SHA-256 up in storage. Access and
 * session tokens are accepted while unexpired; one-time login tokens only by `POST
 * /api/session`. A websocket upgrade authenticated by cookie must come from the same origin
 * (the browser sends cookies with cross-site websocket requests too).
 */
export function createTokenAuthenticator(storage: Storage): Authenticate {
  return async (request: Request): Promise<Principal | null> => {
    const credential = readCredential(request);
    if (!credential?.token) return null;
    if (credential.source === "cookie" && isCrossOriginUpgrade(request)) return null;
    const record = await storage.findToken(hashToken(credential.token));
    if (!record || record.kind === "login" || isExpired(record)) return null;
    return { user: record.user, role: record.role, issueId: record.issueId };
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

function isCrossOriginUpgrade(request: Request): boolean {
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("host") ?? new URL(request.url).host);
  } catch {
    return true;
  }
}
