import { describe, expect, it } from "vitest";
import { joinSeparator, lineAtOffset, mergeConfidence, mergeLineIds, splitLineIds } from "./lines.ts";

describe("splitLineIds", () => {
  it("cuts between lines when the cut falls on a line start", () => {
    expect(splitLineIds(["1", "2"], 4, 8)).toEqual([["1"], ["2"]]);
  });

  it("gives a line cut mid-way to both halves", () => {
    expect(splitLineIds(["1", "2"], 2, 8)).toEqual([["1"], ["1", "2"]]);
  });

  it("uses the source texts' lengths when known", () => {
    const texts = new Map([
      ["1", "a"],
      ["2", "bbbbbbbb"],
    ]);
    // "a bbbbbbbb": the second line starts at offset 2.
    expect(splitLineIds(["1", "2"], 2, 10, texts)).toEqual([["1"], ["2"]]);
  });

  it("gives everything to one side at the ends", () => {
    expect(splitLineIds(["1"], 0, 5)).toEqual([[], ["1"]]);
    expect(splitLineIds(["1"], 5, 5)).toEqual([["1"], []]);
    expect(splitLineIds([], 2, 5)).toEqual([[], []]);
  });
});

describe("mergeLineIds", () => {
  it("keeps order and drops a shared line", () => {
    expect(mergeLineIds(["1", "2"], ["2", "3"])).toEqual(["1", "2", "3"]);
  });
});

describe("mergeConfidence", () => {
  it("takes the lower known value", () => {
    expect(mergeConfidence(0.8, 0.3)).toBe(0.3);
    expect(mergeConfidence(null, 0.3)).toBe(0.3);
    expect(mergeConfidence(null, null)).toBe(null);
  });
});

describe("joinSeparator", () => {
  it("puts a space between Latin words and none around CJK", () => {
    expect(joinSeparator("one", "two")).toBe(" ");
    expect(joinSeparator("科学", "导报")).toBe("");
    expect(joinSeparator("one ", "two")).toBe("");
    expect(joinSeparator("", "two")).toBe("");
  });
});

describe("lineAtOffset", () => {
  const texts = new Map([
    ["1", "The harbour bridge"],
    ["2", "reopened on Monday"],
  ]);
  it("finds the line that printed the character at an offset", () => {
    expect(lineAtOffset(["1", "2"], 3, 37, texts)).toBe("1");
    expect(lineAtOffset(["1", "2"], 19, 37, texts)).toBe("2");
    expect(lineAtOffset(["1", "2"], 37, 37, texts)).toBe("2");
  });

  it("answers null for a block without lines", () => {
    expect(lineAtOffset([], 0, 5)).toBeNull();
  });
});
