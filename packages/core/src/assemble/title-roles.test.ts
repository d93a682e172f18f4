import { describe, expect, it } from "vitest";
import { describeLines } from "../lines/line-info.ts";
import { textStream } from "../test-support/stream-builder.ts";
import { splitTitle } from "./title-roles.ts";

const titleOf = (...lines: string[]) => {
  const parts = splitTitle(describeLines(textStream(...lines)));
  const texts = (xs: { text: string }[]) => xs.map((x) => x.text);
  return {
    kicker: texts(parts.kicker),
    headline: texts(parts.headline),
    subheadline: texts(parts.subheadline),
    byline: texts(parts.byline),
  };
};

describe("splitTitle", () => {
  it("reads one group as the headline", () => {
    expect(titleOf("新增 20 家省级", "创新型中小企业").headline).toEqual([
      "新增 20 家省级",
      "创新型中小企业",
    ]);
  });

  it("starts the deck at a dash inside one group set with no space", () => {
    expect(
      titleOf("前10个月规模以上工业利润稳步回升", "——装备制造业利润增长较快", "新动能持续壮大"),
    ).toMatchObject({
      headline: ["前10个月规模以上工业利润稳步回升"],
      subheadline: ["——装备制造业利润增长较快", "新动能持续壮大"],
    });
  });

  it("starts the deck at a Latin line running well past the headline's lines, in one group", () => {
    expect(
      titleOf(
        "Storm knocks out power to",
        "thousands across the Midwest",
        "Utility crews from six states help restore",
        "service",
      ),
    ).toMatchObject({
      headline: ["Storm knocks out power to", "thousands across the Midwest"],
      subheadline: ["Utility crews from six states help restore", "service"],
    });
    expect(titleOf("School districts struggle", "to fill bus driver jobs").subheadline).toEqual([]);
  });

  it("reads two groups as kicker and headline", () => {
    expect(titleOf("长治高新产业技术开发区", "", "深化“管运分离”推动体制机制改革创新")).toMatchObject({
      kicker: ["长治高新产业技术开发区"],
      headline: ["深化“管运分离”推动体制机制改革创新"],
    });
  });

  it("reads a second group opening with a dash as the deck", () => {
    expect(titleOf("崇农立言惟仁求真", "", "——改版致读者")).toMatchObject({
      headline: ["崇农立言惟仁求真"],
      subheadline: ["——改版致读者"],
    });
  });

  it("joins a bracketed continuation to the headline above it", () => {
    expect(titleOf("AERONAUTICS", "", "National Aero-Space Plane", "", "(NASP)")).toMatchObject({
      kicker: ["AERONAUTICS"],
      headline: ["National Aero-Space Plane", "(NASP)"],
    });
  });

  it("reads a sentence under a title-case line as the deck", () => {
    expect(
      titleOf("Council Delays Budget Vote", "", "Mayor says the plan remains on track despite objections"),
    ).toMatchObject({
      headline: ["Council Delays Budget Vote"],
      subheadline: ["Mayor says the plan remains on track despite objections"],
    });
  });

  it("sets byline lines apart", () => {
    expect(titleOf("Space Technology", "By CAROLYN W. TOWNSEND").byline).toEqual(["By CAROLYN W. TOWNSEND"]);
  });
});
