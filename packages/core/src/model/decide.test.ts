import { describe, expect, it } from "vitest";
import type { StreamLine } from "../assemble/stream.ts";
import {
  assembleDecisions,
  boundByRegions,
  foldBodilessTitles,
  keepRegionsWhole,
  type LineDecisions,
} from "./decide.ts";
import { pageFeatures } from "./features.ts";
import { readPage } from "./reading.ts";

const line = (id: string, region?: string): StreamLine =>
  region ? { id, text: id, region } : { id, text: id };

function decisions(begin: number[]): LineDecisions {
  const n = begin.length;
  return {
    other: new Float32Array(n),
    begin: Float32Array.from(begin),
    title: new Float32Array(n),
    thresholds: { other: 0.5, begin: 0.15, title: 0.1, lead: 0.1 },
  };
}

const rounded = (a: Float32Array) => [...a].map((p) => Math.round(p * 100) / 100);

describe("boundByRegions", () => {
  it("lets an article begin where the stream enters a region, not between two lines of one", () => {
    const stream = [line("1", "r1"), line("2", "r1"), line("3", "r2"), line("4", "r2"), line("5", "r1")];
    const bound = boundByRegions(stream, decisions([0.9, 0.8, 0.7, 0.6, 0.5]));
    expect(rounded(bound.begin)).toEqual([0.9, 0, 0.7, 0, 0.5]);
  });

  it("takes a region's lines as titles together: each gets the mean of the run's P(title)", () => {
    const stream = [line("1", "h"), line("2", "h"), line("3", "b"), line("4", "b"), line("5", "b")];
    const given = decisions([0.9, 0, 0.2, 0, 0]);
    given.title.set([0.9, 0.5, 0.6, 0, 0]);
    expect(rounded(boundByRegions(stream, given).title)).toEqual([0.7, 0.7, 0.2, 0.2, 0.2]);
  });

  it("leaves lines without a region, and the decisions it was given, as they were", () => {
    const given = decisions([0.9, 0.8, 0.7]);
    given.title.set([0.3, 0.6, 0.1]);
    const bound = boundByRegions([line("1"), line("2"), line("3", "r1")], given);
    expect(rounded(bound.begin)).toEqual([0.9, 0.8, 0.7]);
    expect(rounded(bound.title)).toEqual([0.3, 0.6, 0.1]);
    expect(rounded(given.begin)).toEqual([0.9, 0.8, 0.7]);
    expect(bound.thresholds).toBe(given.thresholds);
  });
});

describe("foldBodilessTitles", () => {
  it("makes an article of title lines alone the title of the article after it", () => {
    const titles = new Set([0, 1, 3, 6]);
    const groups = [[0], [1], [2, 3], [4, 5], [6]];
    foldBodilessTitles(groups, (i) => titles.has(i));
    // 0 and 1 head 2–3; 3 opens nothing (it follows a body line); 6 is last, with nothing to head.
    expect(groups).toEqual([[0, 1, 2, 3], [4, 5], [6]]);
  });
});

describe("keepRegionsWhole", () => {
  it("gives a region read in two places to the owner of most of its lines", () => {
    // r1 is read at 0–2 and again at 5; the cut at 3 left line 5 with the second article.
    const stream = ["r0", "r1", "r1", "r2", "r2", "r1", "r2"].map((r, i) => line(String(i), r));
    const whole = keepRegionsWhole(
      stream,
      [
        [0, 1, 2],
        [3, 4, 5, 6],
      ],
      [],
    );
    expect(whole).toEqual({
      groups: [
        [0, 1, 2, 5],
        [3, 4, 6],
      ],
      outside: [],
    });
  });

  it("counts the outside as an owner, and keeps every article's opening line", () => {
    const stream = ["a", "a", "a", "b", "b", "a"].map((r, i) => line(String(i), r));
    // Region a: lines 1, 2 and 5 outside, 0 opens the first article — it stays; 5 joins the outside.
    const whole = keepRegionsWhole(stream, [[0], [3, 4, 5]], [1, 2]);
    expect(whole).toEqual({ groups: [[0], [3, 4]], outside: [1, 2, 5] });
  });

  it("moves no line to an article that opens after it, and leaves lines without a region", () => {
    const stream = [
      line("0"),
      line("1", "a"),
      line("2", "b"),
      line("3", "b"),
      line("4", "a"),
      line("5", "a"),
    ];
    // Most of region a is in the second article, which opens at 2: line 1 may not move there.
    const whole = keepRegionsWhole(
      stream,
      [
        [0, 1],
        [2, 3, 4, 5],
      ],
      [],
    );
    expect(whole).toEqual({
      groups: [
        [0, 1],
        [2, 3, 4, 5],
      ],
      outside: [],
    });
  });
});

describe("assembleDecisions", () => {
  // Two articles set in one ALTO TextBlock, as an OCR engine's own block can hold them.
  const english = [
    "The first story opens here",
    "and ends with this line.",
    "A second story opens here",
    "and ends with this line too.",
  ];
  const chinese = ["第一篇报道从这里开始", "到这一行结束了。", "第二篇报道从这里开始", "也到这一行结束了。"];
  const alto = (producer: string, lines = english) => `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
<Description><OCRProcessing ID="p"><ocrProcessingStep><processingSoftware><softwareName>${producer}</softwareName></processingSoftware></ocrProcessingStep></OCRProcessing></Description>
<Layout><Page ID="P1" WIDTH="1000" HEIGHT="1000"><PrintSpace>
<TextBlock ID="B1" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="200">
${lines
  .map(
    (text, k) =>
      `<TextLine ID="L${k + 1}" HPOS="100" VPOS="${100 + 40 * k}" WIDTH="400" HEIGHT="30"><String CONTENT="${text}" HPOS="100" VPOS="${100 + 40 * k}" WIDTH="400" HEIGHT="30"/></TextLine>`,
  )
  .join("\n")}
</TextBlock></PrintSpace></Page></Layout></alto>`;

  const articlesOf = (producer: string, lines = english) => {
    const reading = readPage(alto(producer, lines));
    const features = pageFeatures(reading);
    const given = decisions(reading.stream.map((l) => (l.id === "L1" || l.id === "L3" ? 0.9 : 0)));
    return assembleDecisions(reading, features, given).articles.map((a) =>
      a.paragraphs.flatMap((p) => p.lines),
    );
  };

  it("keeps a producer's region whole, and Tesseract's block of a Latin page", () => {
    expect(articlesOf("CCS docWORKS")).toEqual([["L1", "L2", "L3", "L4"]]);
    expect(articlesOf("tesseract 5.3.0")).toEqual([["L1", "L2", "L3", "L4"]]);
  });

  it("cuts inside Tesseract's block of a Chinese page, and keeps a producer's whole", () => {
    expect(articlesOf("CCS docWORKS", chinese)).toEqual([["L1", "L2", "L3", "L4"]]);
    expect(articlesOf("tesseract 5.3.0", chinese)).toEqual([
      ["L1", "L2"],
      ["L3", "L4"],
    ]);
  });

  it("heads an article the model gives no title with an opening line set as a heading", () => {
    const text = [
      "Tweede Kamer.",
      "De zitting van heden was minder belangwekkend dan die van gisteren, want",
      "de Kamer behandelde slechts eenige wetsontwerpen van ondergeschikt belang,",
      "die zonder veel beraadslaging werden aangenomen met algemeene stemmen.",
    ].join("\n");
    const reading = readPage(text);
    const features = pageFeatures(reading);
    // The model holds no line a title, not even by the opening line's lower bar.
    const [article] = assembleDecisions(reading, features, decisions([0.9, 0, 0, 0])).articles;
    expect(article!.headline?.text).toBe("Tweede Kamer.");
    expect(article!.paragraphs.flatMap((p) => p.lines)).toEqual(["2", "3", "4"]);
    // Taken by its shape against the model: among the least sure titles.
    expect(article!.headline?.confidence).toBeLessThan(0.5);
  });

  it("opens an article at a heading between paragraphs that the model runs on past", () => {
    const body = [
      "De zitting van heden was minder belangwekkend dan die van gisteren, want",
      "de Kamer behandelde slechts eenige wetsontwerpen van ondergeschikt belang,",
      "die zonder veel beraadslaging werden aangenomen met algemeene stemmen.",
    ];
    const reading = readPage([...body, "Landbouw.", ...body].join("\n"));
    const features = pageFeatures(reading);
    const given = decisions([0.9, 0, 0, 0, 0, 0, 0]);
    const articlesAt = (titleOfHeading: number) => {
      given.title[3] = titleOfHeading;
      return assembleDecisions(reading, features, given).articles.map((a) => [
        a.headline?.text ?? null,
        a.paragraphs.flatMap((p) => p.lines),
      ]);
    };
    expect(articlesAt(0.06)).toEqual([
      [null, ["1", "2", "3"]],
      ["Landbouw.", ["5", "6", "7"]],
    ]);
    // Where the model is sure the line is no title, the article runs on.
    expect(articlesAt(0.01)).toEqual([[null, ["1", "2", "3", "4", "5", "6", "7"]]]);
  });
});
