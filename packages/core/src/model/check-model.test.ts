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

  it("reads the shipped router, and refuses one on an unknown fact, at no number, or with an unknown side", () => {
    expect(checkModel(shipped).router).toEqual(shipped.router);
    const router = { signal: "cjk", threshold: 0.5, above: "rules", below: "model" };
    expect(checkModel({ ...bare, router }).router).toEqual(router);
    for (const broken of [
      { ...router, signal: "moon" },
      { ...router, threshold: "0.5" },
      { ...router, threshold: Number.NaN },
      { ...router, above: "evil" },
      { ...router, below: { signal: "cjk", threshold: 0.5, above: "rules", below: "model" } },
    ])
      expect(() => checkModel({ ...bare, router: broken })).toThrow(/not a Galley model: router/);
  });
});
