/**
 * Sync under heavy work: `pnpm bench load [--runs N]`
 *
 * Starts the compiled server (`galley serve`, default limits) on a data dir with an issue of 12
 * hOCR pages and a page being edited, and prints per run and per `--sync` mode:
 *  - the round trip of edits between two y-websocket clients on that page (one every 10 ms,
 *    open loop), on the idle server and while a 50 MB text upload, a 49 MiB page image with its
 *    hOCR and an EPUB export of the 12 pages run as jobs (p50, p99, max);
 *  - how long the heavy work took, and the server process's peak resident memory (main thread
 *    and worker together).
 * The uploading client runs at nice 19 (`uploaderNice`: it stands in for clients on other
 * machines); `--uploader-nice N` sets another.
 * Figures only, no pass/fail (target: p99 ≤ 10 ms under load; docs/server.md).
 */
import { readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { ensureBuilt } from "../../apps/cli/build.mjs";
import { spawnServer } from "../server/helpers/child-server.ts";
import {
  type Latencies,
  measureRoundTrips,
  prepareLoad,
  runHeavyWorkElsewhere,
  uploaderNice,
} from "../server/helpers/load.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--runs");
const runs = at >= 0 ? Number(args[at + 1]) : 2;
const niceAt = args.indexOf("--uploader-nice");
const nice = niceAt >= 0 ? Number(args[niceAt + 1]) : uploaderNice;

await ensureBuilt();

function peakMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmHWM:"));
  return Number(line?.replace(/\D+/g, "") ?? Number.NaN) / 1024;
}

const fmt = (l: Latencies) =>
  `p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(1)} ms (${l.samples.length} edits; client loop p99 ${l.clientLoop.p99.toFixed(1)} ms)`;

for (const sync of ["full", "normal"]) {
  for (let run = 1; run <= runs; run++) {
    const setup = await prepareLoad();
    const server = await spawnServer(setup.dataDir, ["--sync", sync]);
    const idle = await measureRoundTrips(server, setup, async () => {}, { minMs: 3000 });
    let heavyMs = 0;
    let outcome = "";
    const loaded = await measureRoundTrips(server, setup, async () => {
      const started = performance.now();
      const { jobs } = await runHeavyWorkElsewhere(server, setup, nice);
      heavyMs = performance.now() - started;
      outcome = jobs.map((j) => `${j.kind} ${j.state}`).join(", ");
    });
    const peak = peakMb(server.process.pid!);
    server.process.kill("SIGTERM");
    await server.exited;
    rmSync(setup.dataDir, { recursive: true, force: true });
    console.log(
      `--sync ${sync}, run ${run} (uploader at nice ${nice}, load average ${loadavg()[0]!.toFixed(1)}): idle ${fmt(idle)}; ` +
        `under load ${fmt(loaded)}; heavy work ${(heavyMs / 1000).toFixed(1)} s (${outcome}); server peak RSS ${peak.toFixed(0)} MB`,
    );
  }
}
