import { newId } from "../pages/new-id.ts";

/** What a job does. */
export type JobKind = "upload" | "export";
/** Where a job is in its life. `done`, `failed` and `cancelled` are final. */
export type JobState = "queued" | "running" | "done" | "failed" | "cancelled";
/** What a running job is doing now. */
export type JobPhase = "queued" | "ocr" | "reconstruct" | "store" | "export" | null;

/** A job as the API shows it (`GET /api/jobs/:jobId`). */
export interface Job {
  id: string;
  kind: JobKind;
  issueId: string;
  state: JobState;
  phase: JobPhase;
  /** Share of the whole job done, in [0, 1]; never goes down. */
  fraction: number;
  /** What the job is about, e.g. the uploaded file's name. */
  label: string | null;
  /** The page an upload created, once done. */
  pageId: string | null;
  /** One line saying why, once failed or cancelled. */
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An export job's file, kept until the job expires. */
export interface JobResult {
  path: string;
  contentType: string;
  filename: string;
  size: number;
}

/** A job with what the server keeps about it besides what it shows. */
interface Entry {
  job: Job;
  /** Who started it (may cancel it without being admin). */
  user: string;
  cancel: AbortController;
  listeners: Set<(job: Job) => void>;
  result: JobResult | null;
  finishedAt: number | null;
}

/** The handle the code doing a job's work uses to report on it. */
export interface JobHandle {
  readonly id: string;
  /** Aborts when the job is cancelled. */
  readonly signal: AbortSignal;
  /** Moves the job to `phase` with `fraction` done (running from the first call). */
  progress(phase: Exclude<JobPhase, null>, fraction: number): void;
  /** Final: done, with the created page or the export's file. */
  succeed(outcome: { pageId?: string; result?: JobResult }): void;
  /** Final: failed (or cancelled, when the signal aborted) with a one-line reason. */
  fail(message: string): void;
}

/**
 * The jobs of this server process, in memory: their state for `GET /api/jobs/:jobId` and the
 * issue's list, change notifications for the event stream, and cancellation. A finished job is
 * kept for `retentionMs` (then forgotten, its export file deleted by `onExpire`).
 */
export class JobRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly retentionMs: number,
    private readonly onExpire: (result: JobResult) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(retentionMs, 60_000));
    this.sweeper.unref();
  }

  /** Registers a new queued job started by `user`, and returns the handle to work on it. */
  create(kind: JobKind, issueId: string, label: string | null, user: string): JobHandle {
    const at = new Date(this.now()).toISOString();
    const entry: Entry = {
      job: {
        id: newId("j"),
        kind,
        issueId,
        state: "queued",
        phase: "queued",
        fraction: 0,
        label,
        pageId: null,
        error: null,
        createdAt: at,
        updatedAt: at,
      },
      user,
      cancel: new AbortController(),
      listeners: new Set(),
      result: null,
      finishedAt: null,
    };
    this.entries.set(entry.job.id, entry);
    return this.handle(entry);
  }

  /** The job, or null when unknown or expired. */
  get(id: string): Job | null {
    const entry = this.entries.get(id);
    return entry ? { ...entry.job } : null;
  }

  /** Who started the job. */
  owner(id: string): string | null {
    return this.entries.get(id)?.user ?? null;
  }

  /** An export job's file, once done. */
  result(id: string): JobResult | null {
    return this.entries.get(id)?.result ?? null;
  }

  /** The issue's jobs, newest first: unfinished ones and those finished within the retention. */
  listForIssue(issueId: string): Job[] {
    return [...this.entries.values()]
      .filter((e) => e.job.issueId === issueId)
      .map((e) => ({ ...e.job }))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /** Jobs not finished yet, of every issue. */
  get unfinished(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (!isFinal(entry.job.state)) count++;
    return count;
  }

  /**
   * Calls `listener` with the job at every change until it is final. Returns the unsubscribe
   * function, or null when there is no such job.
   */
  subscribe(id: string, listener: (job: Job) => void): (() => void) | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  /**
   * Cancels an unfinished job: its signal aborts, so the work in progress stops (Tesseract is
   * killed, the worker terminated) and the job ends `cancelled`. Returns false when the job is
   * final already, or is storing its page (which is not interrupted: the page then appears).
   */
  cancel(id: string, by: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || isFinal(entry.job.state) || entry.job.phase === "store") return false;
    entry.cancel.abort(new Error(`cancelled by ${by}`));
    this.update(entry, { state: "cancelled", error: `cancelled by ${by}` });
    return true;
  }

  /** Stops the sweeper; unfinished jobs are cancelled (server shutdown). */
  close(): void {
    clearInterval(this.sweeper);
    for (const entry of this.entries.values()) {
      if (!isFinal(entry.job.state)) {
        entry.cancel.abort(new Error("the server is shutting down"));
        this.update(entry, { state: "cancelled", error: "the server is shutting down" });
      }
      if (entry.result) this.onExpire(entry.result);
    }
    this.entries.clear();
  }

  /** Forgets jobs finished more than `retentionMs` ago. */
  sweep(): void {
    const before = this.now() - this.retentionMs;
    for (const [id, entry] of this.entries) {
      if (entry.finishedAt !== null && entry.finishedAt <= before) {
        this.entries.delete(id);
        if (entry.result) this.onExpire(entry.result);
      }
    }
  }

  private handle(entry: Entry): JobHandle {
    return {
      id: entry.job.id,
      signal: entry.cancel.signal,
      progress: (phase, fraction) => {
        if (isFinal(entry.job.state)) return;
        this.update(entry, {
          state: "running",
          phase,
          fraction: Math.max(entry.job.fraction, Math.min(1, fraction)),
        });
      },
      succeed: ({ pageId, result }) => {
        if (isFinal(entry.job.state)) return;
        entry.result = result ?? null;
        this.update(entry, { state: "done", phase: null, fraction: 1, pageId: pageId ?? null });
      },
      fail: (message) => {
        if (isFinal(entry.job.state)) return;
        const cancelled = entry.cancel.signal.aborted;
        this.update(entry, { state: cancelled ? "cancelled" : "failed", phase: null, error: message });
      },
    };
  }

  private update(entry: Entry, patch: Partial<Job>): void {
    entry.job = { ...entry.job, ...patch, updatedAt: new Date(this.now()).toISOString() };
    if (isFinal(entry.job.state)) {
      entry.job.phase = null;
      entry.finishedAt = this.now();
    }
    const snapshot = { ...entry.job };
    for (const listener of [...entry.listeners]) listener(snapshot);
    if (isFinal(entry.job.state)) entry.listeners.clear();
  }
}

/** Whether `state` is final (done, failed, cancelled). */
export function isFinal(state: JobState): boolean {
  return state === "done" || state === "failed" || state === "cancelled";
}
