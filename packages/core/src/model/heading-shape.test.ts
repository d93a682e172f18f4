import { describe, expect, it } from "vitest";
import { describeLines } from "../lines/line-info.ts";
import { breaksAsHeading, opensWithHeading } from "./heading-shape.ts";

const body = [
  "De zitting van heden was minder belangwekkend dan die van gisteren, want",
  "de Kamer behandelde slechts eenige wetsontwerpen van ondergeschikt belang,",
  "die zonder veel beraadslaging werden aangenomen met algemeene stemmen.",
];

/** Whether an article of these lines, in this order, opens with a heading. */
const opens = (lines: string[]) =>
  opensWithHeading(
    describeLines(lines.map((text, i) => ({ id: String(i + 1), text }))),
    lines.map((_, i) => i),
  );

describe("opensWithHeading", () => {
  it("reads a short sentence of its own over longer lines as a heading", () => {
    expect(opens(["Tweede Kamer.", ...body])).toBe(true);
    expect(opens(["ROYAL AMPHITHEATRE.", ...body])).toBe(true);
  });

  it("leaves an opening line that is no sentence of its own, or not short, in the body", () => {
    // A signature or a line run on into the next.
    expect(opens(["CHARLES LAWRENCE,", ...body])).toBe(false);
    expect(opens(["Uit Friesland meldt men", ...body])).toBe(false);
    // As long as the lines after it: the body's first sentence.
    expect(
      opens(["Het Staatsblad bevat de wet van 15 dezer, tot regeling van het onderwijs.", ...body]),
    ).toBe(false);
    // A short first line that starts in lower case ends a sentence cut off above it.
    expect(opens(["sluis werd gesloten.", ...body])).toBe(false);
  });

  it("needs two lines after it to measure against, and leaves datelines, bylines and CJK lines", () => {
    expect(opens(["Landbouw.", body[0]!])).toBe(false);
    expect(opens(["By JOHN SMITH.", ...body])).toBe(false);
    expect(
      opens([
        "新华社北京电。",
        "记者从国家统计局获悉，今年前三季度全国规模以上工业增加值同比增长，",
        "其中高技术制造业增加值增长较快，对全部规模以上工业增长的贡献明显。",
      ]),
    ).toBe(false);
  });
});

describe("breaksAsHeading", () => {
  const stream = (lines: string[]) => describeLines(lines.map((text, i) => ({ id: String(i + 1), text })));

  it("reads a heading between a paragraph's end and the next paragraph as a break", () => {
    const infos = stream([body[0]!, body[1]!, body[2]!, "Landbouw.", ...body]);
    expect(breaksAsHeading(infos, 3)).toBe(true);
  });

  it("leaves a short line that ends a paragraph, or one the next line goes on from", () => {
    // The paragraph above runs on into the short line: its last line, not a heading.
    expect(breaksAsHeading(stream([body[0]!, body[1]!, "te Amsterdam.", ...body]), 2)).toBe(false);
    // The line after it starts in lower case: the short line is cut from a sentence.
    expect(
      breaksAsHeading(
        stream([
          body[2]!,
          "Landbouw.",
          "en de veeteelt gingen vooruit, zoo meldt men ons uit Friesland,",
          ...body,
        ]),
        1,
      ),
    ).toBe(false);
  });
});
