import { describe, expect, it } from "vitest";
import { findMeasureRuns } from "./measure-runs.ts";

describe("findMeasureRuns", () => {
  it("keeps one run for a column with short paragraph ends", () => {
    const runs = findMeasureRuns([20, 20, 19.5, 9, 17, 20, 20, 11, 20, 20]);
    expect(runs).toEqual([{ start: 0, end: 10, measure: 20 }]);
  });

  it("starts a new run where the measure changes for good", () => {
    const runs = findMeasureRuns([5, 6, 5, 5.5, 6, 5, 13, 13.5, 14, 13, 13.5, 14, 13]);
    expect(runs.map((r) => [r.start, r.end])).toEqual([
      [0, 6],
      [6, 13],
    ]);
  });

  it("covers every line exactly once", () => {
    const widths = [12, 30, 12, 12, 30, 30, 30, 8, 12, 12, 12, 12];
    const runs = findMeasureRuns(widths);
    expect(runs[0]!.start).toBe(0);
    expect(runs.at(-1)!.end).toBe(widths.length);
    for (let k = 1; k < runs.length; k++) expect(runs[k]!.start).toBe(runs[k - 1]!.end);
  });

  it("returns nothing for no lines", () => {
    expect(findMeasureRuns([])).toEqual([]);
  });
});
