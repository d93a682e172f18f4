import type { SourceLine } from "@galley/core";
import { describe, expect, it } from "vitest";
import { article, doc, headline, p } from "./builder.ts";
import { articleRegions, groupBoxes } from "./regions.ts";

const line = (id: string, x: number, y: number, w = 300, h = 20): [string, SourceLine] => [
  id,
  { id, text: id, box: { x, y, w, h } },
];

describe("groupBoxes", () => {
  it("stacks the lines of one column into one rectangle", () => {
    expect(
      groupBoxes([
        { x: 10, y: 100, w: 300, h: 20 },
        { x: 12, y: 125, w: 280, h: 20 },
      ]),
    ).toEqual([{ x: 10, y: 100, w: 300, h: 45 }]);
  });

  it("keeps two columns apart, and lines far below apart", () => {
    const areas = groupBoxes([
      { x: 10, y: 100, w: 300, h: 20 },
      { x: 330, y: 100, w: 300, h: 20 },
      { x: 10, y: 500, w: 300, h: 20 },
    ]);
    expect(areas).toHaveLength(3);
  });
});

describe("articleRegions", () => {
  it("gives each article its boxed lines, headline boxes, number and colour", () => {
    const lines = new Map([
      line("1", 10, 10, 600, 40),
      line("2", 10, 60),
      line("3", 320, 60),
      line("4", 10, 200),
    ]);
    const page = doc(
      article({ id: "a1" }, headline({ lines: ["1"] }, "Title"), p({ lines: ["2", "3"] }, "x")),
      article({ id: "a2" }, p({ lines: ["4", "missing"] }, "y")),
    );
    const [first, second] = articleRegions(page, lines);
    expect(first).toMatchObject({ id: "a1", number: 1, headline: "Title", pos: 0 });
    expect(first!.headlineBoxes).toEqual([{ x: 10, y: 10, w: 600, h: 40 }]);
    expect(first!.lines.map((l) => [l.lineId, l.role])).toEqual([
      ["1", "headline"],
      ["2", "paragraph"],
      ["3", "paragraph"],
    ]);
    expect(second!.lines.map((l) => l.lineId)).toEqual(["4"]);
    expect(first!.color).not.toBe(second!.color);
  });
});
