import { seedPage } from "./server.ts";

/** A job as the API shows it. */
export interface JobBody {
  id: string;
  kind: string;
  issueId: string;
  state: string;
  phase: string | null;
  fraction: number;
  label: string | null;
  pageId: string | null;
  error: string | null;
}

/** The seed page repeated to at least `bytes` of text: articles all the way, so the work grows with the size. */
export function bigText(bytes: number): Uint8Array<ArrayBuffer> {
  const copies = Math.ceil(bytes / seedPage.byteLength);
  const out = new Uint8Array(copies * seedPage.byteLength);
  for (let i = 0; i < copies; i++) out.set(seedPage, i * seedPage.byteLength);
  return out;
}

/**
 * Reads a `text/event-stream` of `event: job` messages and calls `onJob` with each job; resolves
 * with all of them when the server closes the stream.
 */
export async function readJobEvents(
  response: Response,
  onJob: (job: JobBody) => void = () => {},
): Promise<JobBody[]> {
  const jobs: JobBody[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    let end = buffered.indexOf("\n\n");
    while (end >= 0) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const lines = message.split("\n");
      if (lines.includes("event: job")) {
        const data = lines
          .filter((l) => l.startsWith("data: "))
          .map((l) => l.slice(6))
          .join("\n");
        const job = JSON.parse(data) as JobBody;
        jobs.push(job);
        onJob(job);
      }
      end = buffered.indexOf("\n\n");
    }
  }
  return jobs;
}

/** A multipart body with the given parts (name → bytes and file name). */
export function form(parts: Record<string, { bytes: Uint8Array; filename: string }>): FormData {
  const data = new FormData();
  for (const [name, part] of Object.entries(parts))
    data.append(name, new Blob([Buffer.from(part.bytes)]), part.filename);
  return data;
}
