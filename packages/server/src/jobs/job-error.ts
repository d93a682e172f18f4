/** Why heavy work (an upload's OCR or reconstruction, an export, reading a page's lines) did not finish. */
export type JobErrorCode =
  /** Too much work is waiting already; try again later (503 with `Retry-After`). */
  | "busy"
  /** The work ran past its wall-time limit and was stopped (503). */
  | "timeout"
  /** The work needed more memory than its limit and was stopped (422). */
  | "memory"
  /** Someone cancelled it, or the request that waited for it went away. */
  | "cancelled"
  /** The worker died for another reason (500). */
  | "crashed";

/**
 * A failure of the job machinery itself, not of the input: the queue was full, a limit was hit,
 * the job was cancelled. `message` is one line saying what happened, for the user.
 */
export class JobError extends Error {
  override name = "JobError";
  readonly code: JobErrorCode;

  constructor(code: JobErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Whether `value` is a `JobError`. */
export function isJobError(value: unknown): value is JobError {
  return value instanceof JobError;
}

/**
 * The HTTP status a synchronous request answers with for a `JobError`: 422 when the input
 * needed more memory than allowed (it would again), 500 for a crash, else 503 (busy, a time
 * limit, cancelled by a shutdown: the server's state, not the request's fault).
 */
export function jobErrorStatus(code: JobErrorCode): 422 | 500 | 503 {
  if (code === "memory") return 422;
  if (code === "crashed") return 500;
  return 503;
}
