/**
 * Storage commit benchmark: `pnpm bench storage [--commits N]`
 *
 * Opens the embedded SQLite store in a temp dir (WAL, `synchronous=FULL`: every commit is
 * fsynced) and appends N single updates, each its own transaction, as the sync server does
 * for one edit; then N updates in batches of 10 (one transaction each). Prints commits per
 * second and the p50/p99 commit time. Figures only, no pass/fail.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPageFromUpload, openDataDir, silentLogger } from "@galley/server";
import { seedPage } from "../server/helpers/server.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--commits");
const commits = at >= 0 ? Number(args[at + 1]) : 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dataDir = mkdtempSync(join(tmpdir(), "galley-storage-bench-"));
const storage = openDataDir(dataDir);
await storage.createIssue({ id: "i-bench", title: "Bench", date: "2025-02-10", createdAt: "" });
const page = await createPageFromUpload(
  storage,
  { issueId: "i-bench", number: 1, bytes: seedPage },
  null,
  silentLogger,
);
const update = new Uint8Array(64).fill(7);

for (const batch of [1, 10]) {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < commits / batch; i++) {
    const t = performance.now();
    await storage.appendUpdates(
      page.id,
      Array.from({ length: batch }, () => update),
    );
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  console.log(
    `SQLite synchronous=FULL, ${batch} update(s) a commit: ${((times.length / total) * 1000).toFixed(0)} commits/s ` +
      `(${((commits / total) * 1000).toFixed(0)} updates/s), commit p50 ${percentile(times, 50).toFixed(2)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(2)} ms`,
  );
}
await storage.close();
rmSync(dataDir, { recursive: true, force: true });
