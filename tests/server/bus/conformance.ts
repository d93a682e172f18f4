import type { Bus } from "@galley/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** How the suite gets two handles on one medium (two processes' buses), and releases them. */
export interface BusHarness {
  open: () => Promise<[Bus, Bus]>;
  cleanup: (buses: [Bus, Bus]) => Promise<void>;
}

/** Collects the messages a subscription receives and lets a test wait for the n-th. */
function inbox() {
  const received: number[][] = [];
  let waiting: { count: number; resolve: () => void } | null = null;
  return {
    received,
    handler(message: Uint8Array) {
      received.push([...message]);
      if (waiting && received.length >= waiting.count) waiting.resolve();
    },
    until(count: number, timeoutMs = 5000): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`got ${received.length} of ${count} messages`)),
          timeoutMs,
        );
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
  };
}

/** The conformance suite every `Bus` implementation must pass. */
export function describeBusConformance(name: string, harness: () => BusHarness): void {
  describe(`Bus conformance: ${name}`, () => {
    let h: BusHarness;
    let a: Bus;
    let b: Bus;
    const topic = (suffix: string) => `conformance:${Math.random().toString(36).slice(2)}:${suffix}`;

    beforeEach(async () => {
      h = harness();
      [a, b] = await h.open();
    });
    afterEach(async () => {
      await h.cleanup([a, b]);
    });

    it("delivers a message to every subscriber of its topic, the publisher's own included, byte for byte", async () => {
      const t = topic("all");
      const onA = inbox();
      const onB = inbox();
      await a.subscribe(t, onA.handler);
      await b.subscribe(t, onB.handler);
      await a.publish(t, new Uint8Array([0, 255, 1, 128, 0]));
      await Promise.all([onA.until(1), onB.until(1)]);
      expect(onA.received).toEqual([[0, 255, 1, 128, 0]]);
      expect(onB.received).toEqual([[0, 255, 1, 128, 0]]);
    });

    it("keeps one publisher's order", async () => {
      const t = topic("order");
      const onB = inbox();
      await b.subscribe(t, onB.handler);
      for (let i = 0; i < 50; i++) await a.publish(t, new Uint8Array([i]));
      await onB.until(50);
      expect(onB.received.map((m) => m[0])).toEqual([...Array(50).keys()]);
    });

    it("does not deliver another topic's messages", async () => {
      const t = topic("mine");
      const other = topic("other");
      const onB = inbox();
      await b.subscribe(t, onB.handler);
      await a.publish(other, new Uint8Array([1]));
      await a.publish(t, new Uint8Array([2]));
      await onB.until(1);
      expect(onB.received).toEqual([[2]]);
    });

    it("stops delivering after unsubscribe, and keeps the topic's other subscribers", async () => {
      const t = topic("unsub");
      const gone = inbox();
      const stays = inbox();
      const unsubscribe = await b.subscribe(t, gone.handler);
      await b.subscribe(t, stays.handler);
      await a.publish(t, new Uint8Array([1]));
      await Promise.all([gone.until(1), stays.until(1)]);
      await unsubscribe();
      await a.publish(t, new Uint8Array([2]));
      await stays.until(2);
      expect(gone.received).toEqual([[1]]);
    });
  });
}
