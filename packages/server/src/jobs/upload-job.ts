import { HTTPException } from "hono/http-exception";
import type { GalleyDeps } from "../context.ts";
import {
  type CheckedUpload,
  type PageUpload,
  storeUpload,
  type UploadRuntime,
} from "../pages/create-page.ts";
import type { PageRecord } from "../storage/storage.ts";
import { JobError } from "./job-error.ts";
import type { JobHandle } from "./job-registry.ts";

/** How an upload runs on this server: reconstruction in the worker pool, OCR bounded and capped by the limits. */
export function uploadRuntime(deps: GalleyDeps): UploadRuntime {
  const { limits } = deps;
  return {
    storage: deps.storage,
    ocr: deps.ocr,
    logger: deps.logger,
    ocrSlots: deps.ocrSlots,
    maxDocBytes: limits.pageDocBytes,
    ocrOptions: {
      maxPixels: limits.imagePixels,
      memoryBytes: limits.ocrMemoryBytes,
      threads: limits.ocrThreads,
      nice: limits.workerNice,
      timeoutMs: limits.ocrTimeoutMs,
    },
    reconstruct: (task, transfer, signal, onStart) =>
      deps.pool.run(task, { transfer, onStart, ...(signal ? { signal } : {}) }),
    chooseModel: (issueId) => deps.models.forIssue(issueId),
  };
}

/**
 * Refuses a new job with `JobError("busy")` (503, `Retry-After`) when as many jobs are
 * unfinished as the server runs and queues, so the upload bytes held by waiting jobs stay bounded.
 */
export function admitJob(deps: GalleyDeps): void {
  const capacity = deps.limits.workers + deps.limits.jobQueue;
  if (deps.jobs.unfinished >= capacity) {
    throw new JobError(
      "busy",
      `the server is busy: ${deps.jobs.unfinished} jobs are running or waiting (at most ${capacity}); try again shortly`,
    );
  }
}

/**
 * Runs an upload as a job in the background: phases and progress go to `job`, the page id when
 * done, a one-line error when it fails; cancelling the job stops OCR and reconstruction and
 * leaves no page.
 */
export function runUploadJob(
  deps: GalleyDeps,
  upload: PageUpload,
  checked: CheckedUpload,
  job: JobHandle,
): void {
  storeUpload(
    upload,
    checked,
    uploadRuntime(deps),
    (phase, fraction) => job.progress(phase, fraction),
    job.signal,
  )
    .then((page: PageRecord) => {
      if (job.signal.aborted) {
        // Cancelled while the page was being stored: the store was not interrupted, so remove it.
        return deps.storage.deletePage(page.id).then(() => job.fail("cancelled"));
      }
      job.succeed({ pageId: page.id });
    })
    .catch((error: unknown) =>
      job.fail(jobFailure(deps, error, { issue: upload.issueId, page: upload.number })),
    );
}

/** The one line a failed job shows; unexpected errors are logged and shown without their details. */
export function jobFailure(deps: GalleyDeps, error: unknown, context: Record<string, unknown>): string {
  if (error instanceof HTTPException || error instanceof JobError) return error.message;
  if (
    error instanceof Error &&
    ["InputError", "ExportError", "ConflictError", "OcrError"].includes(error.name)
  )
    return error.message;
  deps.logger.error("job failed", { ...context, error });
  if (error instanceof Error && error.name === "DocLoadError") return `${error.message}; nothing was changed`;
  return "internal server error";
}
