import { describe, expect, it } from "vitest";
import { JobError } from "./job-error.ts";
import { Semaphore } from "./semaphore.ts";

describe("Semaphore", () => {
  it("serves waiters first come, first served as permits are released", async () => {
    const slots = new Semaphore(1, 2, "runs");
    const order: string[] = [];
    const first = await slots.acquire();
    const b = slots.acquire().then((release) => {
      order.push("b");
      return release;
    });
    const c = slots.acquire().then((release) => {
      order.push("c");
      release();
    });
    expect(slots.queued).toBe(2);
    first();
    (await b)();
    await c;
    expect(order).toEqual(["b", "c"]);
    expect(slots.active).toBe(0);
  });

  it("refuses a caller past the waiting line with busy", async () => {
    const slots = new Semaphore(1, 1, "OCR runs");
    await slots.acquire();
    void slots.acquire();
    const error = await slots.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).code).toBe("busy");
    expect((error as Error).message).toMatch(/1 OCR runs running and 1 waiting/);
  });

  it("says how many it takes at once when nobody may wait", async () => {
    const slots = new Semaphore(2, 0, "uploads coming in");
    await slots.acquire();
    await slots.acquire();
    const error = await slots.acquire().catch((e: unknown) => e);
    expect((error as JobError).code).toBe("busy");
    expect((error as Error).message).toMatch(/2 uploads coming in at once, the most it takes/);
  });

  it("drops a waiter whose signal aborts, with cancelled", async () => {
    const slots = new Semaphore(1, 1, "runs");
    const release = await slots.acquire();
    const stop = new AbortController();
    const waiting = slots.acquire(stop.signal).catch((e: unknown) => e);
    stop.abort(new Error("cancelled by ann"));
    const error = await waiting;
    expect((error as JobError).code).toBe("cancelled");
    expect(slots.queued).toBe(0);
    release();
    expect(slots.active).toBe(0);
  });
});
