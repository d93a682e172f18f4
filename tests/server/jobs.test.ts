import { readFileSync } from "node:fs";
import { recognizeImage } from "@galley/ocr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigText, form, type JobBody, readJobEvents } from "./helpers/jobs.ts";
import { seedPage, startTestServer, type TestServer } from "./helpers/server.ts";

const hocr = readFileSync(new URL("../fixtures/rendered/en-06.hocr", import.meta.url));
const png = readFileSync(new URL("../fixtures/rendered/en-06.png", import.meta.url));
/** Takes a worker seconds to reconstruct: long enough to be queued behind, cancelled or timed out. */
const slowText = bigText(40e6);

async function errorOf(response: Response): Promise<{ status: number; error: string }> {
  const body = (await response.json()) as { error?: unknown };
  return { status: response.status, error: String(body.error) };
}

describe("upload and export jobs", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      // One worker and one waiting job: the queue is easy to fill. The OCR engine is only
      // reached by the pixel-cap test, which refuses before it runs.
      limits: { workers: 1, jobQueue: 1, imagePixels: 1_000_000, uploadBytes: 64 * 1024 * 1024 },
      ocr: (bytes, { onProgress, ...options }) =>
        recognizeImage(bytes, {
          ...options,
          ...(onProgress ? { onProgress: (p) => onProgress(p.fraction) } : {}),
        }),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (number: number, body: BodyInit, async = true, query = "") =>
    server.api(`/api/issues/${server.issueId}/pages?number=${number}${query}`, {
      method: "POST",
      body,
      headers: async ? { prefer: "respond-async" } : {},
    });
  const jobOf = async (response: Response): Promise<JobBody> =>
    ((await response.json()) as { job: JobBody }).job;
  const events = (jobId: string, onJob?: (job: JobBody) => void) =>
    server.api(`/api/jobs/${jobId}/events`).then((response) => readJobEvents(response, onJob));
  const pageNumbers = async () =>
    (
      (await (await server.api(`/api/issues/${server.issueId}`)).json()) as { pages: { number: number }[] }
    ).pages.map((p) => p.number);

  it("answers 202 with the job and its Location, and the job ends with the page", async () => {
    const response = await post(10, seedPage, true, "&name=seed.txt");
    expect(response.status).toBe(202);
    const job = await jobOf(response);
    expect(response.headers.get("location")).toBe(`/api/jobs/${job.id}`);
    expect(job).toMatchObject({ kind: "upload", issueId: server.issueId, label: "seed.txt", pageId: null });
    const seen = await events(job.id);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: "done", fraction: 1, error: null });
    const info = (await (await server.api(`/api/pages/${last.pageId}/info`)).json()) as { number: number };
    expect(info.number).toBe(10);
  });

  it("streams the phases in order with a growing fraction, from queued to done", async () => {
    const blocker = await jobOf(await post(20, slowText));
    const queued = await jobOf(await post(21, seedPage));
    const seen: JobBody[] = [];
    const done = events(queued.id, (job) => {
      seen.push(job);
      // Free the worker once the stream has shown the job waiting.
      if (seen.length === 1) void server.api(`/api/jobs/${blocker.id}`, { method: "DELETE" });
    });
    await done;
    expect(seen[0]).toMatchObject({ state: "queued", phase: "queued" });
    const phases = seen.map((j) => j.phase);
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(["queued", "reconstruct", "store", null]);
    expect(seen.at(-1)?.state).toBe("done");
    const fractions = seen.map((j) => j.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it("cancels a running upload: the job ends cancelled and no page is left", async () => {
    const job = await jobOf(await post(30, slowText));
    const cancel = await server.api(`/api/jobs/${job.id}`, { method: "DELETE" });
    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as JobBody).state).toBe("cancelled");
    const last = (await events(job.id)).at(-1)!;
    expect(last).toMatchObject({ state: "cancelled", pageId: null });
    expect(last.error).toMatch(/cancelled by/);
    expect(await pageNumbers()).not.toContain(30);
    const again = await server.api(`/api/jobs/${job.id}`, { method: "DELETE" });
    expect(await errorOf(again)).toMatchObject({ status: 409, error: "the job is cancelled already" });
  });

  it("refuses a job with 503 and Retry-After when the queue is full", async () => {
    const running = await jobOf(await post(40, slowText));
    const waiting = await jobOf(await post(41, seedPage));
    const refused = await post(42, seedPage);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await errorOf(refused)).error).toMatch(/busy/);
    for (const job of [running, waiting]) await server.api(`/api/jobs/${job.id}`, { method: "DELETE" });
    expect(await pageNumbers()).not.toContain(42);
  });

  it("lists the issue's jobs newest first, so a browser that left finds them", async () => {
    const first = await jobOf(await post(50, seedPage));
    await events(first.id);
    const second = await jobOf(await post(51, seedPage));
    await events(second.id);
    const listed = (await (await server.api(`/api/issues/${server.issueId}/jobs`)).json()) as JobBody[];
    expect(listed.slice(0, 2).map((j) => j.id)).toEqual([second.id, first.id]);
    expect(listed[0]?.state).toBe("done");
    const one = (await (
      await server.api(`/api/jobs/${first.id}`, { token: server.tokens.viewer })
    ).json()) as JobBody;
    expect(one.id).toBe(first.id);
  });

  it("lets only an admin or whoever started a job cancel it", async () => {
    const job = await jobOf(await post(60, slowText));
    const byEditor = await server.api(`/api/jobs/${job.id}`, {
      method: "DELETE",
      token: server.tokens.editor,
    });
    expect(byEditor.status).toBe(403);
    expect((await server.api(`/api/jobs/${job.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await server.api("/api/jobs/j-nonexistent")).status).toBe(404);
  });

  it("answers a synchronous upload with 201 as before, its work done in a worker", async () => {
    const response = await post(70, seedPage, false);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ number: 70, format: "text", hasImage: false });
  });

  it("keeps the page image uploaded beside an hOCR file and serves both", async () => {
    const body = form({
      file: { bytes: hocr, filename: "en-06.hocr" },
      image: { bytes: png, filename: "en-06.png" },
    });
    const response = await post(80, body, false);
    expect(response.status).toBe(201);
    const page = (await response.json()) as { id: string; format: string; hasImage: boolean };
    expect(page).toMatchObject({ format: "hocr", hasImage: true });
    const image = await server.api(`/api/pages/${page.id}/image`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    const source = await server.api(`/api/pages/${page.id}/source`);
    expect(Buffer.from(await source.arrayBuffer()).equals(hocr)).toBe(true);
    const info = (await (await server.api(`/api/pages/${page.id}/info`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ hasImage: true, format: "hocr", width: 2400 });
    const issue = (await (await server.api(`/api/issues/${server.issueId}`)).json()) as {
      pages: { id: string; hasImage: boolean }[];
    };
    expect(issue.pages.find((p) => p.id === page.id)?.hasImage).toBe(true);
  });

  it("labels a multipart job with the file part's name", async () => {
    const response = await post(81, form({ file: { bytes: seedPage, filename: "科学导报-1.txt" } }));
    const job = await jobOf(response);
    expect(job.label).toBe("科学导报-1.txt");
    expect((await events(job.id)).at(-1)?.state).toBe("done");
  });

  it("refuses an image part that is no image, a scan with an image part, and a form without file", async () => {
    const notImage = form({
      file: { bytes: hocr, filename: "a.hocr" },
      image: { bytes: seedPage, filename: "b.png" },
    });
    expect(await errorOf(await post(90, notImage, false))).toMatchObject({ status: 415 });
    const twoImages = form({
      file: { bytes: png, filename: "a.png" },
      image: { bytes: png, filename: "b.png" },
    });
    expect(await errorOf(await post(90, twoImages, false))).toMatchObject({ status: 400 });
    const noFile = form({ image: { bytes: png, filename: "b.png" } });
    expect((await errorOf(await post(90, noFile, false))).error).toMatch(/no part named file/);
    expect(await pageNumbers()).not.toContain(90);
  });

  it("refuses a scan over the pixel cap with 413 before OCR runs", async () => {
    const response = await post(91, png, true);
    const { status, error } = await errorOf(response);
    expect(status).toBe(413);
    expect(error).toMatch(/1200 × 1904 pixels \(2\.3 megapixels\), over the OCR limit of 1\.0 megapixels/);
  });

  it("exports as a job whose file is fetched from the result", async () => {
    const response = await server.api(`/api/issues/${server.issueId}/exports?format=json`, {
      method: "POST",
      headers: { prefer: "respond-async" },
    });
    expect(response.status).toBe(202);
    const job = await jobOf(response);
    expect(job.kind).toBe("export");
    expect((await events(job.id)).at(-1)?.state).toBe("done");
    const result = await server.api(`/api/jobs/${job.id}/result`);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-disposition")).toMatch(/attachment/);
    expect(((await result.json()) as { id: string }).id).toBe(server.issueId);
  });

  it("exports synchronously off the event loop as before", async () => {
    const response = await server.api(`/api/issues/${server.issueId}/export?format=json`);
    expect(response.status).toBe(200);
    const issue = (await response.json()) as { pages: unknown[] };
    expect(issue.pages.length).toBeGreaterThan(1);
  });

  it("reads a page's lines in a worker", async () => {
    const lines = (await (await server.api(`/api/pages/${server.pageId}/lines`)).json()) as {
      lines: unknown[];
    };
    expect(lines.lines.length).toBeGreaterThan(100);
  });
});

describe("limits on a job's work", () => {
  it("stops an upload past its time limit with 503 and keeps nothing", async () => {
    const server = await startTestServer({ limits: { jobTimeoutMs: 1500, uploadBytes: 64 * 1024 * 1024 } });
    try {
      const response = await server.api(`/api/issues/${server.issueId}/pages?number=2`, {
        method: "POST",
        body: slowText,
      });
      const { status, error } = await errorOf(response);
      expect(status).toBe(503);
      expect(error).toBe("the reconstruct ran longer than the limit of 1.5 s and was stopped");
      const issue = (await (await server.api(`/api/issues/${server.issueId}`)).json()) as {
        pages: unknown[];
      };
      expect(issue.pages).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("stops an upload past its memory limit with 422, and the server goes on", async () => {
    const server = await startTestServer({ limits: { jobMemoryMb: 48 } });
    try {
      const response = await server.api(`/api/issues/${server.issueId}/pages?number=2`, {
        method: "POST",
        body: bigText(6e6),
      });
      const { status, error } = await errorOf(response);
      expect(status).toBe(422);
      expect(error).toMatch(/needed more than the limit of 48 MiB of memory and was stopped/);
      expect((await server.api("/healthz")).status).toBe(200);
      const small = await server.api(`/api/issues/${server.issueId}/pages?number=3`, {
        method: "POST",
        body: seedPage,
      });
      expect(small.status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
