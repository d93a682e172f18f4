import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ExportFormat, exportFormats, isExportFormat } from "@galley/export";
import type { Context, Hono } from "hono";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import type { TaskResults } from "../jobs/tasks.ts";
import { admitJob, jobFailure } from "../jobs/upload-job.ts";
import { readIssueData, transferablesOf } from "../pages/issue-data.ts";
import { apiBase, prefersAsync } from "./upload.ts";

/**
 * `GET /api/issues/:issueId/export?format=json|html|markdown|nitf|newsml|epub|alto` → the export
 * as a download, made in a worker thread. `POST /api/issues/:issueId/exports?format=F` does the
 * same, or with `Prefer: respond-async` answers 202 `{ job }` at once; the file is then at
 * `GET /api/jobs/:jobId/result`. 400 for an unknown format, 404 for no issue, 422 for an issue
 * with nothing to export.
 */
export function registerExportRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/issues/:issueId/export", async (c) => exportNow(c, deps, await checkExport(c, deps)));

  app.post("/api/issues/:issueId/exports", async (c) => {
    const { issueId, format, user } = await checkExport(c, deps);
    if (!prefersAsync(c)) return exportNow(c, deps, { issueId, format, user });
    admitJob(deps);
    if (!(await deps.storage.getIssue(issueId))) fail(404, `no issue ${issueId}`);
    const job = deps.jobs.create("export", issueId, `${format} export`, user);
    (async () => {
      job.progress("export", 0);
      const data = await readIssueData(deps.storage, issueId);
      if (!data) throw new Error(`issue ${issueId} was deleted`);
      job.progress("export", 0.2);
      const result = await deps.pool.run(
        { kind: "export", data, format },
        { transfer: transferablesOf(data), signal: job.signal },
      );
      logSetAside(deps, result.setAside);
      const path = join(deps.scratchDir, `${job.id}.export`);
      await writeFile(path, result.bytes);
      job.succeed({
        result: {
          path,
          contentType: result.contentType,
          filename: result.filename,
          size: result.bytes.byteLength,
        },
      });
    })().catch((error: unknown) => job.fail(jobFailure(deps, error, { issue: issueId, format })));
    c.header("Location", `${apiBase(c)}/api/jobs/${job.id}`);
    return c.json({ job: deps.jobs.get(job.id) }, 202);
  });
}

async function checkExport(
  c: Context<GalleyEnv>,
  deps: GalleyDeps,
): Promise<{ issueId: string; format: ExportFormat; user: string }> {
  const principal = await requirePrincipal(c, deps);
  const issueId = c.req.param("issueId") ?? "";
  requireRole(principal, issueId, "viewer");
  const format = c.req.query("format");
  if (!format || !isExportFormat(format)) {
    fail(
      400,
      `${format ? `unknown export format "${format}"` : "format is required"} (expected ${exportFormats.join(", ")})`,
    );
  }
  return { issueId, format, user: principal.user };
}

async function exportNow(
  c: Context<GalleyEnv>,
  deps: GalleyDeps,
  { issueId, format }: { issueId: string; format: ExportFormat; user?: string },
): Promise<Response> {
  const data = await readIssueData(deps.storage, issueId);
  if (!data) fail(404, `no issue ${issueId}`);
  const result = await deps.pool.run({ kind: "export", data, format }, { transfer: transferablesOf(data) });
  logSetAside(deps, result.setAside);
  // The export's bytes were moved here from the worker; they go out as they are (no copy).
  return c.body(result.bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": result.contentType,
    "Content-Disposition": `attachment; filename="${result.filename.replace(/["\\\r\n]/g, "_")}"`,
  });
}

/** Logs the pages exported without content outside the page schema, once each. */
function logSetAside(deps: GalleyDeps, setAside: TaskResults["export"]["setAside"]): void {
  for (const { pageId, parts } of setAside)
    deps.logger.warn("exported a page without content outside the schema", { page: pageId, setAside: parts });
}
