import { readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";
import { type PageScore, scorePage, textFixturePages } from "@galley/training";
import { describe, expect, it } from "vitest";

const pages = textFixturePages();
const scores = new Map<string, PageScore>(
  pages.map((p) => {
    const text = readFileSync(p.input, "utf8");
    return [p.name, scorePage(p.gt, reconstruct(text), text)];
  }),
);
const held = pages.filter((p) => !p.stress && !p.printedOnly).map((p) => scores.get(p.name)!);
const average = (key: keyof PageScore) => held.reduce((a, s) => a + (s[key] as number), 0) / held.length;

describe("plain-text reconstruction accuracy", () => {
  it("prints the figures per page", () => {
    const rows = pages.map(({ name, stress, printedOnly }) => {
      const s = scores.get(name)!;
      const label = stress ? `${name} (stress)` : printedOnly ? `${name} (printed)` : name;
      return `${label.padEnd(34)} articleF1=${s.articleF1.toFixed(3)} title=${s.titleAcc.toFixed(2)} byline=${s.bylineAcc.toFixed(2)} dateline=${s.datelineAcc.toFixed(2)} para=${s.paragraphF1.toFixed(3)} coverage=${s.lineCoverage.toFixed(3)}`;
    });
    console.log(rows.join("\n"));
    console.log(
      `held average (${held.length} pages): articleF1=${average("articleF1").toFixed(3)} titleAcc=${average("titleAcc").toFixed(3)} paragraphF1=${average("paragraphF1").toFixed(3)}`,
    );
    expect(held.length).toBeGreaterThanOrEqual(5);
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

  it("averages articleF1 ≥ 0.95 and titleAcc ≥ 0.9 over the fixtures (stress and printed-only pages printed, not held)", () => {
    expect(average("articleF1")).toBeGreaterThanOrEqual(0.95);
    expect(average("titleAcc")).toBeGreaterThanOrEqual(0.9);
  });
});
