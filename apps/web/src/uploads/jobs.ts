import { ApiError } from "../api.ts";

/**
 * The server's jobs (long uploads and exports run as jobs the browser can leave and come back
 * to): read one, list an issue's, follow one's changes, cancel one. See docs/server.md.
 */

/** A job as the server reports it. */
export interface Job {
  id: string;
  kind: "upload" | "export";
  issueId: string;
  state: "queued" | "running" | "done" | "failed" | "cancelled";
  phase: "queued" | "ocr" | "reconstruct" | "store" | "export" | null;
  /** Overall progress, 0..1. */
  fraction: number;
  /** What the job works on, e.g. the uploaded file's name. */
  label: string | null;
  pageId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Whether the job has ended (done, failed or cancelled). */
export function isFinished(job: Job): boolean {
  return job.state === "done" || job.state === "failed" || job.state === "cancelled";
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

/** One job (`GET /api/jobs/:jobId`). */
export async function fetchJob(jobId: string): Promise<Job> {
  return json<Job>(await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { credentials: "same-origin" }));
}

/**
 * The issue's jobs, newest first: unfinished ones and those that ended in the last hour
 * (`GET /api/issues/:issueId/jobs`). A server without jobs answers 404: no jobs.
 */
export async function fetchIssueJobs(issueId: string): Promise<Job[]> {
  const response = await fetch(`/api/issues/${encodeURIComponent(issueId)}/jobs`, {
    credentials: "same-origin",
  });
  if (response.status === 404) return [];
  const body = await json<Job[] | { jobs: Job[] }>(response);
  return Array.isArray(body) ? body : body.jobs;
}

/** Cancels a job (`DELETE /api/jobs/:jobId`). */
export async function cancelJob(jobId: string): Promise<Job> {
  return json<Job>(
    await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { method: "DELETE", credentials: "same-origin" }),
  );
}

/**
 * Follows a job until it ends: `onChange` with the job at every change the server announces on
 * `GET /api/jobs/:jobId/events` (server-sent events); should the stream drop before the end,
 * the job is polled once a second instead. Returns a function that stops following.
 */
export function followJob(job: Job, onChange: (job: Job) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = job;
  const seen = (next: Job) => {
    if (stopped) return;
    last = next;
    onChange(next);
    if (isFinished(next)) stop();
  };
  const poll = () => {
    if (stopped) return;
    fetchJob(last.id)
      .then(seen, () => {})
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, 1000);
      });
  };
  const events = new EventSource(`/api/jobs/${encodeURIComponent(job.id)}/events`, { withCredentials: true });
  events.addEventListener("job", (event) => seen(JSON.parse((event as MessageEvent<string>).data) as Job));
  events.addEventListener("error", () => {
    events.close();
    if (!stopped && !isFinished(last)) poll();
  });
  const stop = () => {
    stopped = true;
    events.close();
    if (timer) clearTimeout(timer);
  };
  return stop;
}
