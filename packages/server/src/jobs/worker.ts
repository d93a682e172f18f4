import { setPriority } from "node:os";
import type { MessagePort } from "node:worker_threads";
import { move, transferableSymbol, valueSymbol, workerData } from "piscina";
import { resultTransferables, runTask, type Task, type TaskResults } from "./tasks.ts";

/** What the pool sends a worker: the task, and a port to say when it starts (its time limit runs from then). */
export interface TaskMessage {
  task: Task;
  started: MessagePort;
}

/** A task's answer as the worker posts it: the result, or the error's name, code and message. */
export type TaskReply =
  | { ok: true; result: TaskResults[Task["kind"]] }
  | { ok: false; error: { name: string; code: string | null; message: string } };

// Heavy work yields the CPU to the event loop's thread: on Linux a nice value is per thread,
// and setPriority(0, …) sets the calling thread's.
const nice = (workerData as { nice?: number } | undefined)?.nice ?? 0;
if (nice > 0) {
  try {
    setPriority(0, nice);
  } catch {
    // Not permitted here: the work runs at normal priority.
  }
}

/**
 * The worker pool's task function (loaded by piscina in each worker thread): runs one task and
 * answers with its result, moving its big byte arrays back rather than copying them. Errors
 * are answered as values, since structured cloning keeps neither an error's class nor its code.
 */
export default function handleTask({ task, started }: TaskMessage): unknown {
  started.postMessage(0);
  started.close();
  let reply: TaskReply;
  try {
    reply = { ok: true, result: runTask(task) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as Error & { code?: unknown }).code;
    reply = {
      ok: false,
      error: { name: e.name, code: typeof code === "string" ? code : null, message: e.message },
    };
    return reply;
  }
  const buffers = resultTransferables(reply.result);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return reply;
    },
  });
}
