import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers the priority of every thread of the process but the event loop's, as they are when it
 * is called: V8's helpers, which compile hot code (and, without `--single-threaded-gc`, collect
 * garbage) for every isolate of the process — the worker threads' too — and libuv's pool for
 * file access, which the ES module loader has started by then. Reconstruction and export run at
 * `workerNice` in the worker threads, but the compiler work they cause ran on the helpers at the
 * event loop's own priority, taking the CPU from it in 4 ms slices on a two-core machine. Call it
 * once at start, before any worker thread exists (worker threads set their own priority). Linux
 * only (a thread's nice value is its own there); elsewhere, or when the kernel refuses, nothing
 * changes. Answers how many threads it lowered.
 */
export function lowerHelperThreads(nice: number): number {
  if (process.platform !== "linux" || nice <= 0) return 0;
  let tids: number[];
  try {
    tids = readdirSync("/proc/self/task").map(Number);
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const tid of tids) {
    if (tid === process.pid || !Number.isInteger(tid)) continue;
    try {
      setPriority(tid, nice);
      lowered++;
    } catch {
      // A thread that ended meanwhile, or a kernel that refuses: leave it.
    }
  }
  return lowered;
}
