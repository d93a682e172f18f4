import type { SourceLine } from "@galley/core";
import { describe, expect, it } from "vitest";
import { resolveLinePieces } from "./line-pieces.ts";

function line(id: string, ...words: [string, number][]): SourceLine {
  return {
    id,
    text: words.map(([t]) => t).join(" "),
    words: words.map(([text, x]) => ({ text, box: { x, y: 10, w: 40, h: 20 } })),
  };
}

describe("resolveLinePieces", () => {
  it("gives a piece cut at a gutter its own words and box, and the kept piece the rest", () => {
    const lines = [line("l1", ["The", 0], ["council", 50], ["voted", 100], ["Rain", 400], ["ahead", 450])];
    const blocks = [
      { text: "The council voted yesterday.", lines: ["l1", "l2"] },
      { text: "Rain ahead", lines: ["l1+2"] },
    ];
    const pieces = resolveLinePieces(lines, blocks);
    expect(pieces.get("l1+2")).toMatchObject({ text: "Rain ahead", box: { x: 400, y: 10, w: 90, h: 20 } });
    expect(pieces.get("l1")).toMatchObject({
      text: "The council voted",
      box: { x: 0, y: 10, w: 140, h: 20 },
    });
  });

  it("leaves lines that were not split alone", () => {
    const lines = [line("l1", ["A", 0])];
    expect(resolveLinePieces(lines, [{ text: "A", lines: ["l1"] }]).size).toBe(0);
  });

  it("gives a piece whose words are not found no words, so it is laid out from its text", () => {
    const lines = [line("l1", ["A", 0], ["B", 50])];
    const pieces = resolveLinePieces(lines, [{ text: "Z", lines: ["l1+2"] }]);
    expect(pieces.get("l1+2")).toEqual({ id: "l1+2", text: "", words: [] });
    expect(pieces.get("l1")?.text).toBe("A B");
  });
});
