import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { ingestPageXml } from "./page-xml.ts";

const ns = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15";

function page(content: string, order = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="${ns}"><Metadata/><Page imageFilename="x.jpg" imageWidth="3000" imageHeight="4000">
${order ? `<ReadingOrder>${order}</ReadingOrder>` : ""}${content}</Page></PcGts>`;
}

function line(id: string, y: number, text: string, extra = ""): string {
  return `<TextLine id="${id}"><Coords points="100,${y} 900,${y} 900,${y + 40} 100,${y + 40}"/>
<Baseline points="100,${y + 30} 900,${y + 38}"/>${extra}<TextEquiv><Unicode>${text}</Unicode></TextEquiv></TextLine>`;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe("ingestPageXml", () => {
  it("reads lines with region, type, box and baseline slope", () => {
    const result = ingestPageXml(
      page(
        `<TextRegion id="r1" type="heading"><Coords points="0,0 1 1"/>${line("l1", 100, "Amtliches.")}</TextRegion>`,
      ),
    );
    expect(result.width).toBe(3000);
    expect(result.lines[0]).toMatchObject({
      id: "l1",
      text: "Amtliches.",
      region: "r1",
      regionType: "heading",
      box: { x: 100, y: 100, w: 800, h: 40 },
    });
    expect(result.lines[0]!.slope).toBeCloseTo(0.01);
  });

  it("prefers the TextEquiv with the lowest index", () => {
    const text = `<TextLine id="l1"><Coords points="0,0 10,0 10,10 0,10"/>
<TextEquiv index="2"><Unicode>second</Unicode></TextEquiv><TextEquiv index="1"><Unicode>first</Unicode></TextEquiv></TextLine>`;
    expect(ingestPageXml(page(`<TextRegion id="r">${text}</TextRegion>`)).lines[0]!.text).toBe("first");
  });

  it("keeps words with boxes and confidences, and builds the text from them when the line has none", () => {
    const words = `<TextLine id="l1"><Coords points="0,0 200,0 200,30 0,30"/>
<Word id="w1"><Coords points="0,0 90,0 90,30 0,30"/><TextEquiv conf="0.8"><Unicode>An</Unicode></TextEquiv></Word>
<Word id="w2"><Coords points="100,0 200,0 200,30 100,30"/><TextEquiv conf="0.6"><Unicode>Alle!</Unicode></TextEquiv></Word></TextLine>`;
    const l = ingestPageXml(page(`<TextRegion id="r">${words}</TextRegion>`)).lines[0]!;
    expect(l.text).toBe("An Alle!");
    expect(l.words).toEqual([
      { text: "An", box: { x: 0, y: 0, w: 90, h: 30 }, conf: 0.8 },
      { text: "Alle!", box: { x: 100, y: 0, w: 100, h: 30 }, conf: 0.6 },
    ]);
  });

  it("flattens the reading order, nested groups by index", () => {
    const order = `<OrderedGroup id="g"><RegionRefIndexed index="2" regionRef="r3"/>
<UnorderedGroupIndexed index="1" id="u"><RegionRef regionRef="r2"/><RegionRef regionRef="r1"/></UnorderedGroupIndexed>
<RegionRefIndexed index="0" regionRef="r4"/></OrderedGroup>`;
    const result = ingestPageXml(page(`<TextRegion id="r1">${line("l1", 0, "x")}</TextRegion>`, order));
    expect(result.readingOrder).toEqual(["r4", "r2", "r1", "r3"]);
  });

  it("reads the region type from a Transkribus custom attribute", () => {
    const r = `<TextRegion id="r1" custom="readingOrder {index:0;} structure {type:header;}">${line("l1", 0, "x")}</TextRegion>`;
    expect(ingestPageXml(page(r)).lines[0]!.regionType).toBe("header");
  });

  it("reads 2010-style Point coordinates", () => {
    const l = `<TextLine id="l1"><Coords><Point x="5" y="6"/><Point x="55" y="6"/><Point x="55" y="26"/></Coords>
<TextEquiv><Unicode>old</Unicode></TextEquiv></TextLine>`;
    expect(ingestPageXml(page(`<TextRegion id="r">${l}</TextRegion>`)).lines[0]!.box).toEqual({
      x: 5,
      y: 6,
      w: 50,
      h: 20,
    });
  });

  it("keeps image and separator regions", () => {
    const result = ingestPageXml(
      page(`<ImageRegion id="i"><Coords points="0,0 500,0 500,300 0,300"/></ImageRegion>
<SeparatorRegion id="s"><Coords points="0,400 2000,400 2000,405 0,405"/></SeparatorRegion><TextRegion id="r">${line("l1", 500, "x")}</TextRegion>`),
    );
    expect(result.graphics.map((g) => g.kind)).toEqual(["image", "separator"]);
  });

  it("reports broken XML with its line and column", () => {
    const error = thrownBy(() => ingestPageXml(`<PcGts>\n<Page>\n<TextRegion id="r"></Page></PcGts>`));
    expect(isInputError(error) && error.code).toBe("malformed");
    expect((error as Error).message).toMatch(/broken PAGE XML: .*line:col 3:\d+/);
  });

  it.each([
    ["a mismatched end tag", page(`<TextRegion id="r">${line("l1", 100, "a")}</TextLine></TextRegion>`)],
    [
      "an unclosed root",
      page(`<TextRegion id="r">${line("l1", 100, "a")}</TextRegion>`).replace("</PcGts>", ""),
    ],
    ["a stray end tag", `${page(`<TextRegion id="r">${line("l1", 100, "a")}</TextRegion>`)}</x>`],
    ["a truncated file", page(`<TextRegion id="r">${line("l1", 100, "a")}</TextRegion>`).slice(0, 300)],
  ])("refuses %s as broken PAGE XML with line and column", (_what, xml) => {
    const error = thrownBy(() => ingestPageXml(xml));
    expect(isInputError(error) && error.code).toBe("malformed");
    expect((error as Error).message).toMatch(/^broken PAGE XML: .* \(line:col \d+:\d+\)$/);
  });

  it("refuses another root and a page without text", () => {
    expect(() => ingestPageXml(`<alto/>`)).toThrow(/root element is <alto>/);
    expect(() => ingestPageXml(page(`<TextRegion id="r"/>`))).toThrow(/no text lines/);
  });
});

describe("ingestPageXml points that are not usable", () => {
  it.each([
    ["NaN", "NaN,100"],
    ["an empty value", ",100"],
    ["1e308", "1e308,100"],
    ["a token without a comma", "900"],
  ])("leaves a point with %s out of its polygon, and warns", (_what, bad) => {
    const l = `<TextLine id="l1"><Coords points="100,100 ${bad} 900,140 100,140"/><TextEquiv><Unicode>x</Unicode></TextEquiv></TextLine>`;
    const result = ingestPageXml(page(`<TextRegion id="r">${l}</TextRegion>`));
    expect(result.lines[0]!.box).toEqual({ x: 100, y: 100, w: 800, h: 40 });
    expect(result.warnings).toEqual([
      `a point that is not a usable coordinate: left out of its polygon (1×, first <Coords points="100,100 ${bad} 900,140 100,140"> at line:col 3:${80 + bad.length})`,
    ]);
  });

  it("leaves out a 2010 Point that is not a number", () => {
    const l = `<TextLine id="l1"><Coords><Point x="5" y="6"/><Point x="NaN" y="6"/><Point x="55" y="26"/></Coords>
<TextEquiv><Unicode>old</Unicode></TextEquiv></TextLine>`;
    const result = ingestPageXml(page(`<TextRegion id="r">${l}</TextRegion>`));
    expect(result.lines[0]!.box).toEqual({ x: 5, y: 6, w: 50, h: 20 });
    expect(result.warnings).toHaveLength(1);
  });

  it("takes no page size beyond a million pixels", () => {
    const doc = page(`<TextRegion id="r">${line("l1", 0, "x")}</TextRegion>`).replace(
      'imageWidth="3000"',
      'imageWidth="1e308"',
    );
    const result = ingestPageXml(doc);
    expect(result.width).toBeUndefined();
    expect(result.warnings![0]).toMatch(/^a page size that is not a usable coordinate: not taken/);
  });
});
