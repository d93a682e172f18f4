import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { roleAllows, roleFor } from "../auth/principal.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { isFinal, type Job } from "../jobs/job-registry.ts";

/**
 * Jobs: `GET /api/jobs/:jobId` (viewer of its issue), `GET /api/issues/:issueId/jobs` (the
 * issue's jobs, newest first), `GET /api/jobs/:jobId/events` (`text/event-stream`, an
 * `event: job` at each change, closed after the final state), `DELETE /api/jobs/:jobId`
 * (cancel: admin of the issue or whoever started it; 409 once finished), and
 * `GET /api/jobs/:jobId/result` (an export job's file).
 */
export function registerJobRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/jobs/:jobId", async (c) => {
    const job = await jobFor(c, deps);
    return c.json(job);
  });

  app.get("/api/issues/:issueId/jobs", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const issueId = c.req.param("issueId");
    requireRole(principal, issueId, "viewer");
    if (!(await deps.storage.getIssue(issueId))) fail(404, `no issue ${issueId}`);
    return c.json(deps.jobs.listForIssue(issueId));
  });

  app.get("/api/jobs/:jobId/events", async (c) => {
    const job = await jobFor(c, deps);
    return streamSSE(c, async (stream) => {
      const changes: Job[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = deps.jobs.subscribe(job.id, (changed) => {
        changes.push(changed);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe?.();
        wake?.();
      });
      try {
        // The state now, then every change until the final one.
        let last = deps.jobs.get(job.id) ?? job;
        await stream.writeSSE({ event: "job", data: JSON.stringify(last) });
        while (!isFinal(last.state) && !stream.aborted && unsubscribe) {
          if (changes.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          for (const changed of changes.splice(0)) {
            last = changed;
            await stream.writeSSE({ event: "job", data: JSON.stringify(changed) });
          }
        }
      } finally {
        unsubscribe?.();
      }
    });
  });

  app.delete("/api/jobs/:jobId", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const job = await jobFor(c, deps);
    const role = roleFor(principal, job.issueId);
    const isOwner = deps.jobs.owner(job.id) === principal.user;
    if (!(role && (roleAllows(role, "admin") || isOwner)))
      fail(403, "only an admin of the issue or whoever started the job may cancel it");
    if (isFinal(job.state)) fail(409, `the job is ${job.state} already`);
    if (!deps.jobs.cancel(job.id, principal.user))
      fail(409, "the job is storing its page and can no longer be cancelled");
    return c.json(deps.jobs.get(job.id));
  });

  app.get("/api/jobs/:jobId/result", async (c) => {
    const job = await jobFor(c, deps);
    const result = deps.jobs.result(job.id);
    if (job.kind !== "export") fail(404, `job ${job.id} is an ${job.kind}, which has no file (see pageId)`);
    if (!isFinal(job.state)) fail(409, `the export is still ${job.state}`);
    if (!result) fail(404, `job ${job.id} ended ${job.state} and has no file`);
    const body = Readable.toWeb(createReadStream(result.path)) as ReadableStream<Uint8Array>;
    return c.body(body, 200, {
      "Content-Type": result.contentType,
      "Content-Length": String(result.size),
      "Content-Disposition": `attachment; filename="${result.filename.replace(/["\\\r\n]/g, "_")}"`,
    });
  });
}

async function jobFor(c: Context<GalleyEnv>, deps: GalleyDeps): Promise<Job> {
  const principal = await requirePrincipal(c, deps);
  const jobId = c.req.param("jobId") ?? "";
  const job = deps.jobs.get(jobId);
  if (!job) fail(404, `no job ${jobId} (jobs are kept an hour after they finish)`);
  requireRole(principal, job.issueId, "viewer");
  return job;
}
