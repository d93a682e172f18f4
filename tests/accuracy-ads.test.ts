import { readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";
import { describe, expect, it } from "vitest";

/**
 * Issue 12, item 6: a page with no articles (nothing but ads, notices and price lists) should
 * come out as `other`, not as articles with made-up headlines. Not reached yet, and kept visible
 * here as expected failures (`it.fails`: vitest says so the day they pass):
 * - `classifieds-en.txt` opens its ads with "FOR SALE. —", which the rules read as datelines, so
 *   the router takes it for a modern news page and keeps the rules' reading (three articles);
 * - on both pages the model's `other` decision does not hold whole columns of ads to be outside.
 *   Generated ad pages in training (training/src/synth) taught it only their shape: with a
 *   page-length feature it read every short page as ads, a plain five-line news page included;
 *   without it, it finds articles here. docs/accuracy.md has the figures.
 */
describe("a page of nothing but advertisements", () => {
  for (const name of ["classifieds-en.txt", "classifieds-zh.txt"]) {
    it.fails(`${name}: no article, every line in other`, () => {
      const text = readFileSync(new URL(`fixtures/ads/${name}`, import.meta.url), "utf8");
      const page = reconstruct(text);
      expect(page.articles).toEqual([]);
      const lines = text.split("\n").filter((l) => l.trim()).length;
      expect(page.other.reduce((n, b) => n + b.lines.length, 0) + page.captions.length).toBe(lines);
    });
  }
});
