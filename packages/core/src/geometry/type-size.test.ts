import { describe, expect, it } from "vitest";
import type { GeoLine } from "../ingest/ingest.ts";
import { wordSize } from "./type-size.ts";

function line(words: Array<[string, number]>): GeoLine {
  return {
    id: "l",
    text: words.map(([t]) => t).join(" "),
    words: words.map(([text, h], i) => ({ text, box: { x: i * 100, y: 0, w: 90, h } })),
  };
}

describe("wordSize", () => {
  it("reads the same size from words of every shape", () => {
    // 20 px type: capitals 14.4, x-height 10, descenders 14.4 + 4.4.
    expect(
      wordSize(
        line([
          ["on", 10],
          ["By", 18.8],
          ["typography", 18.8],
          ["the", 14.4],
        ]),
      ),
    ).toBeCloseTo(20);
  });

  it("takes the least size of a short line, whose stretched word boxes a median cannot outvote", () => {
    // "Starkville, Miss. Senior" at 27 px, the first two boxes stretched by OCR to 33 px.
    const size = wordSize(
      line([
        ["Starkville,", 33],
        ["Miss.", 33],
        ["Senior", 19.5],
      ]),
    );
    expect(size).toBeCloseTo(19.5 / 0.72);
  });

  it("keeps the median over longer lines", () => {
    const size = wordSize(
      line([
        ["alpha", 14.4],
        ["beta", 14.4],
        ["gamma", 18.8],
        ["delta", 30],
        ["omega", 10],
      ]),
    );
    expect(size).toBeCloseTo(20);
  });
});
