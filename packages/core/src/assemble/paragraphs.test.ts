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

  it("starts a paragraph at a new column's first line set with a two-cell indent, though OCR lost the full stop before it", () => {
    // Geometry: the column ends full ("……和谐统", OCR dropped "一。"); the next opens indented.
    const line = (id: string, text: string, gap: "line" | "block", indent: number, fill = 1) => ({
      id,
      text,
      gapBefore: gap,
      indent,
      fill,
      measure: 407,
      box: { x: 0, y: 0, w: 400, h: 38 },
    });
    const column = [
      line("1", "这次改版，为“三农”工", "block", 1.9, 0.85),
      line("2", "作服务的思想更加强化，版面", "line", 0),
      line("3", "性、实用性、服务性的和谐统", "line", 0),
      line("4", "这次改版，我们对报纸的", "block", 1.9, 0.85),
      line("5", "版面功能、定位、风格做出了", "line", 0),
    ];
    const paragraphs = splitParagraphs(describeLines(column));
    expect(paragraphs.map((p) => Number(p[0]!.line.id))).toEqual([1, 4]);
    // Without the indent, a column break in mid-sentence is joined over.
    column[3] = { ...column[3]!, indent: 0 };
    expect(splitParagraphs(describeLines(column)).map((p) => Number(p[0]!.line.id))).toEqual([1]);
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
