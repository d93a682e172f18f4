import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildServer, spawnServer } from "./helpers/child-server.ts";
import { type LoadSetup, measureRoundTrips, prepareLoad, runHeavyWorkElsewhere } from "./helpers/load.ts";

/**
 * Issue 13: other pages' sync round trip while a 50 MB upload and a full-issue export run.
 * `galley serve` as `pnpm start` runs it (the compiled bundle, its worker module, default limits),
 * with real y-websocket clients editing a page of another issue every 10 ms (open loop: an edit
 * sent while the server stalls waits, as a user's would).
 *
 * What this test holds is what does not depend on the machine: the heavy work is off the event
 * loop. On the event loop, reconstructing the 50 MB text alone held every round trip for
 * seconds (20 s in the issue). Here the median must stay ≤ 5 ms and the p99 ≤ 50 ms (measured
 * inside the whole suite: p50 0.7 ms, p99 5.6 ms), so any of the heavy work run on the event loop
 * again fails it; the last milliseconds (helper threads, fsyncs: p99 12–15 ms in this mode before
 * they were dealt with) are the bench's to watch. The target itself, p99 ≤ 10 ms, is measured by
 * `pnpm bench load` (7–9 ms in `full` mode, 6 ms in `normal`, docs/server.md): this test runs
 * beside the rest of the suite, whose load is the machine's, not the server's.
 *
 * The server runs with `--sync normal`: with every commit fsynced the round trip also waits on
 * a disk that other test suites share, which says nothing about heavy work.
 */
describe("sync under heavy work", () => {
  let setup: LoadSetup;
  let server: ChildServer;

  beforeAll(async () => {
    setup = await prepareLoad();
    server = await spawnServer(setup.dataDir, ["--sync", "normal"]);
  });
  afterAll(async () => {
    server.process.kill("SIGTERM");
    await server.exited;
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  it("keeps other pages' round trips short while a 50 MB upload and a full-issue export run", {
    timeout: 180_000,
  }, async () => {
    const idle = await measureRoundTrips(server, setup, async () => {}, { minMs: 3000 });
    let outcome: Awaited<ReturnType<typeof runHeavyWorkElsewhere>> | null = null;
    const loaded = await measureRoundTrips(server, setup, async () => {
      outcome = await runHeavyWorkElsewhere(server, setup);
    });
    const { jobs } = outcome!;
    console.log(
      `sync round trip, idle: p50 ${idle.p50.toFixed(2)} ms, p99 ${idle.p99.toFixed(2)} ms (${idle.samples.length}); ` +
        `under load: p50 ${loaded.p50.toFixed(2)} ms, p99 ${loaded.p99.toFixed(2)} ms, max ${loaded.max.toFixed(1)} ms (${loaded.samples.length}); ` +
        `jobs: ${jobs.map((j) => `${j.kind} ${j.state}${j.error ? ` (${j.error})` : ""}`).join("; ")}`,
    );
    // The heavy work really ran: the image page was stored, the export made, and the 50 MB text
    // reconstructed (then refused: its document is over the page document limit).
    expect(jobs.map((j) => j.state)).toEqual(["failed", "done", "done"]);
    expect(jobs[0]?.error).toMatch(/over the limit of 32 MiB/);
    expect(loaded.samples.length).toBeGreaterThan(300);
    expect(loaded.p50).toBeLessThanOrEqual(5);
    expect(loaded.p99).toBeLessThanOrEqual(50);
  });
});
