import { describe, expect, it } from "vitest";
import { stableOrder } from "./stable-order.ts";

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function byCallback(primary: Float64Array, secondary: Float64Array | null): number[] {
  const order = Array.from(primary, (_, i) => i);
  return order.sort((a, b) => primary[a]! - primary[b]! || (secondary ? secondary[a]! - secondary[b]! : 0));
}

describe("stableOrder", () => {
  it("orders whole coordinates as the stable callback sort does, ties by position", () => {
    const next = random(7);
    const ys = Float64Array.from({ length: 500 }, () => Math.floor(next() * 40));
    const xs = Float64Array.from({ length: 500 }, () => Math.floor(next() * 5));
    expect(stableOrder(ys, null)).toEqual(byCallback(ys, null));
    expect(stableOrder(ys, xs)).toEqual(byCallback(ys, xs));
  });

  it("falls back to the callback sort for fractions, negatives, NaN and huge values", () => {
    const next = random(11);
    for (const odd of [0.5, -3, Number.NaN, 2 ** 40]) {
      const ys = Float64Array.from({ length: 200 }, () => Math.floor(next() * 30));
      const xs = Float64Array.from({ length: 200 }, () => Math.floor(next() * 30));
      ys[17] = odd;
      xs[42] = odd;
      expect(stableOrder(ys, null)).toEqual(byCallback(ys, null));
      expect(stableOrder(ys, xs)).toEqual(byCallback(ys, xs));
    }
  });
});
