import { describe, expect, it } from "vitest";
import type { GeoLine } from "../ingest/ingest.ts";
import { createGutterCache, cutsMore, type IndexedLine, splitAtGutters } from "./gutter-split.ts";

/**
 * A line of 20 px words at `y`, one word per [x0, x1] span given: the gaps between the spans
 * are the line's word gaps.
 */
function line(id: string, y: number, spans: Array<[number, number]>): GeoLine {
  const words = spans.map(([x0, x1], i) => ({
    text: `w${i}`,
    box: { x: x0, y, w: x1 - x0, h: 20 },
    conf: 0.9,
  }));
  const x0 = spans[0]![0];
  const x1 = spans[spans.length - 1]![1];
  return { id, text: words.map((w) => w.text).join(" "), box: { x: x0, y, w: x1 - x0, h: 20 }, words };
}

const indexed = (lines: GeoLine[]): IndexedLine[] => lines.map((l, index) => ({ line: l, index }));

describe("cutsMore", () => {
  it("is false when every gap over a gutter is a channel the pass without gutters cut already", () => {
    // Two columns, 100..300 and 370..540, every line run across the channel at 300..370.
    const lines = indexed(
      Array.from({ length: 10 }, (_, i) =>
        line(`l${i}`, i * 30, [
          [100, 300],
          [370, 540],
        ]),
      ),
    );
    const cache = createGutterCache();
    expect(splitAtGutters(lines, [], cache).length).toBe(20);
    expect(cutsMore(lines, [[300, 370]], cache)).toBe(false);
  });

  it("is true when a gutter lies under a wide gap that words above cross", () => {
    // Body lines cross x = 320; one line has a wide gap there, not a channel but over the gutter.
    const body = Array.from({ length: 10 }, (_, i) => line(`b${i}`, i * 30, [[100, 540]]));
    const gapped = line("g", 300, [
      [100, 305],
      [335, 540],
    ]);
    const lines = indexed([...body, gapped]);
    const cache = createGutterCache();
    expect(splitAtGutters(lines, [], cache).length).toBe(11);
    expect(cutsMore(lines, [[300, 340]], cache)).toBe(true);
    expect(splitAtGutters(lines, [[300, 340]], cache).length).toBe(12);
  });
});
