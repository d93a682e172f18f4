import { describe, expect, it } from "vitest";
import { collectHyphenatedWords, joinLines } from "./join.ts";

describe("joinLines", () => {
  it("joins CJK lines with no space", () => {
    expect(joinLines(["推动体制机制改革", "创新的重要途径"])).toBe("推动体制机制改革创新的重要途径");
  });

  it("joins Latin lines with one space", () => {
    expect(joinLines(["The nation got a", "preview of tomorrow"])).toBe(
      "The nation got a preview of tomorrow",
    );
  });

  it("re-joins a word hyphenated at the line end", () => {
    expect(joinLines(["the recon-", "struction of pages"])).toBe("the reconstruction of pages");
  });

  it("keeps a hyphen the page spells elsewhere", () => {
    const hyphenated = collectHyphenatedWords(["a high-speed train", "and more"]);
    expect(joinLines(["research on high-", "speed trains"], { hyphenated })).toBe(
      "research on high-speed trains",
    );
  });

  it("keeps the hyphen of a compound whose first word opens compounds", () => {
    expect(joinLines(["A fast-", "moving storm"])).toBe("A fast-moving storm");
    expect(joinLines(["a well-", "known face"])).toBe("a well-known face");
    expect(joinLines(["a long-", "term plan and a 20-", "year-old"])).toBe(
      "a long-term plan and a 20-year-old",
    );
    expect(joinLines(["the so-", "called deal"])).toBe("the so-called deal");
    // A word broken after such a part, or before an ending of it, is still one word.
    expect(joinLines(["the devel-", "opment of", "a long-", "er trip"])).toBe(
      "the development of a longer trip",
    );
    expect(joinLines(["an over-", "whelming win"])).toBe("an overwhelming win");
  });

  it("keeps a hyphen before a capital or a digit", () => {
    expect(joinLines(["a modified UH-", "60A helicopter"])).toBe("a modified UH-60A helicopter");
  });

  it("joins CJK to Latin without a space", () => {
    expect(joinLines(["截至目前，区属国有企业已建成智创城", "NO.5、智能高端装备制造园"])).toBe(
      "截至目前，区属国有企业已建成智创城NO.5、智能高端装备制造园",
    );
  });
});
