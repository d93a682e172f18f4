import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** The checkpointing thread: one libsql connection of its own that copies the WAL into the database. */
const source = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.libsql);
const db = new Database(workerData.file, { timeout: 5000 });
parentPort.on("message", (id) => {
  if (id === "close") {
    // Close the connection here, in its own thread, and let the thread end by itself: ending it
    // from outside while libsql held the connection crashed the process at times.
    db.close();
    parentPort.close();
    return;
  }
  let error = null;
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (e) {
    error = String(e && e.message || e);
  }
  parentPort.postMessage({ id, error });
});
`;

/**
 * Runs SQLite WAL checkpoints in a thread of its own, while big values are written: a checkpoint
 * copies the WAL into the database file and fsyncs it, which for megabytes of chunks held the
 * event loop for up to 150 ms when SQLite ran it inside a commit (auto-checkpoint). A PASSIVE
 * checkpoint takes no writer lock, so commits on the main connection go on meanwhile. The thread
 * starts when first asked and ends after `idleMs` without work, so an idle server holds none; it
 * closes its own connection before it ends.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, (error: string | null) => void>();
  private next = 0;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly idleMs = 1000,
  ) {}

  /** Runs one checkpoint in the thread; resolves when it ran (a failed one is reported, not thrown). */
  checkpoint(): Promise<string | null> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.start();
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage(id);
    });
  }

  /** Ends the thread: it closes its connection and exits once it has answered what it was asked. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      await exited;
    }
    for (const resolve of this.waiting.values()) resolve("closed");
    this.waiting.clear();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const libsql = createRequire(import.meta.url).resolve("libsql");
    // Not unref'd: a process that did not close its storage waits for the idle close (a second)
    // rather than have Node end the thread under libsql at exit.
    const worker = new Worker(source, { eval: true, workerData: { file: this.file, libsql } });
    worker.on("message", ({ id, error }: { id: number; error: string | null }) => {
      this.waiting.get(id)?.(error);
      this.waiting.delete(id);
      if (this.waiting.size === 0) {
        this.idle = setTimeout(() => void this.close(), this.idleMs);
        this.idle.unref();
      }
    });
    worker.on("error", (error) => {
      for (const resolve of this.waiting.values()) resolve(error.message);
      this.waiting.clear();
      this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
