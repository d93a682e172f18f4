import { describe, expect, it } from "vitest";
import { describeLines } from "../lines/line-info.ts";
import { textStream } from "../test-support/stream-builder.ts";
import { splitParagraphs } from "./paragraphs.ts";

const starts = (...lines: string[]) =>
  splitParagraphs(describeLines(textStream(...lines))).map((p) => Number(p[0]!.line.id));

describe("splitParagraphs", () => {
  it("ends a paragraph at a sentence closed short of the measure", () => {
    expect(
      starts(
        "考核激励等方面，全力推进各项工作落实，取",
        "得了良好工作成效。",
        "一是加强资本运作能力，提升资产使用效益",
        "一方面，优化资产配置，充分发挥资产效能。",
      ),
    ).toEqual([1, 3]);
  });

  it("joins over a column break in mid-sentence", () => {
    expect(starts("计在1900元左右，扣除物价变", "", "动因素，比上年增长约为8%。")).toEqual([1]);
  });

  it("starts a paragraph at a blank line after a closed sentence in a stream that uses them", () => {
    expect(
      starts(
        "The council postponed its vote on the",
        "budget on Wednesday.",
        "",
        "The plan would hold property taxes flat",
        "while trimming department budgets.",
        "",
        "Supporters argue the cuts are modest and",
        "fall evenly across the city.",
      ),
    ).toEqual([1, 4, 7]);
  });

  it("never starts a paragraph with a lower-case continuation", () => {
    expect(starts("It was the first flight test of the lidar.", "", "subsonic research continued")).toEqual([
      1,
    ]);
  });
});
