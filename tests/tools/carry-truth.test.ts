import type { GeoLine } from "@galley/core";
import type { CorpusPage } from "@galley/training";
import { describe, expect, it } from "vitest";
import { carryTruth } from "./carry-truth.ts";

const line = (id: string, x: number, y: number, w: number, h: number, text = "words") =>
  ({ id, text, box: { x, y, w, h } }) as GeoLine;

const page: CorpusPage = {
  name: "p.alto.xml",
  paper: "A paper",
  real: true,
  format: "alto",
  input: "",
  gt: {
    page: "p.alto.xml",
    format: "alto",
    other: [{ lines: ["folio"] }],
    articles: [
      { id: "a1", body: ["b1", "b2"], headline: ["h1"], paragraphStarts: ["b1"] },
      { id: "a2", body: ["c1"], paragraphStarts: [] },
    ],
  },
};
// Source units; the image is drawn at twice their size.
const source = [
  line("folio", 0, 0, 100, 10),
  line("h1", 0, 20, 100, 20),
  line("b1", 0, 50, 100, 10),
  line("b2", 0, 62, 100, 10),
  line("c1", 120, 50, 100, 10),
];

describe("carryTruth", () => {
  it("gives each OCR line the article, role and paragraph start of the source line it covers most", () => {
    const tess = [
      line("t0", 0, 0, 200, 20),
      line("t1", 0, 40, 200, 40),
      // Run across the gutter: mostly b1's, a little of c1's.
      line("t2", 0, 100, 300, 20),
      // A second piece of b1: in the article, but not a second paragraph start.
      line("t3", 100, 100, 100, 20),
      line("t4", 240, 100, 200, 20),
      line("t5", 240, 124, 200, 20),
      // Covers nothing the truth knows.
      line("t6", 0, 400, 200, 20),
    ];
    const gt = carryTruth(page, source, tess, 2);
    expect(gt.format).toBe("hocr");
    expect(gt.other).toEqual([{ lines: ["t0"] }]);
    expect(gt.articles).toEqual([
      expect.objectContaining({ id: "a1", headline: ["t1"], body: ["t2", "t3"], paragraphStarts: ["t2"] }),
      expect.objectContaining({ id: "a2", body: ["t4"], headline: null }),
    ]);
    expect(JSON.stringify(gt)).not.toContain("t5");
    expect(JSON.stringify(gt)).not.toContain("t6");
  });
});
