import { availableParallelism } from "node:os";
import { defaultMaxBytes } from "@galley/core";
import { defaultPresenceLimits, type PresenceLimits } from "./sync/presence-gate.ts";

/**
 * What the server allows and how much heavy work it runs at once (presence: see
 * `PresenceLimits`). Every field has a default (`defaultLimits`, sized for a 2-core machine);
 * `createGalleyApp({ limits })` overrides any.
 */
export interface Limits extends PresenceLimits {
  /** Largest page upload (`POST /api/issues/:issueId/pages`), all parts together; over it: 413. Default 50 MiB, core's `defaultMaxBytes`. */
  uploadBytes: number;
  /** Largest websocket message; over it the connection closes with 4413. Default 16 MiB. */
  messageBytes: number;
  /** Largest JSON request body; over it: 413. Default 1 MiB. */
  jsonBytes: number;
  /**
   * Most bytes that may wait for a sync client that does not read them (the page's changes
   * and presence sent to it); past it the connection is closed with 4508 and syncs again when
   * it reconnects. Default 16 MiB.
   */
  clientBacklogBytes: number;
  /** Largest page document (its Y.Doc's first update) an upload may make; over it: 413. Default 32 MiB. */
  pageDocBytes: number;
  /**
   * Upload bodies being received at once; one more is refused with 503 and `Retry-After` before
   * a byte of it is read, so the bodies being received stay under `uploadsAtOnce × uploadBytes`
   * (once received, a body waits as a job, bounded by `workers + jobQueue`).
   * Default `workers + jobQueue` (what the server could go on to work on).
   */
  uploadsAtOnce: number;
  /**
   * Longest wait for the next bytes of a request body; past it the request is answered 408 and
   * its connection closed, so a client that stalls mid-upload holds nothing. Default 30 s.
   */
  bodyIdleMs: number;

  /** Worker threads for reconstruction, ingest and export, so tasks at once. Default: cores − 1, at least 1. */
  workers: number;
  /** Heavy tasks waiting at most (for a worker, or for an OCR run); over it: 503 with `Retry-After`. Default 8. */
  jobQueue: number;
  /** Wall time of one task in a worker; past it the worker is stopped (503 / a failed job). Default 120 s. */
  jobTimeoutMs: number;
  /** V8 heap of one worker in MiB; past it the worker is stopped (422 / a failed job). Default 1024. */
  jobMemoryMb: number;
  /** An idle worker thread ends after this long. Default 10 s. */
  workerIdleMs: number;
  /** Nice value of the worker threads and of Tesseract (0–19), so the event loop wins the CPU. Default 10. */
  workerNice: number;

  /** Tesseract runs at once. Default 1. */
  ocrRuns: number;
  /** Wall time of one OCR run. Default 10 min. */
  ocrTimeoutMs: number;
  /** Most pixels of an image sent to OCR (read from its header); over it: 413. Default 100 million. */
  imagePixels: number;
  /** Address-space cap of one Tesseract process in bytes (`ulimit -v`). Default 2 GiB. */
  ocrMemoryBytes: number;
  /** OpenMP threads of one Tesseract process. Default 1. */
  ocrThreads: number;

  /** How long a finished job stays listed (`GET /api/issues/:issueId/jobs`) with its export result. Default 1 h. */
  jobRetentionMs: number;
}

/** The default limits. */
export const defaultLimits: Limits = {
  uploadBytes: defaultMaxBytes,
  messageBytes: 16 * 1024 * 1024,
  jsonBytes: 1024 * 1024,
  clientBacklogBytes: 16 * 1024 * 1024,
  pageDocBytes: 32 * 1024 * 1024,
  uploadsAtOnce: Math.max(1, availableParallelism() - 1) + 8,
  bodyIdleMs: 30_000,
  workers: Math.max(1, availableParallelism() - 1),
  jobQueue: 8,
  jobTimeoutMs: 120_000,
  jobMemoryMb: 1024,
  workerIdleMs: 10_000,
  workerNice: 10,
  ocrRuns: 1,
  ocrTimeoutMs: 600_000,
  imagePixels: 100_000_000,
  ocrMemoryBytes: 2 * 1024 * 1024 * 1024,
  ocrThreads: 1,
  jobRetentionMs: 60 * 60 * 1000,
  ...defaultPresenceLimits,
};
