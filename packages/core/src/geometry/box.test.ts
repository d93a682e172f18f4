import { describe, expect, it } from "vitest";
import { median } from "./box.ts";

/** The median as the plain callback sort gives it. */
const byCallback = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

describe("median", () => {
  it("takes a zero in the middle of many values with the sign the callback sort leaves there", () => {
    const values = [...Array.from({ length: 20 }, (_, i) => (i % 2 ? 0 : -0)), 3, -2, 5, 7, -1, 0.5];
    for (let shift = 0; shift < values.length; shift++) {
      const turned = [...values.slice(shift), ...values.slice(0, shift)];
      expect(Object.is(median(turned), byCallback(turned))).toBe(true);
    }
  });

  it("agrees with the callback sort on many values, NaN included", () => {
    const values = Array.from({ length: 41 }, (_, i) => ((i * 7919) % 97) - 40);
    expect(median(values)).toBe(byCallback(values));
    values[5] = Number.NaN;
    expect(median(values)).toBe(byCallback(values));
  });

  it("agrees with the callback sort on seeded runs of many sizes, zeros and ties", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 2000; t++) {
      const values = Array.from({ length: 1 + Math.floor(next() * 120) }, () => {
        const r = next();
        if (t % 3 === 0) return Math.floor(r * 5) - 2;
        if (t % 3 === 1) return r < 0.3 ? 0 : r < 0.6 ? -0 : r * 8 - 4;
        return r * 1000;
      });
      expect(Object.is(median(values), byCallback(values))).toBe(true);
    }
  });
});
