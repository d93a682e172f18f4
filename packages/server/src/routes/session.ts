import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { startSession } from "../auth/session.ts";
import { sessionCookieName } from "../auth/token-auth.ts";
import { hashToken, sessionTtlMs } from "../auth/tokens.ts";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal } from "../context.ts";
import type { TokenRecord } from "../storage/storage.ts";

/**
 * `GET /api/me`, and browser sign-in: `POST /api/session` `{ token }` sets the HttpOnly
 * `galley_session` cookie (a one-time login token is consumed), `DELETE /api/session` signs out.
 */
export function registerSessionRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/me", async (c) => {
    const principal = await requirePrincipal(c, deps);
    return c.json({ user: principal.user, role: principal.role, issueId: principal.issueId ?? null });
  });

  app.post("/api/session", async (c) => {
    const body = await readJsonObject(c, deps.limits.jsonBytes);
    if (typeof body.token !== "string" || body.token === "") fail(400, 'expected { "token": "…" }');
    const started = await startSession(deps.storage, body.token);
    if (!started) fail(401, "the token is unknown, expired or already used");
    setSessionCookie(c, started.session);
    return c.json(sessionBody(started.record));
  });

  app.delete("/api/session", async (c) => {
    const session = getCookie(c, sessionCookieName);
    if (session) await deps.storage.takeToken(hashToken(session));
    deleteCookie(c, sessionCookieName, { path: "/" });
    return c.body(null, 204);
  });
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
