import type { Context, Hono } from "hono";
import { roleFor } from "../auth/principal.ts";
import { isExpired, isRole, issueToken, roles } from "../auth/tokens.ts";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import type { TokenRecord } from "../storage/storage.ts";
import { CloseCode } from "../sync/close-codes.ts";

/**
 * Tokens, for admins: `POST /api/tokens` `{ role, issueId?, name? }` → 201 `{ token, … }`;
 * `GET /api/tokens` → the unexpired tokens the caller manages (never a secret or a hash);
 * `DELETE /api/tokens/:id` → 204, the token and the sessions started with it revoked, and their
 * open websockets closed (4401). A global admin manages every token; an admin limited to an
 * issue, the tokens limited to that issue.
 */
export function registerTokenRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.post("/api/tokens", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const body = await readJsonObject(c, deps.limits.jsonBytes, deps.limits.bodyIdleMs);
    if (!isRole(body.role)) fail(400, `role must be one of ${roles.join(", ")}`);
    const issueId = body.issueId ?? null;
    if (issueId !== null && (typeof issueId !== "string" || issueId === ""))
      fail(400, "issueId must be a string");
    const name = body.name ?? null;
    if (name !== null && (typeof name !== "string" || name.length > 200))
      fail(400, "name must be a string of at most 200 characters");
    requireRole(principal, issueId, "admin");
    if (issueId !== null && !(await deps.storage.getIssue(issueId))) fail(404, `no issue ${issueId}`);
    const { token, record } = await issueToken(deps.storage, {
      role: body.role,
      issueId,
      ...(name ? { name, user: name } : {}),
    });
    return c.json({ token, ...tokenBody(record) }, 201);
  });

  app.get("/api/tokens", async (c) => {
    const manages = await managedTokens(c, deps);
    const now = Date.now();
    return c.json(
      (await deps.storage.listTokens()).filter((t) => manages(t) && !isExpired(t, now)).map(tokenBody),
    );
  });

  app.delete("/api/tokens/:id", async (c) => {
    const manages = await managedTokens(c, deps);
    const id = c.req.param("id");
    const all = await deps.storage.listTokens();
    const target = all.find((t) => t.id === id);
    if (!target || !manages(target)) fail(404, `no token ${id}`);
    if (!(await deps.storage.revokeToken(id))) fail(404, `no token ${id}`);
    const revoked = new Set([id, ...all.filter((t) => t.parentId === id).map((t) => t.id)]);
    deps.sync.closeTokens(revoked, CloseCode.Unauthorized, "the token was revoked");
    deps.logger.info("token revoked", {
      token: id,
      sessions: revoked.size - 1,
      by: c.get("principal")?.user,
    });
    return c.body(null, 204);
  });
}

/** Which tokens the (admin) caller manages: every one for a global admin, else its issue's. */
async function managedTokens(c: Context<GalleyEnv>, deps: GalleyDeps): Promise<(t: TokenRecord) => boolean> {
  const principal = await requirePrincipal(c, deps);
  const issueId = principal.issueId ?? null;
  requireRole(principal, issueId, "admin");
  return issueId === null
    ? () => true
    : (t) => t.issueId === issueId && roleFor(principal, t.issueId) !== null;
}

/** A token as the API shows it: what it grants and when it was made and used, never its secret or hash. */
export function tokenBody(record: TokenRecord) {
  return {
    id: record.id,
    kind: record.kind,
    role: record.role,
    issueId: record.issueId,
    name: record.name,
    user: record.user,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    lastUsedAt: record.lastUsedAt,
  };
}
