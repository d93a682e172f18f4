import type { ApprovedPage, LineModel } from "@galley/core/model";
import type { AdaptTask } from "./tasks.ts";

/**
 * The task that adapts `base` to `pages` (null: the shipped model). The base goes into the task
 * only when it is not the shipped one, which every worker holds: by default a task is the size
 * of its pages, and a host's base model is cloned to the worker with each fit.
 */
export function adaptTask(pages: ApprovedPage[], base: LineModel | null): AdaptTask {
  return { kind: "adapt", pages, ...(base ? { base } : {}) };
}
