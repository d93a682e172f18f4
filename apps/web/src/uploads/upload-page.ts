import { ApiError } from "../api.ts";
import type { Job } from "./jobs.ts";

/**
 * Sends one page to `POST /api/issues/:issueId/pages`: the file as the body (or, with a page
 * image beside an hOCR/ALTO/PAGE file, both as `multipart/form-data` parts `file` and `image`),
 * asking the server to answer at once with a job (`Prefer: respond-async`). XMLHttpRequest, not
 * fetch, because only it reports the upload's own progress. A server that works synchronously
 * answers with the page (201) when it is done.
 */

/** What the server answered: the page at once, or a job to follow. */
export type UploadAnswer = { kind: "page"; pageId: string } | { kind: "job"; job: Job };

/** One upload. */
export interface UploadRequest {
  issueId: string;
  number: number;
  file: Blob & { name: string };
  image?: (Blob & { name: string }) | null;
  /** Tesseract languages for an image, e.g. "chi_sim+eng". */
  lang?: string;
}

/** An upload in flight: its answer, and a way to stop sending. */
export interface Upload {
  answer: Promise<UploadAnswer>;
  abort(): void;
}

/** Starts an upload; `onBytes(fraction)` as the bytes go out. */
export function uploadPage(request: UploadRequest, onBytes: (fraction: number) => void): Upload {
  const params = new URLSearchParams({ number: String(request.number), name: request.file.name });
  if (request.lang) params.set("lang", request.lang);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", `/api/issues/${encodeURIComponent(request.issueId)}/pages?${params}`);
  xhr.withCredentials = true;
  xhr.setRequestHeader("Prefer", "respond-async");
  xhr.responseType = "text";
  xhr.upload.addEventListener("progress", (e) => {
    if (e.lengthComputable && e.total > 0) onBytes(e.loaded / e.total);
  });
  const answer = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status says enough.
      }
      if (xhr.status === 202 && body && typeof body === "object" && "job" in body) {
        resolve({ kind: "job", job: (body as { job: Job }).job });
      } else if (xhr.status === 201 && body && typeof body === "object" && "id" in body) {
        resolve({ kind: "page", pageId: String((body as { id: unknown }).id) });
      } else {
        const message =
          body && typeof body === "object" && "error" in body
            ? String((body as { error: unknown }).error)
            : `${xhr.status} ${xhr.statusText}`;
        reject(new ApiError(xhr.status, message));
      }
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "the connection to the server failed")));
    xhr.addEventListener("abort", () => reject(new DOMException("cancelled", "AbortError")));
  });
  if (request.image) {
    const form = new FormData();
    form.append("file", request.file, request.file.name);
    form.append("image", request.image, request.image.name);
    xhr.send(form);
  } else {
    xhr.send(request.file);
  }
  return { answer, abort: () => xhr.abort() };
}
