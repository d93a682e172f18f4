import { describe, expect, it } from "vitest";
import { isUnedited, splitByWeights } from "./line-split.ts";

describe("splitByWeights", () => {
  it("cuts Latin text only at spaces, near the weighted targets", () => {
    expect(splitByWeights("the quick brown fox jumps over", [9, 9, 8])).toEqual([
      "the quick",
      "brown fox",
      "jumps over",
    ]);
  });

  it("cuts CJK text between characters", () => {
    expect(splitByWeights("一二三四五六", [4, 2])).toEqual(["一二三四", "五六"]);
  });

  it("keeps every non-space character, whatever the weights", () => {
    const text = "Council approves 新桥 over the river at last";
    for (const weights of [[1], [1, 1], [5, 1, 1, 9], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]) {
      expect(splitByWeights(text, weights).join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      expect(splitByWeights(text, weights)).toHaveLength(weights.length);
    }
  });
});

describe("isUnedited", () => {
  it("accepts the joined text of the lines, with or without re-joined hyphens", () => {
    expect(isUnedited("reconstruction works", ["recon-", "struction works"])).toBe(true);
    expect(isUnedited("开局发力全省", ["开局发力", "全省"])).toBe(true);
    expect(isUnedited("reconstruction work", ["recon-", "struction works"])).toBe(false);
  });
});
