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
});
