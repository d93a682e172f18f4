/**
 * Server start and memory benchmark: `pnpm bench server [--runs N]`
 *
 * Starts the compiled server (`node apps/cli/dist/galley.js serve`, as `pnpm start` does after
 * its build) on a fresh SQLite data dir holding one page, and prints per run:
 *  - start to `/healthz`: from spawning the process to the first 200 of `/healthz`;
 *  - resident memory (VmRSS, and its peak VmHWM) of the server process with one open page: one
 *    y-websocket client synced on the page, read after a second of quiet.
 * Figures only, no pass/fail (targets: ≤ 1 s, ≤ 80 MB; docs/server.md).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPageFromUpload, issueToken, openDataDir, silentLogger } from "@galley/server";
import { ensureBuilt } from "../../apps/cli/build.mjs";
import { connectClient } from "../server/helpers/clients.ts";
import { seedPage } from "../server/helpers/server.ts";
import { galleyBundle, galleyNodeFlags } from "../support/galley-bin.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--runs");
const runs = at >= 0 ? Number(args[at + 1]) : 5;

await ensureBuilt();

function statusKb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, "") ?? Number.NaN);
}

async function waitHealthy(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function run(): Promise<{ startMs: number; rssMb: number; peakMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), "galley-server-bench-"));
  const storage = openDataDir(dataDir);
  await storage.createIssue({ id: "i-bench", title: "Bench", date: "2025-02-10", createdAt: "" });
  const page = await createPageFromUpload(
    storage,
    { issueId: "i-bench", number: 1, bytes: seedPage },
    null,
    silentLogger,
  );
  const { token } = await issueToken(storage, { role: "editor", name: "bench" });
  await storage.close();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...galleyNodeFlags,
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      galleyBundle,
      "serve",
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
      "--data",
      dataDir,
    ],
    { stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url);
  const startMs = performance.now() - started;
  const client = connectClient(`ws://127.0.0.1:${port}/collab`, page.id, token);
  await client.synced;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssMb = statusKb(child.pid!, "VmRSS") / 1024;
  const peakMb = statusKb(child.pid!, "VmHWM") / 1024;
  client.destroy();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  return { startMs, rssMb, peakMb };
}

const results = [];
for (let i = 1; i <= runs; i++) {
  const r = await run();
  results.push(r);
  console.log(
    `run ${i}: start to /healthz ${r.startMs.toFixed(0)} ms; one open page: RSS ${r.rssMb.toFixed(1)} MB (peak ${r.peakMb.toFixed(1)} MB)`,
  );
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `compiled server, median of ${runs}: start to /healthz ${median(results.map((r) => r.startMs)).toFixed(0)} ms, ` +
    `RSS at one open page ${median(results.map((r) => r.rssMb)).toFixed(1)} MB`,
);
