import { readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";
import { describe, expect, it } from "vitest";

/**
 * Issue 12, item 6: a page with no articles (nothing but ads, notices and price lists) comes
 * out as `other`, not as articles with made-up headlines — in English and in Chinese.
 */
describe("a page of nothing but advertisements", () => {
  for (const name of ["classifieds-en.txt", "classifieds-zh.txt"]) {
    it(`${name}: no article, every line in other`, () => {
      const text = readFileSync(new URL(`fixtures/ads/${name}`, import.meta.url), "utf8");
      const page = reconstruct(text);
      expect(page.articles).toEqual([]);
      const lines = text.split("\n").filter((l) => l.trim()).length;
      expect(page.other.reduce((n, b) => n + b.lines.length, 0) + page.captions.length).toBe(lines);
    });
  }
});
