import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Compactor } from "./compactor.ts";

describe("Compactor", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits for the threshold and then for a quiet spell", async () => {
    const run = vi.fn(async () => {});
    const compactor = new Compactor({ afterUpdates: 10, quietMs: 100 }, run);
    compactor.noteStored(9);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
    compactor.noteStored(1);
    await vi.advanceTimersByTimeAsync(60);
    compactor.noteStored(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("runs at once, between messages, at ten times the threshold", async () => {
    const run = vi.fn(async () => {});
    const compactor = new Compactor({ afterUpdates: 10, quietMs: 10_000 }, run);
    compactor.noteStored(100);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("schedules nothing after stop and waits for a running compaction", async () => {
    let finish = () => {};
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const compactor = new Compactor({ afterUpdates: 1, quietMs: 10 }, run);
    compactor.noteStored(1);
    await vi.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = compactor.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    compactor.noteStored(5);
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
