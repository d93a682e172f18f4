/**
 * Sync benchmark: `npx tsx tests/bench/sync.bench.ts [--rounds N] [--runs N] [--no-latency]`;
 * with `--compare` (`pnpm bench sync --compare`) the side-by-side comparison with the reference
 * server instead (`sync-compare.ts`).
 *
 * Runs `galley serve` as a child process (the real CLI, SQLite in a temp dir) and prints:
 *  - update round-trip latency between two y-websocket clients through the server: the time
 *    from one client's edit to the other client's doc holding it (p50, p95, max);
 *  - durability: one client makes 1,000 separate edits, the server is SIGKILLed 50 ms after the
 *    last one and restarted; how many of the 1,000 the restarted server serves — on a freshly
 *    started server process, and on one that already handled 1,000 edits (warm JIT).
 * Figures only, no pass/fail: the targets live in the docs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createPageFromUpload, issueToken, openDataDir, silentLogger } from "@galley/server";
import { type ChildServer, spawnServer } from "../server/helpers/child-server.ts";
import { connectClient, firstText } from "../server/helpers/clients.ts";
import { seedPage } from "../server/helpers/server.ts";

const args = process.argv.slice(2);
if (args.includes("--compare")) {
  await import("./sync-compare.ts");
  process.exit(0);
}
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const rounds = option("rounds", 500);
const runs = option("runs", 3);
const skipLatency = args.includes("--no-latency");

interface Setup {
  dataDir: string;
  pageId: string;
  otherPageId: string;
  token: string;
}

async function prepare(): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), "galley-bench-"));
  const storage = openDataDir(dataDir);
  const now = new Date().toISOString();
  await storage.createIssue({ id: "i-bench", title: "Bench", date: "2025-02-10", createdAt: now });
  const upload = (number: number) =>
    createPageFromUpload(storage, { issueId: "i-bench", number, bytes: seedPage }, null, silentLogger);
  const page = await upload(1);
  const other = await upload(2);
  const { token } = await issueToken(storage, { role: "editor", name: "bench" });
  await storage.close();
  return { dataDir, pageId: page.id, otherPageId: other.id, token };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measureLatency(): Promise<void> {
  const { dataDir, pageId, token } = await prepare();
  const server = await spawnServer(dataDir);
  const a = connectClient(server.collabUrl, pageId, token);
  const b = connectClient(server.collabUrl, pageId, token);
  await Promise.all([a.synced, b.synced]);
  const source = firstText(a.doc);
  const samples: number[] = [];
  for (let i = 0; i < rounds + 20; i++) {
    const arrived = new Promise<number>((resolve) => b.doc.once("update", () => resolve(performance.now())));
    const sent = performance.now();
    source.insert(0, "x");
    const at = await arrived;
    if (i >= 20) samples.push(at - sent);
  }
  samples.sort((x, y) => x - y);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(
    `round trip A→server→B (${rounds} edits, SQLite synchronous=FULL): p50 ${ms(percentile(samples, 50))}, ` +
      `p95 ${ms(percentile(samples, 95))}, max ${ms(samples.at(-1)!)}`,
  );
  a.destroy();
  b.destroy();
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}

/** 1,000 edits on another page, seen by a second client: the server's code paths are then warm. */
async function warmUp(server: ChildServer, pageId: string, token: string): Promise<void> {
  const writer = connectClient(server.collabUrl, pageId, token);
  const observer = connectClient(server.collabUrl, pageId, token);
  await Promise.all([writer.synced, observer.synced]);
  const seen = firstText(observer.doc);
  const done = new Promise<void>((resolve) =>
    observer.doc.on("update", () => {
      if (seen.toString().startsWith("w999.")) resolve();
    }),
  );
  const text = firstText(writer.doc);
  for (let i = 0; i < 1000; i++) text.insert(0, `w${i}.`);
  await done;
  writer.destroy();
  observer.destroy();
}

async function measureDurability(run: number, warm: boolean): Promise<number> {
  const { dataDir, pageId, otherPageId, token } = await prepare();
  const first = await spawnServer(dataDir);
  if (warm) await warmUp(first, otherPageId, token);
  const client = connectClient(first.collabUrl, pageId, token);
  await client.synced;
  const text = firstText(client.doc);
  for (let i = 0; i < 1000; i++) text.insert(0, `‹${i}›`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  first.process.kill("SIGKILL");
  client.destroy();
  await first.exited;
  const second = await spawnServer(dataDir);
  const response = await fetch(`${second.url}/api/pages/${pageId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const kept = new Set((await response.text()).match(/‹\d+›/g) ?? []).size;
  await stop(second);
  rmSync(dataDir, { recursive: true, force: true });
  const which = warm ? "warm server" : "fresh server";
  console.log(
    `durability run ${run}, ${which}: 1000 separate edits, SIGKILL 50 ms after the last → ${kept}/1000 kept`,
  );
  return kept;
}

async function stop(server: ChildServer): Promise<void> {
  server.process.kill("SIGTERM");
  await server.exited;
}

if (!skipLatency) await measureLatency();
for (const warm of [false, true]) {
  const kept: number[] = [];
  for (let run = 1; run <= runs; run++) kept.push(await measureDurability(run, warm));
  const which = warm ? "warm server (1,000 edits on another page first)" : "freshly started server process";
  console.log(`durability, ${which}: ${kept.join(", ")} of 1000 kept over ${runs} runs`);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${cpus().length} cores`,
);
