import { describe, expect, it } from "vitest";
import type { StreamLine } from "../assemble/stream.ts";
import type { GeoLine, Graphic, IngestedPage } from "../ingest/ingest.ts";
import { layoutPage } from "./layout.ts";

/**
 * A small page builder: `text(id, x, y, chars, size)` sets a CJK line of `chars` characters
 * (each a size × size cell) at x, y; `column(prefix, x, y, lines, size)` a run of body lines at
 * body leading. Coordinates in pixels.
 */
const han = "农业发展质量培育乡村振兴战略实施意见";

function text(id: string, x: number, y: number, chars: number, size = 30, region?: string): GeoLine {
  const words = Array.from({ length: chars }, (_, i) => ({
    text: han[i % han.length]!,
    box: { x: x + i * size, y, w: size, h: size },
    conf: 0.9,
  }));
  const line: GeoLine = {
    id,
    text: words.map((w) => w.text).join(""),
    box: { x, y, w: chars * size, h: size },
    words,
  };
  if (region) line.region = region;
  return line;
}

function column(prefix: string, x: number, y: number, lines: number, size = 30, chars = 12): GeoLine[] {
  return Array.from({ length: lines }, (_, i) =>
    text(`${prefix}${i + 1}`, x, y + i * size * 1.5, chars, size),
  );
}

function page(lines: GeoLine[], graphics: Graphic[] = [], extra: Partial<IngestedPage> = {}): IngestedPage {
  return { format: "hocr", lines, graphics, width: 2000, height: 3000, ...extra };
}

const hints = (stream: StreamLine[], ids: string[]) =>
  ids.map((id) => stream.find((s) => s.id === id)?.articleHint);
const order = (stream: StreamLine[]) => stream.map((s) => s.id);

describe("layoutPage", () => {
  it("finds the columns from the lines' extents and reports their x extent", () => {
    const lines = [...column("a", 100, 400, 10), ...column("b", 500, 400, 10), ...column("c", 900, 400, 10)];
    const { columns } = layoutPage(page(lines));
    expect(columns.map((c) => c.x)).toEqual([
      [100, 460],
      [500, 860],
      [900, 1260],
    ]);
    expect(columns[1]!.lines).toEqual(column("b", 500, 400, 10).map((l) => l.id));
  });

  it("reads an article column by column under a headline that spans them", () => {
    const lines = [text("h", 100, 300, 14, 60), ...column("a", 100, 400, 6), ...column("b", 500, 400, 6)];
    const { stream } = layoutPage(page(lines));
    expect(order(stream)).toEqual([
      "h",
      ...column("a", 0, 0, 6).map((l) => l.id),
      ...column("b", 0, 0, 6).map((l) => l.id),
    ]);
    expect(new Set(hints(stream, ["h", "a1", "a6", "b1", "b6"])).size).toBe(1);
    expect(stream.find((s) => s.id === "h")).toMatchObject({ roleHint: "heading", sizeRatio: 2 });
  });

  it("does not let a headline spanning two columns capture the third", () => {
    const lines = [
      text("h1", 100, 300, 14, 60),
      ...column("a", 100, 400, 6),
      ...column("b", 500, 400, 6),
      text("h2", 900, 300, 6, 60),
      ...column("c", 900, 400, 6),
    ];
    const { stream } = layoutPage(page(lines));
    const [h1, a, b, h2, c] = hints(stream, ["h1", "a3", "b3", "h2", "c3"]);
    expect([a, b]).toEqual([h1, h1]);
    expect(c).toBe(h2);
    expect(h2).not.toBe(h1);
  });

  it("continues a body into the next column when nothing stands above it there", () => {
    // A short headline over the first column only; the second column is the same story.
    const lines = [text("h", 100, 300, 4, 60), ...column("a", 100, 400, 6), ...column("b", 500, 400, 6)];
    const { stream } = layoutPage(page(lines));
    expect(new Set(hints(stream, ["h", "a1", "b1", "b6"])).size).toBe(1);
  });

  it("keeps articles apart across a rule", () => {
    const lines = [
      text("h1", 100, 100, 8, 60),
      ...column("a", 100, 200, 4),
      text("h2", 100, 500, 8, 60),
      ...column("b", 100, 600, 4),
    ];
    const rule: Graphic = { kind: "separator", box: { x: 90, y: 440, w: 900, h: 4 } };
    const { stream } = layoutPage(page(lines, [rule]));
    const [h1, a, h2, b] = hints(stream, ["h1", "a4", "h2", "b1"]);
    expect(a).toBe(h1);
    expect(b).toBe(h2);
    expect(h1).not.toBe(h2);
  });

  it("marks the running head above the top rule as furniture and reads it first", () => {
    const lines = [...column("a", 100, 400, 8), text("rh", 100, 60, 6, 28)];
    const rule: Graphic = { kind: "separator", box: { x: 90, y: 120, w: 1800, h: 4 } };
    const { stream } = layoutPage(page(lines, [rule]));
    expect(stream[0]).toMatchObject({ id: "rh", roleHint: "furniture" });
    expect(stream[0]!.articleHint).toBeUndefined();
  });

  it("takes smaller type right under a picture as its caption, in the picture's article", () => {
    const photo: Graphic = { kind: "image", box: { x: 100, y: 400, w: 360, h: 200 } };
    const lines = [text("h", 100, 300, 8, 60), text("cap", 100, 610, 14, 24), ...column("a", 100, 660, 6)];
    const { stream } = layoutPage(page(lines, [photo]));
    const cap = stream.find((s) => s.id === "cap")!;
    expect(cap.roleHint).toBe("caption");
    expect(cap.articleHint).toBe(stream.find((s) => s.id === "h")!.articleHint);
    expect(order(stream).at(-1)).toBe("cap");
  });

  it("cuts a line OCR ran across a gutter into pieces that keep the id and add +2", () => {
    const lines = [...column("a", 100, 400, 8), ...column("b", 500, 400, 8)];
    const a5 = lines.findIndex((l) => l.id === "a5");
    const b5 = lines.find((l) => l.id === "b5")!;
    const merged = lines[a5]!;
    merged.words = [...merged.words!, ...b5.words!];
    merged.text += b5.text;
    merged.box = { ...merged.box!, w: 760 };
    const { stream, columns } = layoutPage(page(lines.filter((l) => l !== b5)));
    expect(stream.find((s) => s.id === "a5")!.text).toHaveLength(12);
    expect(stream.find((s) => s.id === "a5+2")).toMatchObject({ column: 1 });
    expect(columns).toHaveLength(2);
  });

  it("undoes skew so the columns still separate", () => {
    const slope = 0.03;
    const skewed = [...column("a", 100, 400, 20), ...column("b", 500, 400, 20)].map((l) => {
      const dy = (x: number) => (x - 1000) * slope;
      return {
        ...l,
        slope,
        box: { ...l.box!, y: l.box!.y + dy(l.box!.x) },
        words: l.words!.map((w) => ({ ...w, box: { ...w.box, y: w.box.y + dy(w.box.x) } })),
      };
    });
    const layout = layoutPage(page(skewed));
    expect(layout.skew).toBeCloseTo(slope);
    expect(layout.columns).toHaveLength(2);
    expect(layout.columns[0]!.lines).toHaveLength(20);
  });

  it("follows a PAGE reading order when the source gives one", () => {
    const lines = [
      ...column("a", 100, 400, 3).map((l) => ({ ...l, region: "r1" })),
      ...column("b", 500, 400, 3).map((l) => ({ ...l, region: "r2" })),
    ];
    const { stream } = layoutPage(page(lines, [], { format: "page", readingOrder: ["r2", "r1"] }));
    expect(order(stream)).toEqual(["b1", "b2", "b3", "a1", "a2", "a3"]);
  });

  it("keeps lines without a box, at the end, in source order", () => {
    const lines = [...column("a", 100, 400, 3), { id: "x", text: "无框" }];
    const { stream } = layoutPage(page(lines));
    expect(order(stream)).toEqual(["a1", "a2", "a3", "x"]);
  });

  it("reports indent and fill against the column measure", () => {
    const lines = column("a", 100, 400, 4);
    lines[0] = text("a1", 160, 400, 10);
    lines[3] = text("a4", 100, 400 + 3 * 45, 5);
    const { stream } = layoutPage(page(lines));
    expect(stream[0]).toMatchObject({ indent: 2, gapBefore: "block" });
    expect(stream[3]!.fill).toBeCloseTo(5 / 12);
  });

  it("continues a column with nothing above it from the block the reading order reads before it", () => {
    // Column 1: headline A over a short body, headline B over a longer one; column 2 starts at
    // the top with no headline. Both headlines span column 1 only.
    const inRegion = (lines: GeoLine[], region: string) => lines.map((l) => ({ ...l, region }));
    const lines = [
      text("ha", 100, 300, 5, 60, "rha"),
      ...inRegion(column("a", 100, 400, 4), "ra"),
      text("hb", 100, 700, 5, 60, "rhb"),
      ...inRegion(column("b", 100, 800, 8), "rb"),
      ...inRegion(column("c", 500, 400, 8), "rc"),
    ];
    const spatial = layoutPage(page(lines)).stream;
    // Without an order, the top of column 2 runs on from column 1 at its height: article A.
    expect(hints(spatial, ["c1"])).toEqual(hints(spatial, ["a1"]));
    const ordered = layoutPage(
      page(lines, [], { format: "page", readingOrder: ["rha", "ra", "rhb", "rb", "rc"] }),
    ).stream;
    // With one, column 2 is read after B's body: it continues article B.
    expect(hints(ordered, ["c1"])).toEqual(hints(ordered, ["b1"]));
    expect(hints(ordered, ["c1"])).not.toEqual(hints(ordered, ["a1"]));
  });

  it("reads a PAGE drop capital as text, not as a headline, whatever its size", () => {
    const drop = { ...text("d", 100, 400, 1, 90), region: "rd", regionType: "drop-capital" };
    const body = column("p", 200, 400, 6).map((l) => ({ ...l, region: "rp", regionType: "paragraph" }));
    const { stream } = layoutPage(page([drop, ...body], [], { format: "page", readingOrder: ["rd", "rp"] }));
    expect(stream.find((s) => s.id === "d")?.roleHint).toBe("body");
  });
});
