import { describe, expect, it } from "vitest";
import { seededRandom } from "../test-support/random.ts";
import { stableOrder } from "./stable-order.ts";

function byCallback(primary: Float64Array, secondary: Float64Array | null): number[] {
  const order = Array.from(primary, (_, i) => i);
  return order.sort((a, b) => primary[a]! - primary[b]! || (secondary ? secondary[a]! - secondary[b]! : 0));
}

describe("stableOrder", () => {
  it("orders whole coordinates as the stable callback sort does, ties by position", () => {
    const next = seededRandom(7);
    const ys = Float64Array.from({ length: 500 }, () => Math.floor(next() * 40));
    const xs = Float64Array.from({ length: 500 }, () => Math.floor(next() * 5));
    expect(stableOrder(ys, null)).toEqual(byCallback(ys, null));
    expect(stableOrder(ys, xs)).toEqual(byCallback(ys, xs));
  });

  it("falls back to the callback sort for fractions, negatives, NaN and huge values", () => {
    const next = seededRandom(11);
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
