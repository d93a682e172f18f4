import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { createPageFromUpload, issueToken, openDataDir, silentLogger } from "@galley/server";
import type * as Y from "yjs";
import { type LoopDelay, watchLoop } from "../../support/loop-delay.ts";
import type { ChildServer } from "./child-server.ts";
import { connectClient, firstText } from "./clients.ts";
import { bigText, form, type JobBody, readJobEvents } from "./jobs.ts";
import { seedPage } from "./server.ts";

const rendered = new URL("../../fixtures/rendered/", import.meta.url);

/** A data dir for the load test: an issue of the 12 rendered hOCR pages to export, and a page to sync on. */
export interface LoadSetup {
  dataDir: string;
  /** The issue of 12 hOCR pages (the full-issue export). */
  exportIssueId: string;
  /** The issue the uploads go to. */
  uploadIssueId: string;
  /** The page the clients edit: in another issue than the uploads and the export. */
  syncPageId: string;
  token: string;
}

/** Creates the load test's data directory (closed again, ready for `galley serve`). */
export async function prepareLoad(): Promise<LoadSetup> {
  const dataDir = mkdtempSync(join(tmpdir(), "galley-load-"));
  const storage = openDataDir(dataDir);
  const createdAt = new Date().toISOString();
  await storage.createIssue({ id: "i-export", title: "Rendered pages", date: "2025-02-10", createdAt });
  await storage.createIssue({ id: "i-upload", title: "Uploads", date: "2025-02-11", createdAt });
  await storage.createIssue({ id: "i-sync", title: "Being edited", date: "2025-02-12", createdAt });
  const hocrFiles = readdirSync(rendered)
    .filter((f) => f.endsWith(".hocr"))
    .sort();
  for (const [index, file] of hocrFiles.entries()) {
    const bytes = readFileSync(new URL(file, rendered));
    await createPageFromUpload(
      storage,
      { issueId: "i-export", number: index + 1, bytes },
      null,
      silentLogger,
    );
  }
  const page = await createPageFromUpload(
    storage,
    { issueId: "i-sync", number: 1, bytes: seedPage },
    null,
    silentLogger,
  );
  const { token } = await issueToken(storage, { role: "admin", name: "Load" });
  await storage.close();
  return { dataDir, exportIssueId: "i-export", uploadIssueId: "i-upload", syncPageId: page.id, token };
}

/** Round-trip times in ms, sorted, with their percentiles, and the measuring process's own loop delay. */
export interface Latencies {
  samples: number[];
  p50: number;
  p99: number;
  max: number;
  /** This process's event-loop delay meanwhile: how much of a round trip was the clients' own. */
  clientLoop: LoopDelay;
}

/**
 * Measures the sync round trip between two real y-websocket clients on one page while `during`
 * runs: client A types a numbered marker (`[k12]`) at the start of the page's first text every
 * `intervalMs` (open loop: it does not wait for the previous one, so a stall of the server
 * delays every edit sent during it, as users would see), client B records when each arrives.
 * Runs at least `minMs`.
 */
export async function measureRoundTrips(
  server: ChildServer,
  setup: LoadSetup,
  during: () => Promise<unknown>,
  { intervalMs = 10, minMs = 1000 } = {},
): Promise<Latencies> {
  const a = connectClient(server.collabUrl, setup.syncPageId, setup.token);
  const b = connectClient(server.collabUrl, setup.syncPageId, setup.token);
  await Promise.all([a.synced, b.synced]);
  const sent = new Map<string, number>();
  const samples: number[] = [];
  const onChange = (event: Y.YTextEvent) => {
    const now = performance.now();
    for (const op of event.delta) {
      if (typeof op.insert !== "string") continue;
      for (const [, key] of op.insert.matchAll(/\[(k\d+)\]/g)) {
        const at = sent.get(key!);
        if (at !== undefined) samples.push(now - at);
      }
    }
  };
  const bText = firstText(b.doc);
  bText.observe(onChange);
  const aText = firstText(a.doc);
  const loop = watchLoop(1);
  let i = 0;
  const ticker = setInterval(() => {
    const key = `k${i++}`;
    sent.set(key, performance.now());
    aText.insert(0, `[${key}]`);
  }, intervalMs);
  try {
    await Promise.all([during(), new Promise((resolve) => setTimeout(resolve, minMs))]);
  } finally {
    clearInterval(ticker);
  }
  // The last edits' answers.
  const deadline = performance.now() + 5000;
  while (samples.length < sent.size && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 10));
  const clientLoop = loop.stop();
  bText.unobserve(onChange);
  a.destroy();
  b.destroy();
  if (samples.length < sent.size) throw new Error(`only ${samples.length} of ${sent.size} edits arrived`);
  samples.sort((x, y) => x - y);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { samples, p50: at(0.5), p99: at(0.99), max: samples.at(-1)!, clientLoop };
}

/** What the heavy work did: each job's final state, in order (text upload, paired image upload, export). */
export interface HeavyOutcome {
  jobs: JobBody[];
}

/**
 * The heavy work of issue 13: a 50 MB text upload, a 49 MiB page image uploaded with its hOCR,
 * and the export of a full issue as EPUB, all at once as jobs; resolves when all three ended.
 */
export async function runHeavyWork(server: ChildServer, setup: LoadSetup): Promise<HeavyOutcome> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${setup.token}`, prefer: "respond-async", ...init.headers },
    });
  // With its hOCR, just under the 50 MiB upload limit.
  const image = new Uint8Array(49 * 1024 * 1024);
  // A PNG signature and header, then bytes: stored and served, never decoded (no OCR for a pair).
  image.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  for (let k = 16; k < image.length; k += 4096) image[k] = k & 255;
  const started = await Promise.all([
    api(`/api/issues/${setup.uploadIssueId}/pages?number=1`, { method: "POST", body: bigText(50e6) }),
    api(`/api/issues/${setup.uploadIssueId}/pages?number=2`, {
      method: "POST",
      body: form({
        file: { bytes: readFileSync(new URL("en-06.hocr", rendered)), filename: "en-06.hocr" },
        image: { bytes: image, filename: "en-06-big.png" },
      }),
    }),
    api(`/api/issues/${setup.exportIssueId}/exports?format=epub`, { method: "POST" }),
  ]);
  const jobs: JobBody[] = [];
  for (const response of started) {
    if (response.status !== 202)
      throw new Error(`a heavy job was refused: ${response.status} ${await response.text()}`);
    const { job } = (await response.json()) as { job: JobBody };
    jobs.push(job);
  }
  const finals = await Promise.all(
    jobs.map(async (job) => (await readJobEvents(await api(`/api/jobs/${job.id}/events`))).at(-1)!),
  );
  return { jobs: finals };
}

/**
 * The uploading client's nice value. It stands in for clients on other machines: building and
 * sending 100 MB takes a CPU of its own for a second or two, which on this two-core machine
 * would be taken from the server and counted against it. `pnpm bench load --uploader-nice 0`
 * measures it the other way too.
 */
export const uploaderNice = 19;

/**
 * `runHeavyWork` in a child process (`heavy-work-main.ts`) at nice `nice`, so its uploads do not
 * load the measuring event loop.
 */
export function runHeavyWorkElsewhere(
  server: ChildServer,
  setup: LoadSetup,
  nice = uploaderNice,
): Promise<HeavyOutcome> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL("heavy-work-main.ts", import.meta.url).pathname,
      server.url,
      JSON.stringify(setup),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  if (nice > 0 && child.pid !== undefined) setPriority(child.pid, nice);
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out) as HeavyOutcome);
      else
        reject(
          new Error(`the heavy work failed (exit ${code}): ${err.trim().split("\n").slice(-3).join(" ")}`),
        );
    });
  });
}
