import type { Hono } from "hono";
import { isRole, issueToken, roles } from "../auth/tokens.ts";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";

/** `POST /api/tokens` `{ role, issueId?, name? }` → 201 `{ token, role, issueId, name }` (admin of the issue, or global admin). */
export function registerTokenRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.post("/api/tokens", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const body = await readJsonObject(c, deps.limits.jsonBytes);
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
    return c.json({ token, role: record.role, issueId: record.issueId, name: record.name }, 201);
  });
}
