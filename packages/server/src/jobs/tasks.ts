import { InputError, reconstruct, type SourceFormat } from "@galley/core";
import { type ApprovedPage, adaptModel, type LineModel, shippedModel } from "@galley/core/model";
import { reconstructionToYDoc, type SetAsidePart } from "@galley/doc";
import { type ExportFormat, type ExportResult, exportIssue } from "@galley/export";
import { formatBytes } from "../body.ts";
import type { LinesInput, PageLines } from "../pages/ingest-source.ts";
import type { StoredIssueData } from "../pages/issue-data.ts";
import { issueFromData } from "../pages/issue-from-data.ts";
import { linesFromSource } from "../pages/lines-from-source.ts";

/** Reconstruct an upload and encode its first update (`createPageFromUpload`'s CPU work). */
export interface ReconstructTask {
  kind: "reconstruct";
  /** The OCR file's bytes, or the hOCR text OCR made of a scan. */
  text: Uint8Array | string;
  format?: SourceFormat;
  /** Largest first update accepted, in bytes; a bigger page is an `InputError("too-large")`. */
  maxDocBytes: number;
  /**
   * The model that decides the articles (one adapted to the page's publication, or the host's
   * base model); absent: the shipped one, which the worker holds (so it is never sent).
   */
  model?: LineModel;
}

/** Adapt the base model to a publication from its approved pages (`PublicationModels`' CPU work). */
export interface AdaptTask {
  kind: "adapt";
  /** In a fixed order: the same pages in the same order give the same model. */
  pages: ApprovedPage[];
  /** The model to adapt, when the host set one; absent: the shipped one, which the worker holds. */
  base?: LineModel;
}

/** What a `ReconstructTask` answers. `text` is handed back (moved, not copied) for storing. */
export interface Reconstructed {
  format: SourceFormat;
  width: number | null;
  height: number | null;
  articleCount: number;
  update: Uint8Array;
  text: Uint8Array | string;
  /** The reconstruction's warnings (what it could not take as written); empty when none. */
  warnings: string[];
}

/** Read a page's source lines (`GET /api/pages/:pageId/lines`). */
export interface LinesTask {
  kind: "lines";
  input: LinesInput;
}

/** Export an issue read by `readIssueData`. */
export interface ExportTask {
  kind: "export";
  data: StoredIssueData;
  format: ExportFormat;
}

/** Any task the worker pool runs. */
export type Task = ReconstructTask | LinesTask | ExportTask | AdaptTask;

/** An export's file, and the content outside the page schema it left out, by page. */
export interface Exported extends ExportResult {
  setAside: { pageId: string; parts: SetAsidePart[] }[];
}

/** The answer type of each task kind. */
export interface TaskResults {
  reconstruct: Reconstructed;
  lines: PageLines;
  export: Exported;
  adapt: LineModel;
}

/** Runs one task in the calling thread: the worker's body, and the in-thread path of the CLI and tests. */
export function runTask(task: Task): TaskResults[Task["kind"]] {
  switch (task.kind) {
    case "reconstruct":
      return reconstructUpload(task);
    case "lines":
      return linesFromSource(task.input);
    case "export": {
      const setAside: Exported["setAside"] = [];
      const issue = issueFromData(task.data, (pageId, parts) => setAside.push({ pageId, parts }));
      return { ...exportIssue(issue, task.format), setAside };
    }
    case "adapt":
      return adaptModel(task.base ?? shippedModel(), task.pages);
  }
}

/** The `ArrayBuffer`s of a task's answer that can be moved back rather than copied. */
export function resultTransferables(result: TaskResults[Task["kind"]]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (value: unknown) => {
    if (value instanceof Uint8Array && value.buffer instanceof ArrayBuffer) {
      if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) buffers.add(value.buffer);
    }
  };
  if ("update" in result) {
    add(result.update);
    add(result.text);
  }
  if ("bytes" in result) add(result.bytes);
  return [...buffers];
}

function reconstructUpload(task: ReconstructTask): Reconstructed {
  const page = reconstruct(task.text, {
    ...(task.format ? { format: task.format } : {}),
    ...(task.model ? { model: task.model } : {}),
  });
  const { ydoc, update } = reconstructionToYDoc(page);
  ydoc.destroy();
  if (update.byteLength > task.maxDocBytes) {
    throw new InputError(
      "too-large",
      `the page would be a document of ${formatBytes(update.byteLength)}, over the limit of ${formatBytes(task.maxDocBytes)} (${page.articles.length} articles): split the file into its pages`,
    );
  }
  return {
    format: page.source.format,
    width: page.source.width ?? null,
    height: page.source.height ?? null,
    articleCount: page.articles.length,
    update,
    text: task.text,
    warnings: page.warnings ?? [],
  };
}
