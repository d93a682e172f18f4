import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { ingestAlto } from "./alto.ts";
import { AttributeSlots } from "./attribute-slots.ts";
import { ingestHocr, ingestHocrAsHtml } from "./hocr.ts";
import { OcrClasses, ocrClass } from "./hocr-reader.ts";
import { HocrTitle, hocrBox, hocrNumber } from "./hocr-title.ts";
import type { AttributeList } from "./xml-attributes.ts";
import { XmlScanner } from "./xml-scanner.ts";

/** Each tag of `xml` as "name a=v b=v" (attributes in document order, by qualified name). */
function tags(xml: string, html = false): string[] {
  const out: string[] = [];
  new XmlScanner(
    xml,
    "test",
    {
      open(name, a) {
        const parts = [name];
        for (let i = 0; i < a.size; i++) parts.push(`${a.nameAt(i)}=${a.valueOf(i)}`);
        out.push(parts.join(" "));
      },
      close() {},
    },
    html,
  ).run();
  return out;
}

/** The malformed-input message reading `xml` throws; fails when it reads. */
function brokenBy(xml: string, html = false): string {
  try {
    tags(xml, html);
  } catch (error) {
    if (isInputError(error) && error.code === "malformed") return error.message;
    throw error;
  }
  throw new Error(`read without error: ${xml}`);
}

describe("XmlScanner attribute layouts", () => {
  it("reads a repeated element whose attributes change order, names, count and spacing", () => {
    const xml = `<r><e a="1" b="2"/><e a="3" b="4"/><e b="5" a="6"/><e a="7" bc="8"/><e a="9"/><e a="10" b="11" c="12"/><e a = "13" b="14"/><e x:a="15" b="16"/><e a="17" b="18"/></r>`;
    expect(tags(xml)).toEqual([
      "r",
      "e a=1 b=2",
      "e a=3 b=4",
      "e b=5 a=6",
      "e a=7 bc=8",
      "e a=9",
      "e a=10 b=11 c=12",
      "e a=13 b=14",
      "e x:a=15 b=16",
      "e a=17 b=18",
    ]);
  });

  it("keeps several layouts of one element apart when they alternate", () => {
    const one = `<s class="w" id="1" title="t"/><s class="l" id="2"/>`;
    expect(tags(`<r>${one.repeat(6)}</r>`)).toEqual([
      "r",
      ...Array.from({ length: 6 }, () => ["s class=w id=1 title=t", "s class=l id=2"]).flat(),
    ]);
  });

  it("refuses a duplicate attribute in a later instance of a known layout", () => {
    for (const tail of [`<e a="1" a="2"/>`, `<e a="1" b="2" a="3"/>`, `<e b="1" a="2" b="3"/>`]) {
      const known = brokenBy(`<r><e a="1" b="2"/><e a="1" b="2"/>${tail}</r>`);
      expect(known).toMatch(/attribute [ab] is given twice/);
      expect(known).toBe(brokenBy(`<r><f a="1" b="2"/><f a="1" b="2"/>${tail}</r>`));
    }
  });

  it("gives a malformed name after a known one the error a first reading gives", () => {
    for (const bad of [`a$="2"`, `a`, `a b="1"`, `a=2`, `a="2`, `a="<"`, `a="\u0001"`, `b="1"a="2"`]) {
      const known = brokenBy(`<r><e a="1" b="2"/><e ${bad}/></r>`);
      const fresh = brokenBy(`<r><f a="1" b="2"/><e ${bad}/></r>`);
      expect(known).toBe(fresh);
    }
  });

  it("refuses capitals in an HTML attribute name after a layout in lower case", () => {
    expect(brokenBy(`<r><e a="1"/><e a="1" B="2"/></r>`, true)).toMatch(/an attribute name with capitals/);
  });

  it("gives readers one layout object per attribute sequence", () => {
    const layouts: unknown[] = [];
    new XmlScanner(
      `<r><e a="1" b="2"/><e a="3" b="4"/><e b="5" a="6"/><e a="7" b="8"/></r>`,
      "test",
      { open: (_n, a) => layouts.push(a.layout), close() {} },
      false,
    ).run();
    expect(layouts[1]).toBe(layouts[2]);
    expect(layouts[3]).not.toBe(layouts[2]);
    expect(layouts[4]).toBe(layouts[1]);
  });
});

describe("AttributeSlots", () => {
  it("finds attributes by local name, the last of two winning, as layouts change", () => {
    const slots = new AttributeSlots(["a", "b"]);
    const found: string[] = [];
    new XmlScanner(
      `<r><e a="1" b="2"/><e a="3" b="4"/><e b="5"/><e x:a="6" a="7" b="8"/><e a="9" b="10"/></r>`,
      "test",
      {
        open(name, a: AttributeList) {
          if (name !== "e") return;
          const at = slots.read(a);
          found.push([...at].map((i) => (i < 0 ? "-" : a.valueOf(i))).join(","));
        },
        close() {},
      },
      false,
    ).run();
    expect(found).toEqual(["1,2", "3,4", "-,5", "7,8", "9,10"]);
  });
});

describe("ingestAlto String attributes", () => {
  it("reads a String the same whatever the order of its attributes", () => {
    const doc = (strings: string) =>
      `<alto><Layout><Page WIDTH="100" HEIGHT="100"><PrintSpace><TextBlock><TextLine ID="l">${strings}</TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;
    const a = `<String HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4" WC="0.5" CONTENT="x"/><SP/>`;
    const b = `<String CONTENT="x" WC="0.5" HEIGHT="4" WIDTH="3" VPOS="2" HPOS="1"/><SP/>`;
    const c = `<String HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4" CONTENT="x" SUBS_TYPE="HypPart1"/>`;
    const read = (s: string) => ingestAlto(doc(s)).lines;
    expect(read(a + b + a + c)).toEqual(read(a + a + a + c));
    expect(read(a + b + c)[0]!.words!.map((w) => [w.text, w.box, w.conf])).toEqual([
      ["x", { x: 1, y: 2, w: 3, h: 4 }, 0.5],
      ["x", { x: 1, y: 2, w: 3, h: 4 }, 0.5],
      ["x", { x: 1, y: 2, w: 3, h: 4 }, undefined],
    ]);
    expect(read(a + c)[0]!.hyphenated).toBe(true);
  });
});

describe("HocrTitle", () => {
  it("reads titles its bbox shortcut refuses as the general reading does", () => {
    const titles = [
      "bbox 1 2 3 4",
      "bbox 1 2 3 4; x_wconf 93",
      "bbox 1 2 3 4 ; x_wconf 93",
      "bbox  1 2 3 4; x_wconf 9",
      "bbox -1 2 3 4; x_size 20",
      "bbox 1 2 3; x_wconf 5",
      "bbox 1 2 3 4 5; x_wconf 5",
      "bbox 1.5 2 3 4",
      "bbox 1234567890123456 2 3 4",
      "bbox 1 2 3 4; bbox 5 6 7 8",
      "bbox 1 2 3 4\t; x_wconf 1",
      "bbox\t1 2 3 4",
      "bboxx 1 2 3 4",
      "bbox 1 2 3 4;x_size 7;x_wconf 8",
    ];
    const title = new HocrTitle();
    for (const t of titles) {
      title.read(t);
      expect([t, title.box()]).toEqual([t, hocrBox(t)]);
      expect([t, title.number("x_wconf"), title.number("x_size")]).toEqual([
        t,
        hocrNumber(t, "x_wconf"),
        hocrNumber(t, "x_size"),
      ]);
    }
  });
});

describe("OcrClasses", () => {
  it("recognises each class attribute as ocrClass does when values alternate and repeat", () => {
    const classes = new OcrClasses();
    const values = ["ocrx_word", "ocrx_word", "x ocr_line", "ocr_line", "ocrx_word", "plain", "ocrx_word"];
    for (const v of values) expect(classes.at(` ${v} `, 1, v.length + 1)).toBe(ocrClass(v));
  });

  it("reads XHTML hOCR with varying span attributes as the HTML parser does", () => {
    const word = (id: number, extra: string) =>
      `<span class='ocrx_word' id='w${id}'${extra} title='bbox ${id} 0 ${id + 5} 9; x_wconf 9${id}'>w${id}</span> `;
    const xhtml = `<html><body><div class='ocr_page' title='bbox 0 0 100 100'><span class='ocr_line' id='l1' title='bbox 0 0 100 9; x_size 9'>${word(1, "")}${word(2, " lang='de'")}${word(3, "")}</span></div></body></html>`;
    expect(ingestHocr(xhtml)).toEqual(ingestHocrAsHtml(xhtml));
  });
});
