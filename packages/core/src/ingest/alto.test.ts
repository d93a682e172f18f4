import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { ingestAlto, unitScale } from "./alto.ts";

/** Builds an ALTO document of the given version with `layout` inside PrintSpace. */
function alto(layout: string, opts: { ns?: string; unit?: string; styles?: string } = {}): string {
  const ns = opts.ns === undefined ? ' xmlns="http://www.loc.gov/standards/alto/ns-v4#"' : opts.ns;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alto${ns}><Description><MeasurementUnit>${opts.unit ?? "pixel"}</MeasurementUnit></Description>
<Styles>${opts.styles ?? ""}</Styles>
<Layout><Page ID="p1" WIDTH="2000" HEIGHT="3000" PHYSICAL_IMG_NR="1"><PrintSpace HPOS="0" VPOS="0" WIDTH="2000" HEIGHT="3000">
${layout}</PrintSpace></Page></Layout></alto>`;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

const block = `<TextBlock ID="TB1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="100" STYLEREFS="TS1">
<TextLine ID="TL1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="40">
<String ID="S1" HPOS="100" VPOS="100" WIDTH="200" HEIGHT="40" CONTENT="The" WC="0.9"/><SP WIDTH="20" HPOS="300" VPOS="100"/>
<String ID="S2" HPOS="320" VPOS="100" WIDTH="300" HEIGHT="40" CONTENT="recon" WC="0.75" SUBS_TYPE="HypPart1" SUBS_CONTENT="reconstruction"/><HYP CONTENT="-"/>
</TextLine>
<TextLine ID="TL2" HPOS="100" VPOS="150" WIDTH="800" HEIGHT="40">
<String ID="S3" HPOS="100" VPOS="150" WIDTH="300" HEIGHT="40" CONTENT="struction" SUBS_TYPE="HypPart2" SUBS_CONTENT="reconstruction"/><SP/>
<String ID="S4" HPOS="420" VPOS="150" WIDTH="100" HEIGHT="40" CONTENT="&amp;c."/>
</TextLine></TextBlock>`;

describe("ingestAlto", () => {
  it("reads lines, words, confidences and the page size", () => {
    const page = ingestAlto(alto(block, { styles: `<TextStyle ID="TS1" FONTSIZE="9.6"/>` }));
    expect(page.width).toBe(2000);
    expect(page.height).toBe(3000);
    expect(page.lines.map((l) => [l.id, l.text, l.region])).toEqual([
      ["TL1", "The recon-", "TB1"],
      ["TL2", "struction &c.", "TB1"],
    ]);
    expect(page.lines[0]!.words![1]).toEqual({
      text: "recon",
      box: { x: 320, y: 100, w: 300, h: 40 },
      conf: 0.75,
    });
    expect(page.lines[0]!.box).toEqual({ x: 100, y: 100, w: 800, h: 40 });
  });

  it("marks a line ending in HYP or HypPart1 as hyphenated", () => {
    const page = ingestAlto(alto(block));
    expect(page.lines.map((l) => l.hyphenated ?? false)).toEqual([true, false]);
  });

  it("takes the font size from the block's TextStyle, in pixels at the dpi", () => {
    const page = ingestAlto(alto(block, { styles: `<TextStyle ID="TS1" FONTSIZE="9.6"/>` }), 300);
    expect(page.lines[0]!.fontSize).toBeCloseTo(40);
  });

  it("converts mm10 and inch1200 units to pixels", () => {
    const mm = ingestAlto(alto(block, { unit: "mm10" }), 127);
    expect(mm.lines[0]!.box).toEqual({ x: 50, y: 50, w: 400, h: 20 });
    expect(mm.width).toBe(1000);
    expect(unitScale("inch1200", 300)).toBe(0.25);
    expect(unitScale("pixel", 300)).toBe(1);
  });

  it("reads ALTO without a namespace (1.x) and with a prefix", () => {
    expect(ingestAlto(alto(block, { ns: "" })).lines).toHaveLength(2);
    const prefixed = alto(block)
      .replace(/<(\/?)(\w+)/g, "<$1a:$2")
      .replace('xmlns="', 'xmlns:a="');
    expect(ingestAlto(prefixed).lines.map((l) => l.id)).toEqual(["TL1", "TL2"]);
  });

  it("keeps illustrations as images and thin graphical elements as separators", () => {
    const page = ingestAlto(
      alto(`<Illustration ID="I1" HPOS="0" VPOS="500" WIDTH="600" HEIGHT="400"/>
<GraphicalElement ID="G1" HPOS="0" VPOS="450" WIDTH="2000" HEIGHT="5"/>${block}`),
    );
    expect(page.graphics.map((g) => [g.id, g.kind])).toEqual([
      ["I1", "image"],
      ["G1", "separator"],
    ]);
  });

  it("joins CJK strings without spaces even across SP", () => {
    const page = ingestAlto(
      alto(`<TextBlock ID="B"><TextLine ID="L" HPOS="0" VPOS="0" WIDTH="90" HEIGHT="30">
<String CONTENT="新华" HPOS="0" VPOS="0" WIDTH="60" HEIGHT="30"/><SP/><String CONTENT="社" HPOS="60" VPOS="0" WIDTH="30" HEIGHT="30"/><SP/><String CONTENT="10" HPOS="90" VPOS="0" WIDTH="30" HEIGHT="30"/>
</TextLine></TextBlock>`),
    );
    expect(page.lines[0]!.text).toBe("新华社10");
  });

  it("reports broken XML with its line and column", () => {
    const error = thrownBy(() => ingestAlto(`<alto>\n<Layout><Page></Layout></alto>`));
    expect(isInputError(error) && error.code).toBe("malformed");
    expect((error as Error).message).toMatch(/broken ALTO: .* \(line:col 2:\d+\)/);
  });

  it.each([
    ["a mismatched end tag", alto(block).replace("</TextLine>", "</TextBlock>")],
    ["an unclosed root", alto(block).replace("</alto>", "")],
    ["a stray end tag", `${alto(block)}</x>`],
    ["a truncated file", alto(block).slice(0, 700)],
    ["an undefined entity", alto(block).replace('CONTENT="The"', 'CONTENT="&nbsp;"')],
  ])("refuses %s as broken ALTO with line and column", (_what, xml) => {
    const error = thrownBy(() => ingestAlto(xml));
    expect(isInputError(error) && error.code).toBe("malformed");
    expect((error as Error).message).toMatch(/^broken ALTO: .* \(line:col \d+:\d+\)$/);
  });

  it("refuses another XML root and an ALTO without text", () => {
    expect(() => ingestAlto(`<PcGts/>`)).toThrow(/root element is <PcGts>/);
    expect(() => ingestAlto(alto(""))).toThrow(/no text lines/);
  });

  it("refuses an element with 400,000 attributes at once, as broken ALTO", () => {
    const many = Array.from({ length: 400_000 }, (_, i) => `a${i}="1"`).join(" ");
    const error = thrownBy(() =>
      ingestAlto(alto(block.replace('<String ID="S1"', `<String ${many} ID="S1"`))),
    );
    expect(isInputError(error) && error.code).toBe("malformed");
    expect((error as Error).message).toMatch(/more than 256 attributes on one element \(line:col \d+:\d+\)$/);
  });
});

describe("ingestAlto coordinates that are not usable", () => {
  const line = (coords: string, words: string) =>
    alto(`<TextBlock ID="B"><TextLine ID="L" ${coords}>${words}</TextLine></TextBlock>`);
  const boxed = 'HPOS="100" VPOS="100" WIDTH="800" HEIGHT="40"';
  const string = (content: string, x: string) =>
    `<String CONTENT="${content}" HPOS="${x}" VPOS="100" WIDTH="100" HEIGHT="40"/><SP/>`;

  it("gives words with NaN coordinates their line's box, and says so once on the page", () => {
    const page = ingestAlto(line(boxed, string("a", "NaN") + string("b", "NaN") + string("c", "300")));
    expect(page.lines[0]!.words!.map((w) => w.box)).toEqual([
      { x: 100, y: 100, w: 800, h: 40 },
      { x: 100, y: 100, w: 800, h: 40 },
      { x: 300, y: 100, w: 100, h: 40 },
    ]);
    expect(page.warnings).toEqual([
      `a word box that is not a usable coordinate: the word takes its line's box (2×, first <String HPOS="NaN" VPOS="100" WIDTH="100" HEIGHT="40"> at line:col 5:148)`,
    ]);
  });

  it("reads an empty coordinate as none, not as 0", () => {
    const page = ingestAlto(line(boxed, string("a", "") + string("b", "300")));
    expect(page.lines[0]!.words![0]!.box).toEqual({ x: 100, y: 100, w: 800, h: 40 });
    expect(page.warnings).toHaveLength(1);
  });

  it("takes no coordinate beyond a million pixels", () => {
    for (const x of ["1e308", "-2147483649", "1e400"]) {
      const page = ingestAlto(line(boxed, string("a", x) + string("b", "300")));
      expect(page.lines[0]!.words![0]!.box, x).toEqual({ x: 100, y: 100, w: 800, h: 40 });
      expect(page.warnings, x).toHaveLength(1);
    }
  });

  it("gives a line with a broken box none, its words a zero box, and warns of both", () => {
    const page = ingestAlto(line('HPOS="NaN" VPOS="0" WIDTH="1" HEIGHT="1"', string("a", "NaN")));
    expect(page.lines[0]!.box).toBeUndefined();
    expect(page.lines[0]!.words![0]!.box).toEqual({ x: 0, y: 0, w: 0, h: 0 });
    expect(page.warnings!.map((w) => w.slice(0, w.lastIndexOf(" (")))).toEqual([
      "a line box that is not a usable coordinate: the line goes without a box (read after the boxed lines)",
      "a word box that is not a usable coordinate, in a line without a box: the word gets a zero box",
    ]);
  });

  it("leaves out a picture whose box is not usable, and a page size or font size that is not", () => {
    const page = ingestAlto(
      alto(`<Illustration ID="I1" HPOS="0" VPOS="1e308" WIDTH="600" HEIGHT="400"/>${block}`, {
        styles: `<TextStyle ID="TS1" FONTSIZE="NaN"/>`,
      }).replace('WIDTH="2000" HEIGHT="3000" PHYSICAL_IMG_NR', 'WIDTH="2e9" HEIGHT="3000" PHYSICAL_IMG_NR'),
    );
    expect(page.graphics).toEqual([]);
    expect(page.width).toBeUndefined();
    expect(page.lines[0]!.fontSize).toBeUndefined();
    expect(page.warnings).toHaveLength(3);
  });

  it("has no warnings when every coordinate is usable", () => {
    expect(ingestAlto(alto(block)).warnings).toBeUndefined();
  });
});
