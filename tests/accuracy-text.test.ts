import { readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";
import { describe, expect, it } from "vitest";
import { textFixturePages } from "./accuracy/fixtures.ts";
import { type PageScore, scorePage } from "./accuracy/score.ts";

const pages = textFixturePages();
const scores = new Map<string, PageScore>(
  pages.map((p) => {
    const text = readFileSync(p.input, "utf8");
    return [p.name, scorePage(p.gt, reconstruct(text), text)];
  }),
);
const average = (key: keyof PageScore) => {
  const values = [...scores.values()].map((s) => s[key] as number);
  return values.reduce((a, b) => a + b, 0) / values.length;
};

describe("plain-text reconstruction accuracy", () => {
  it("prints the figures per page", () => {
    const rows = [...scores].map(
      ([name, s]) =>
        `${name.padEnd(34)} articleF1=${s.articleF1.toFixed(3)} title=${s.titleAcc.toFixed(2)} byline=${s.bylineAcc.toFixed(2)} dateline=${s.datelineAcc.toFixed(2)} para=${s.paragraphF1.toFixed(3)} coverage=${s.lineCoverage.toFixed(3)}`,
    );
    console.log(rows.join("\n"));
    expect(scores.size).toBeGreaterThanOrEqual(5);
  });

  it("meets the seed page's targets", () => {
    const seed = scores.get("seed-kexuedaobao.txt")!;
    expect(seed.articleF1).toBeGreaterThanOrEqual(0.99);
    expect(seed.titleAcc).toBe(1);
    expect(seed.bylineAcc).toBe(1);
    expect(seed.datelineAcc).toBe(1);
    expect(seed.paragraphF1).toBeGreaterThanOrEqual(0.95);
    expect(seed.lineCoverage).toBe(1);
  });

  it("keeps every line on every page", () => {
    for (const [name, s] of scores) expect(s.lineCoverage, name).toBe(1);
  });

  it("averages articleF1 ≥ 0.95 and titleAcc ≥ 0.9 over the fixtures", () => {
    expect(average("articleF1")).toBeGreaterThanOrEqual(0.95);
    expect(average("titleAcc")).toBeGreaterThanOrEqual(0.9);
  });
});
