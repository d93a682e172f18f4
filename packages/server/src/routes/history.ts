import { yDocToReconstruction } from "@galley/doc";
import type { Context, Hono } from "hono";
import * as Y from "yjs";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { readPageChanges, readPageHistory, saveVersion } from "../history/page-history.ts";
import { restoreUpdate } from "../history/restore.ts";
import { newId } from "../pages/new-id.ts";
import type { PageRecord, Role, VersionRecord } from "../storage/storage.ts";

/** Longest version name, in characters. */
export const maxVersionNameChars = 200;

/**
 * A page's history and versions: `GET /api/pages/:pageId/history` (editors' sessions and the
 * versions), `GET|POST /api/pages/:pageId/versions` (list; save one `{ name }`, editor),
 * `GET …/versions/:versionId` (the version's page, read-only), `GET …/versions/:versionId/changes`
 * (what changed since it), `POST …/versions/:versionId/restore` (editor), and
 * `GET /api/pages/:pageId/changes?since=reconstruction|VERSION_ID` (what editors changed since
 * the OCR's reading or a version, per article).
 */
export function registerHistoryRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/pages/:pageId/history", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const history = await readPageHistory(deps.storage, page.id);
    if (!history) fail(404, `no page ${page.id}`);
    return c.json(history);
  });

  app.get("/api/pages/:pageId/versions", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    return c.json((await deps.storage.listVersions(page.id)).reverse());
  });

  app.post("/api/pages/:pageId/versions", async (c) => {
    const { page, user } = await pageFor(c, deps, "editor");
    const body = await readJsonObject(c, deps.limits.jsonBytes, deps.limits.bodyIdleMs);
    const name = typeof body.name === "string" ? body.name.trim() : "";
    if (!name) fail(400, "name must be a non-empty string");
    if (name.length > maxVersionNameChars)
      fail(400, `name must be at most ${maxVersionNameChars} characters`);
    // What a client sent before this request is part of the version (stored first).
    await deps.sync.flushed(page.id);
    const version = await saveVersion(deps.storage, {
      id: newId("v"),
      pageId: page.id,
      name,
      kind: "named",
      author: user,
      at: new Date().toISOString(),
    });
    if (!version) fail(404, `no page ${page.id}`);
    return c.json(version, 201);
  });

  app.get("/api/pages/:pageId/versions/:versionId", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const { version, state } = await versionOf(c, deps, page);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      return c.json({ version, page: yDocToReconstruction(doc) });
    } finally {
      doc.destroy();
    }
  });

  app.get("/api/pages/:pageId/versions/:versionId/changes", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const { version } = await versionOf(c, deps, page);
    const changes = await readPageChanges(deps.storage, page.id, version.seq);
    if (!changes) fail(404, `no page ${page.id}`);
    return c.json({ since: version, ...changes });
  });

  app.post("/api/pages/:pageId/versions/:versionId/restore", async (c) => {
    const { page, user } = await pageFor(c, deps, "editor");
    const { version, state } = await versionOf(c, deps, page);
    let restored: boolean;
    try {
      restored = await deps.sync.submit(page.id, user, (doc) => restoreUpdate(doc, state));
    } catch (error) {
      if (error instanceof RangeError) fail(409, `the version could not be restored: ${error.message}`);
      throw error;
    }
    return c.json({ version, restored });
  });

  app.get("/api/pages/:pageId/changes", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const since = c.req.query("since") ?? "reconstruction";
    let seq = 0;
    let version: VersionRecord | null = null;
    if (since !== "reconstruction") {
      version = (await versionOf(c, deps, page, since)).version;
      seq = version.seq;
    }
    const changes = await readPageChanges(deps.storage, page.id, seq);
    if (!changes) fail(404, `no page ${page.id}`);
    return c.json({ since: version ?? "reconstruction", ...changes });
  });
}

async function pageFor(
  c: Context<GalleyEnv>,
  deps: GalleyDeps,
  needed: Role,
): Promise<{ page: PageRecord; user: string }> {
  const principal = await requirePrincipal(c, deps);
  const pageId = c.req.param("pageId") ?? "";
  const page = await deps.storage.getPage(pageId);
  if (!page) fail(404, `no page ${pageId}`);
  requireRole(principal, page.issueId, needed);
  return { page, user: principal.user };
}

async function versionOf(
  c: Context<GalleyEnv>,
  deps: GalleyDeps,
  page: PageRecord,
  id = c.req.param("versionId") ?? "",
): Promise<{ version: VersionRecord; state: Uint8Array }> {
  const found = await deps.storage.getVersion(id);
  if (!found || found.version.pageId !== page.id) fail(404, `page ${page.id} has no version ${id}`);
  return found;
}
