import { describe, expect, it } from "vitest";
import type { GeoLine, IngestedPage } from "../ingest/ingest.ts";
import { layoutPage } from "./layout.ts";

/**
 * Narrow justified columns as OCR returns them: `words` words of the same letters spread evenly
 * over `x0..x1` (so the word spaces change from line to line, as justification makes them), each
 * word 30 px high. `cut(id, …, at)` is such a line OCR cut in two at the space before word `at`,
 * the two pieces separate lines (`ID` and `ID-r`).
 */
const size = 30;

function words(x0: number, x1: number, y: number, count: number, width = 60, h = size) {
  const space = count > 1 ? (x1 - x0 - count * width) / (count - 1) : 0;
  return Array.from({ length: count }, (_, i) => ({
    text: "held",
    box: { x: Math.round(x0 + i * (width + space)), y, w: width, h },
    conf: 0.9,
  }));
}

function geoLine(id: string, ws: ReturnType<typeof words>): GeoLine {
  const x0 = ws[0]!.box.x;
  const last = ws[ws.length - 1]!.box;
  return {
    id,
    text: ws.map((w) => w.text).join(" "),
    box: { x: x0, y: ws[0]!.box.y, w: last.x + last.w - x0, h: ws[0]!.box.h },
    words: ws,
  };
}

const full = (id: string, x0: number, x1: number, y: number, count: number) =>
  geoLine(id, words(x0, x1, y, count));

function cut(
  id: string,
  x0: number,
  x1: number,
  y: number,
  count: number,
  at: number,
  width?: number,
): GeoLine[] {
  const ws = words(x0, x1, y, count, width);
  return [geoLine(id, ws.slice(0, at)), geoLine(`${id}-r`, ws.slice(at))];
}

/** Word counts of the body lines, varied so that no space lines up with the next line's. */
const counts = [5, 4, 6, 5, 4, 5, 6, 4, 5, 4, 6, 5];

function page(lines: GeoLine[]): IngestedPage {
  return { format: "hocr", lines, graphics: [], width: 1000, height: 1200 };
}

describe("buildBlocks: lines OCR cut at a wide justified space", () => {
  // A headline over two justified columns, 100..460 and 500..860.
  const lines: GeoLine[] = [geoLine("h", words(100, 860, 300, 6, 100, 2 * size))];
  const row = (k: number) => 400 + k * 45;
  // Column a: its first line (indented, under the headline: no body line above it) cut in two.
  lines.push(...cut("a0", 130, 460, row(0), 4, 3, 50));
  for (let k = 1; k < 12; k++) lines.push(full(`a${k}`, 100, 460, row(k), counts[k]!));
  // Column b: a paragraph's short last line, then two lines in a row cut at their wide spaces
  // (the second has only a cut line above it), then full lines.
  for (let k = 0; k < 3; k++) lines.push(full(`b${k}`, 500, 860, row(k), counts[k + 3]!));
  lines.push(full("b3", 500, 700, row(3), 3));
  lines.push(...cut("b4", 530, 860, row(4), 3, 1));
  lines.push(...cut("b5", 500, 860, row(5), 4, 2));
  for (let k = 6; k < 12; k++) lines.push(full(`b${k}`, 500, 860, row(k), counts[k]!));

  it("keeps both pieces in their column's block, on one row", () => {
    const { stream, columns } = layoutPage(page(lines));
    expect(columns.map((c) => c.x)).toEqual([
      [100, 460],
      [500, 860],
    ]);
    const at = (id: string) => stream.find((s) => s.id === id)!;
    for (const [piece, line] of [
      ["a0-r", "a1"],
      ["b4-r", "b6"],
      ["b5-r", "b6"],
    ] as const) {
      expect(at(piece).column).toBe(at(line).column);
      // The right piece continues its printed line: no block, no paragraph starts there.
      expect(at(piece).gapBefore).toBe("none");
    }
    const order = stream.map((s) => s.id);
    expect(order.indexOf("a0-r")).toBe(order.indexOf("a0") + 1);
    expect(order.indexOf("b4-r")).toBe(order.indexOf("b4") + 1);
    expect(order.indexOf("b5-r")).toBe(order.indexOf("b5") + 1);
  });

  it("does not join the first lines of two columns under a headline", () => {
    const { stream } = layoutPage(page(lines));
    const at = (id: string) => stream.find((s) => s.id === id)!;
    expect(at("b0").column).not.toBe(at("a0").column);
    expect(at("b0").gapBefore).not.toBe("none");
  });
});
