import { describe, expect, it } from "vitest";
import { checkModel } from "./check-model.ts";
import shipped from "./model.json" with { type: "json" };

const bare = {
  version: 1,
  features: [],
  heads: { other: { base: 0, trees: [] }, begin: { base: 0, trees: [] }, title: { base: 0, trees: [] } },
};

describe("checkModel", () => {
  it("reads the shipped model with its bars", () => {
    expect(checkModel(shipped).thresholds).toEqual({ other: 0.5, begin: 0.15, title: 0.5, lead: 0.1 });
  });

  it("reads a model without bars as having none", () => {
    expect(checkModel(bare).thresholds).toBeUndefined();
  });

  it("refuses bars that are no probability, or that it does not know", () => {
    for (const thresholds of [
      { begin: "0.2" },
      { begin: 1.5 },
      { begin: 0 },
      { lead: Number.NaN },
      { ends: 0.3 },
      [0.2],
    ])
      expect(() => checkModel({ ...bare, thresholds })).toThrow(/not a Galley model: threshold/);
  });
});
