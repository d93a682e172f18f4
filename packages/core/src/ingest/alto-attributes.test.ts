import { describe, expect, it } from "vitest";
import { ingestAlto } from "./alto.ts";

/** An ALTO v3 page holding `layout`, with three text styles: `s8` (8 pt), `s12`, `s16`. */
function alto(layout: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
<Description><MeasurementUnit>pixel</MeasurementUnit></Description>
<Styles><TextStyle ID="s8" FONTSIZE="8"/><TextStyle ID="s12" FONTSIZE="12"/><TextStyle ID="s16" FONTSIZE="16"/></Styles>
<Layout><Page WIDTH="1000" HEIGHT="1000"><PrintSpace>${layout}</PrintSpace></Page></Layout></alto>`;
}

const word = (text: string, more = "") =>
  `<String HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4" CONTENT="${text}"${more}/>`;

describe("ingestAlto attributes found once per layout", () => {
  it("splits STYLEREFS and STYLE at any white space, the line's before its block's", () => {
    const page = ingestAlto(
      alto(`<TextBlock ID="b1" STYLEREFS=" nope&#xA0;s12 " LANG="de">
<TextLine ID="l1" STYLEREFS="x&#x2003;s8">${word("a")}</TextLine>
<TextLine ID="l2" STYLE="y" STYLEREFS="z">${word("b")}</TextLine>
<TextLine ID="l3">${word("c", ' STYLEREFS="s16"')}</TextLine></TextBlock>
<TextBlock TYPE="list" STYLE="none"><TextLine ID="l4">${word("d", ' STYLE="q&#9;s16"')}</TextLine></TextBlock>`),
    );
    expect(page.language).toBe("de");
    expect(page.lines.map((l) => [l.id, l.fontSize, l.region, l.regionType])).toEqual([
      ["l1", (8 * 300) / 72, "b1", undefined],
      ["l2", (12 * 300) / 72, "b1", undefined],
      ["l3", (12 * 300) / 72, "b1", undefined],
      ["l4", (16 * 300) / 72, undefined, "list"],
    ]);
  });

  it("reads lines whose attributes change order or go missing from tag to tag", () => {
    const page = ingestAlto(
      alto(`<TextBlock ID="b1">
<TextLine ID="l1" HPOS="10" VPOS="20" WIDTH="30" HEIGHT="40">${word("a")}</TextLine>
<TextLine HEIGHT="4" WIDTH="3" VPOS="2" HPOS="1" ID="l2">${word("b")}</TextLine>
<TextLine ID="l3" HPOS="10" VPOS="20" WIDTH="30">${word("c")}</TextLine>
<TextLine HPOS="5" VPOS="6" WIDTH="-7" HEIGHT="8.5">${word("d")}</TextLine>
<TextLine ID="" HPOS="1e1" VPOS="&#x33;" WIDTH="+3" HEIGHT="x">${word("e")}</TextLine></TextBlock>`),
    );
    expect(page.lines.map((l) => [l.id, l.box])).toEqual([
      ["l1", { x: 10, y: 20, w: 30, h: 40 }],
      ["l2", { x: 1, y: 2, w: 3, h: 4 }],
      ["l3", undefined],
      ["alto-line-1", { x: 5, y: 6, w: 0, h: 8.5 }],
      ["alto-line-2", undefined],
    ]);
  });
});
