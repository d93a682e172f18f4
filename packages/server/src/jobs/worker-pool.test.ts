import { readFileSync } from "node:fs";
import { isInputError } from "@galley/core";
import { afterEach, describe, expect, it } from "vitest";
import { JobError } from "./job-error.ts";
import { type WorkerLimits, WorkerPool } from "./worker-pool.ts";

const seed = readFileSync(
  new URL("../../../../tests/fixtures/server/seed-kexuedaobao.txt", import.meta.url),
  "utf8",
);

/** The seed page repeated to about `bytes` of text: articles all the way, so work grows with size. */
function bigText(bytes: number): Uint8Array {
  const once = Buffer.byteLength(seed);
  return new TextEncoder().encode(seed.repeat(Math.ceil(bytes / once)));
}

const limits: WorkerLimits = {
  workers: 1,
  queue: 1,
  timeoutMs: 60_000,
  memoryMb: 512,
  idleMs: 1000,
  nice: 0,
};
const pools: WorkerPool[] = [];
function pool(overrides: Partial<WorkerLimits> = {}): WorkerPool {
  const created = new WorkerPool({ ...limits, ...overrides });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  return null;
}

const reconstruct = (text: Uint8Array | string) => ({ kind: "reconstruct" as const, text, maxDocBytes: 1e9 });

describe("WorkerPool", () => {
  it("reconstructs in a worker thread and moves the bytes back", async () => {
    const text = new TextEncoder().encode(seed);
    const result = await pool().run(reconstruct(text), { transfer: [text.buffer as ArrayBuffer] });
    expect(text.byteLength).toBe(0);
    expect(result.articleCount).toBeGreaterThan(5);
    expect(new TextDecoder().decode(result.text as Uint8Array)).toBe(seed);
    expect(result.update.byteLength).toBeGreaterThan(1000);
  });

  it("hands an input error back with its name and code", async () => {
    const error = await rejection(pool().run(reconstruct(new Uint8Array([0, 1, 2, 0, 0, 0]))));
    expect(isInputError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("binary");
  });

  it("stops a task past its time limit and runs the next one in a fresh worker", async () => {
    const limited = pool({ timeoutMs: 1500 });
    await limited.run(reconstruct(seed));
    const error = await rejection(limited.run(reconstruct(bigText(40e6))));
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).code).toBe("timeout");
    expect((error as Error).message).toMatch(/longer than the limit of 1\.5 s/);
    expect((await limited.run(reconstruct(seed))).articleCount).toBeGreaterThan(5);
  });

  it("stops a task past its memory limit, and the process goes on", async () => {
    const limited = pool({ memoryMb: 48 });
    const error = await rejection(limited.run(reconstruct(bigText(6e6))));
    expect((error as JobError).code).toBe("memory");
    expect((error as Error).message).toMatch(/more than the limit of 48 MiB/);
    expect((await limited.run(reconstruct(seed))).articleCount).toBeGreaterThan(5);
  });

  it("refuses work past its queue with busy", async () => {
    const small = pool({ workers: 1, queue: 1 });
    const running = small.run(reconstruct(seed));
    const waiting = small.run(reconstruct(seed));
    const error = await rejection(small.run(reconstruct(seed)));
    expect((error as JobError).code).toBe("busy");
    await Promise.all([running, waiting]);
  });

  it("cancels a running task when its signal aborts", async () => {
    const cancel = new AbortController();
    const run = pool().run(reconstruct(bigText(40e6)), {
      signal: cancel.signal,
      onStart: () => setImmediate(() => cancel.abort(new JobError("cancelled", "cancelled by Ada"))),
    });
    const error = await rejection(run);
    expect((error as JobError).code).toBe("cancelled");
    expect((error as Error).message).toBe("cancelled by Ada");
  });
});
