import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import type { Piscina } from "piscina";
import { formatSeconds } from "../body.ts";
import { DocLoadError } from "../sync/doc-state.ts";
import { JobError } from "./job-error.ts";
import { Semaphore } from "./semaphore.ts";
import type { Task, TaskResults } from "./tasks.ts";
import type { TaskReply } from "./worker.ts";

/** How the pool runs heavy work. Every field has a default in `defaultWorkerLimits`. */
export interface WorkerLimits {
  /** Worker threads at most, so tasks running at once (default: cores − 1, at least 1). */
  workers: number;
  /** Tasks waiting for a worker at most; past it a task is refused with `JobError("busy")` (default 8). */
  queue: number;
  /** Wall time of one task, from its start in a worker (a worker's own start is not counted) (default 120 s). */
  timeoutMs: number;
  /** V8 heap (old generation) of one worker in MiB; a task past it is stopped (default 1024). */
  memoryMb: number;
  /** A worker idle this long is ended, so an idle server holds none (default 10 s). */
  idleMs: number;
  /** Nice value of the worker threads, so the event loop wins the CPU (default 10; 0 leaves it). */
  nice: number;
}

/** Options of `WorkerPool`: the limits and the worker module. */
export interface WorkerPoolOptions extends WorkerLimits {
  /**
   * The worker module's file: the compiled `galley-worker.js` the CLI bundle ships, or (the
   * default, when the server runs from its TypeScript sources) `worker-ts.mjs`, which loads
   * `worker.ts` through tsx.
   */
  file?: string;
}

/**
 * Runs CPU-heavy tasks (reconstruction, ingest, export) in worker threads, off the event loop:
 * at most `workers` at once and `queue` waiting, each stopped at `timeoutMs` or when its heap
 * passes `memoryMb` (the worker is terminated; the next task gets a fresh one). Workers start on
 * demand and end after `idleMs` idle.
 *
 * Whole-process memory: up to `workers × (memoryMb + ~40 MB)` on top of the server's own, plus
 * the byte arrays of tasks in flight (not counted by V8's heap limit).
 */
export class WorkerPool {
  private piscina: Piscina | null = null;
  private readonly slots: Semaphore;

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = new Semaphore(options.workers, options.queue, "heavy tasks");
  }

  /** Tasks running now. */
  get running(): number {
    return this.slots.active;
  }

  /** Tasks waiting for a worker now. */
  get waiting(): number {
    return this.slots.queued;
  }

  /** Worker threads alive now (they end after `idleMs` idle). */
  get threads(): number {
    return this.piscina?.threads.length ?? 0;
  }

  /**
   * Runs `task` in a worker and resolves with its result. `transfer` lists `ArrayBuffer`s of the
   * task that are moved to the worker (the caller must not use them afterwards). `onStart` is
   * called when the task leaves the queue. Rejects with `JobError` (busy, timeout, memory,
   * cancelled when `signal` aborts, crashed) or with the task's own error (an `InputError`, an
   * `ExportError`, a `DocLoadError`) rebuilt with its name, code and message.
   */
  async run<K extends Task["kind"]>(
    task: Task & { kind: K },
    options: { signal?: AbortSignal; transfer?: ArrayBuffer[]; onStart?: () => void } = {},
  ): Promise<TaskResults[K]> {
    const release = await this.slots.acquire(options.signal);
    const stop = new AbortController();
    const onAbort = () => stop.abort(options.signal?.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    // The time limit runs from the moment the worker takes the task: starting a worker (loading
    // the code, 0.3 s from the TypeScript sources, more on a busy machine) is not the task's.
    let timer: NodeJS.Timeout | null = null;
    const { port1: startedPort, port2: started } = new MessageChannel();
    startedPort.once("message", () => {
      startedPort.close();
      timer = setTimeout(
        () =>
          stop.abort(
            new JobError(
              "timeout",
              `the ${task.kind} ran longer than the limit of ${formatSeconds(this.options.timeoutMs)} and was stopped`,
            ),
          ),
        this.options.timeoutMs,
      );
    });
    try {
      options.onStart?.();
      const pool = await this.pool();
      const reply = (await pool
        .run({ task, started }, { signal: stop.signal, transferList: [started, ...(options.transfer ?? [])] })
        .catch((error: unknown) => {
          throw this.failure(task.kind, error, stop.signal);
        })) as TaskReply;
      if (!reply.ok) throw rebuildError(reply.error);
      return reply.result as TaskResults[K];
    } finally {
      if (timer) clearTimeout(timer);
      startedPort.close();
      options.signal?.removeEventListener("abort", onAbort);
      release();
    }
  }

  /** Ends every worker; running tasks are rejected. */
  async close(): Promise<void> {
    const pool = this.piscina;
    this.piscina = null;
    await pool?.destroy();
  }

  private async pool(): Promise<Piscina> {
    if (this.piscina) return this.piscina;
    // Loaded with the first task: a server that only syncs pages never holds the pool's code.
    const { Piscina } = await import("piscina");
    this.piscina ??= new Piscina({
      filename: this.options.file ?? defaultWorkerFile(),
      minThreads: 0,
      maxThreads: this.options.workers,
      idleTimeout: this.options.idleMs,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      workerData: { nice: this.options.nice },
    });
    return this.piscina;
  }

  private failure(kind: string, error: unknown, stop: AbortSignal): Error {
    if (stop.aborted) {
      const reason = stop.reason;
      if (reason instanceof JobError) return reason;
      return new JobError(
        "cancelled",
        reason instanceof Error ? reason.message : `the ${kind} was cancelled`,
      );
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ERR_WORKER_OUT_OF_MEMORY") {
      return new JobError(
        "memory",
        `the ${kind} needed more than the limit of ${this.options.memoryMb} MiB of memory and was stopped`,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    return new JobError("crashed", `the ${kind} failed in its worker: ${message}`);
  }
}

/** The worker module next to this file: tsx's loader for the TypeScript sources, else the compiled worker. */
export function defaultWorkerFile(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(here.endsWith(".ts") ? "./worker-ts.mjs" : "./worker.js", here));
}

function rebuildError(error: { name: string; code: string | null; message: string }): Error {
  if (error.name === "DocLoadError") return new DocLoadError(error.message);
  const rebuilt = new Error(error.message) as Error & { code?: string };
  rebuilt.name = error.name;
  if (error.code !== null) rebuilt.code = error.code;
  return rebuilt;
}
