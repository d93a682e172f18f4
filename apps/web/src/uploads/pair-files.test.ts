import { describe, expect, it } from "vitest";
import { baseName, planPages } from "./pair-files.ts";

const f = (name: string, type = "") => ({ name, type });

describe("baseName", () => {
  it("drops extensions and OCR suffixes", () => {
    expect(baseName("P3.alto.xml")).toBe("p3");
    expect(baseName("p3_hocr.html")).toBe("p3");
    expect(baseName("p3.png")).toBe("p3");
  });
});

describe("planPages", () => {
  it("pairs an image with the hOCR, ALTO or PAGE file of the same name", () => {
    const plan = planPages(
      [f("p2.png", "image/png"), f("p1.txt", "text/plain"), f("p2.hocr"), f("p10.alto.xml"), f("p10.tif")],
      4,
    );
    expect(plan.map((p) => [p.file.name, p.image?.name ?? null, p.number])).toEqual([
      ["p1.txt", null, 4],
      ["p2.hocr", "p2.png", 5],
      ["p10.alto.xml", "p10.tif", 6],
    ]);
  });

  it("uploads an image without a partner as a page of its own (OCR on the server)", () => {
    const plan = planPages([f("scan.jpg", "image/jpeg"), f("other.txt")], 1);
    expect(plan.map((p) => [p.file.name, p.image])).toEqual([
      ["other.txt", null],
      ["scan.jpg", null],
    ]);
  });

  it("never pairs an image with plain text", () => {
    const plan = planPages([f("p1.txt"), f("p1.png", "image/png")], 1);
    expect(plan.map((p) => p.image)).toEqual([null, null]);
  });
});
