import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { clientAddress } from "../auth/client-address.ts";
import { startSession } from "../auth/session.ts";
import { sessionCookieName } from "../auth/token-auth.ts";
import { hashToken, sessionTtlMs } from "../auth/tokens.ts";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, tooManyFailures } from "../context.ts";
import type { TokenRecord } from "../storage/storage.ts";

/**
 * `GET /api/me`, and browser sign-in: `POST /api/session` `{ token }` sets the HttpOnly
 * `galley_session` cookie (a one-time login token is consumed), `DELETE /api/session` signs out
 * (ends the session in the cookie, and nothing else).
 */
export function registerSessionRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/me", async (c) => {
    const principal = await requirePrincipal(c, deps);
    return c.json({ user: principal.user, role: principal.role, issueId: principal.issueId ?? null });
  });

  app.post("/api/session", async (c) => {
    const body = await readJsonObject(c, deps.limits.jsonBytes, deps.limits.bodyIdleMs);
    if (typeof body.token !== "string" || body.token === "") fail(400, 'expected { "token": "…" }');
    const result = await guardedSignIn(c, deps, body.token, "POST /api/session");
    if ("wait" in result) tooManyFailures(c, result.wait);
    const started = result.started;
    if (!started) fail(401, "the token is unknown, expired or already used");
    setSessionCookie(c, started.session);
    return c.json(sessionBody(started.record));
  });

  app.delete("/api/session", async (c) => {
    const session = getCookie(c, sessionCookieName);
    if (session) {
      // Only a session ends here: an access token someone put in the cookie stays valid
      // (revoke it with DELETE /api/tokens/:id).
      const hash = hashToken(session);
      if ((await deps.storage.findToken(hash))?.kind === "session") await deps.storage.takeToken(hash);
    }
    deleteCookie(c, sessionCookieName, { path: "/" });
    return c.body(null, 204);
  });
}

/**
 * Trades `token` for a session through the sign-in guard: `wait` (seconds) for an address with
 * too many failed sign-ins, whose token is not looked at; `started` null for a refused token,
 * which counts as a failed sign-in.
 */
export async function guardedSignIn(
  c: Context,
  deps: GalleyDeps,
  token: string,
  where: string,
): Promise<{ wait: number } | { started: Awaited<ReturnType<typeof startSession>> }> {
  const address = clientAddress(c, deps.trustProxy);
  const hash = hashToken(token);
  const wait = deps.signIn.admit(address, hash);
  if (wait !== null) return { wait };
  const started = await startSession(deps.storage, token);
  if (started) deps.signIn.succeeded(hash);
  else deps.signIn.failed(address, where);
  return { started };
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, for `sessionTtlMs`. */
export function setSessionCookie(c: Context, session: string): void {
  setCookie(c, sessionCookieName, session, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: new URL(c.req.url).protocol === "https:",
    maxAge: Math.floor(sessionTtlMs / 1000),
  });
}

function sessionBody(record: TokenRecord): { user: string; role: string; issueId: string | null } {
  return { user: record.user, role: record.role, issueId: record.issueId };
}
