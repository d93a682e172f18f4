import { readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";
import { describe, expect, it } from "vitest";

/**
 * Issue 12, item 6: a page with no articles (nothing but ads, notices and price lists) comes
 * out as `other`, not as articles with made-up headlines. Known limit, kept visible below:
 * `classifieds-en.txt` opens its ads with "FOR SALE. —", which the rules read as datelines, so
 * the router takes it for a modern news page and keeps the rules' reading (three articles).
 * Its test is marked `fails` until that changes.
 */
describe("a page of nothing but advertisements", () => {
  for (const name of ["classifieds-zh.txt", "classifieds-en.txt"]) {
    // `it.fails`: the English page is the known limit above; when it passes, vitest says so.
    const test = name.endsWith("-en.txt") ? it.fails : it;
    test(`${name}: no article, every line in other`, () => {
      const text = readFileSync(new URL(`fixtures/ads/${name}`, import.meta.url), "utf8");
      const page = reconstruct(text);
      expect(page.articles).toEqual([]);
      const lines = text.split("\n").filter((l) => l.trim()).length;
      expect(page.other.reduce((n, b) => n + b.lines.length, 0) + page.captions.length).toBe(lines);
    });
  }
});
