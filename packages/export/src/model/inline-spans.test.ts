import { describe, expect, it } from "vitest";
import { stripInlineSpans } from "./inline-spans.ts";

const p = (text: string, ...lines: string[]) => ({ text, lines });

describe("stripInlineSpans", () => {
  it("removes a dateline at the start of the paragraph that prints it, with its dash", () => {
    const paragraphs = [p("WASHINGTON (AP) — The Senate voted.", "4", "5")];
    const dateline = { text: "WASHINGTON (AP)", lines: ["4"], inline: "start" as const };
    expect(stripInlineSpans(paragraphs, [dateline])).toEqual(["The Senate voted."]);
  });

  it("removes a byline at the end, ignoring spaces the OCR put inside it", () => {
    const paragraphs = [p("第一段。", "1"), p("交出了一份答卷。 王 波", "2", "3")];
    const byline = { text: "王波", lines: ["3"], inline: "end" as const };
    expect(stripInlineSpans(paragraphs, [byline])).toEqual(["第一段。", "交出了一份答卷。"]);
  });

  it("leaves the paragraph whole when an editor changed the span's text", () => {
    const paragraphs = [p("科学导报讯 开局发力", "1")];
    const dateline = { text: "本报讯", lines: ["1"], inline: "start" as const };
    expect(stripInlineSpans(paragraphs, [dateline])).toEqual(["科学导报讯 开局发力"]);
  });

  it("ignores spans printed on lines of their own and drops a paragraph left empty", () => {
    const paragraphs = [p("By JO", "7"), p("Text.", "8")];
    expect(stripInlineSpans(paragraphs, [{ text: "By JO", lines: ["6"] }, null])).toEqual(["By JO", "Text."]);
    expect(stripInlineSpans(paragraphs, [{ text: "By JO", lines: ["7"], inline: "start" }])).toEqual([
      "Text.",
    ]);
  });
});
