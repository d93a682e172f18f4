import { JobError } from "./job-error.ts";

/**
 * At most `permits` holders at once and at most `maxWaiting` callers waiting for a permit;
 * past that `acquire` refuses at once with `JobError("busy")`, so queued work (and the upload
 * bytes it holds) stays bounded. Waiters are served first come, first served.
 */
export class Semaphore {
  private held = 0;
  private readonly waiting: Array<{ grant: () => void; refuse: (error: Error) => void }> = [];

  constructor(
    private readonly permits: number,
    private readonly maxWaiting: number,
    private readonly what: string,
  ) {
    if (!Number.isInteger(permits) || permits < 1)
      throw new RangeError(`permits must be ≥ 1, not ${permits}`);
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0)
      throw new RangeError(`maxWaiting must be ≥ 0, not ${maxWaiting}`);
  }

  /** Holders now. */
  get active(): number {
    return this.held;
  }

  /** Callers waiting now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with a `release` function once a permit is free. Rejects with `JobError("busy")`
   * when the waiting line is full, and with `JobError("cancelled")` when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelled(signal));
    if (this.held < this.permits) {
      this.held++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) {
      const state =
        this.maxWaiting === 0
          ? `${this.held} ${this.what} at once, the most it takes`
          : `${this.held} ${this.what} running and ${this.waiting.length} waiting`;
      return Promise.reject(new JobError("busy", `the server is busy: ${state}; try again shortly`));
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.releaser());
        },
        refuse: reject,
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(cancelled(signal!));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.held--;
    };
  }
}

function cancelled(signal: AbortSignal): JobError {
  const reason = signal.reason;
  if (reason instanceof JobError) return reason;
  return new JobError("cancelled", reason instanceof Error ? reason.message : "cancelled");
}
