import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { ingestHocr, isXhtml } from "./hocr.ts";
import { parseHocrTitle } from "./hocr-title.ts";
import { joinWords } from "./words.ts";

/** Builds a one-page hOCR document from line specs: [id, class, bbox, words as [text, bbox, conf]]. */
function hocr(body: string, page = "bbox 0 0 1000 800"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body>
<div class='ocr_page' id='page_1' title='image "x.png"; ${page}; ppageno 0'>${body}</div></body></html>`;
}

function word(id: string, text: string, bbox: string, conf = 90): string {
  return `<span class='ocrx_word' id='${id}' title='bbox ${bbox}; x_wconf ${conf}'>${text}</span>`;
}

describe("ingestHocr", () => {
  it("reads lines with boxes, font size, slope, words and confidences", () => {
    const page = ingestHocr(
      hocr(`<div class='ocr_carea' id='block_1' title='bbox 10 10 400 60'><p class='ocr_par' id='par_1' lang='eng'>
<span class='ocr_line' id='line_1' title='bbox 10 10 400 40; baseline 0.01 -5; x_size 28; x_descenders 6'>
${word("w1", "Hello", "10 10 100 40", 95)} ${word("w2", "<strong>world</strong>", "120 10 200 40", 50)}</span></p></div>`),
    );
    expect(page.width).toBe(1000);
    expect(page.height).toBe(800);
    expect(page.language).toBe("eng");
    const line = page.lines[0]!;
    expect(line).toMatchObject({
      id: "line_1",
      text: "Hello world",
      box: { x: 10, y: 10, w: 390, h: 30 },
      fontSize: 28,
      slope: 0.01,
      region: "block_1",
      paragraph: "par_1",
    });
    expect(line.words).toEqual([
      { text: "Hello", box: { x: 10, y: 10, w: 90, h: 30 }, conf: 0.95 },
      { text: "world", box: { x: 120, y: 10, w: 80, h: 30 }, conf: 0.5 },
    ]);
  });

  it("keeps caption, header and textfloat lines with their class as regionType", () => {
    const lines = ["ocr_caption", "ocr_header", "ocr_textfloat"].map(
      (c, i) =>
        `<span class='${c}' id='l${i}' title='bbox 0 ${i * 40} 100 ${i * 40 + 30}'>${word(`w${i}`, `t${i}`, `0 ${i * 40} 50 ${i * 40 + 30}`)}</span>`,
    );
    const page = ingestHocr(hocr(lines.join("\n")));
    expect(page.lines.map((l) => [l.id, l.regionType])).toEqual([
      ["l0", "ocr_caption"],
      ["l1", "ocr_header"],
      ["l2", "ocr_textfloat"],
    ]);
  });

  it("decodes entities and joins CJK words without spaces", () => {
    const page = ingestHocr(
      hocr(
        `<span class='ocr_line' id='l1' title='bbox 0 0 300 30'>${word("a", "新", "0 0 30 30")}${word("b", "华社", "30 0 90 30")}${word("c", "10", "90 0 120 30")}${word("d", "A&amp;B", "130 0 200 30")}</span>`,
      ),
    );
    expect(page.lines[0]!.text).toBe("新华社10 A&B");
  });

  it("takes the text of a line without word elements", () => {
    const page = ingestHocr(
      hocr(`<span class='ocr_line' id='l1' title='bbox 0 0 300 30'>  plain   text </span>`),
    );
    expect(page.lines[0]!.text).toBe("plain text");
    expect(page.lines[0]!.words).toBeUndefined();
  });

  it("collects photos and separators as graphics", () => {
    const page = ingestHocr(
      hocr(`<div class='ocr_photo' id='p1' title='bbox 0 100 500 400'></div><div class='ocr_separator' id='s1' title='bbox 0 90 900 95'></div>
<span class='ocr_line' id='l1' title='bbox 0 0 300 30'>${word("a", "x", "0 0 30 30")}</span>`),
    );
    expect(page.graphics).toEqual([
      { kind: "image", id: "p1", box: { x: 0, y: 100, w: 500, h: 300 } },
      { kind: "separator", id: "s1", box: { x: 0, y: 90, w: 900, h: 5 } },
    ]);
  });

  it("skips empty lines and words but loses no text", () => {
    const page = ingestHocr(
      hocr(`<span class='ocr_line' id='l1' title='bbox 0 0 300 30'>${word("a", " ", "0 0 30 30")}</span>
<span class='ocr_line' id='l2' title='bbox 0 40 300 70'>${word("b", "kept", "0 40 30 70")}${word("c", "", "40 40 60 70")}</span>`),
    );
    expect(page.lines.map((l) => [l.id, l.text])).toEqual([["l2", "kept"]]);
  });

  it("refuses a document with no hOCR lines", () => {
    expect(() => ingestHocr("<html><body><p>hello</p></body></html>")).toThrow(/no text lines/);
    const error = thrownBy(() => ingestHocr("<html></html>"));
    expect(isInputError(error) && error.code).toBe("malformed");
  });

  it("refuses several pages in one file", () => {
    const one = `<div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line' id='l' title='bbox 0 0 5 5'>a</span></div>`;
    expect(() => ingestHocr(`<html><body>${one}${one}</body></html>`)).toThrow(/2 pages/);
  });
});

describe("ingestHocr reading XHTML as XML and HTML as HTML", () => {
  const line = (id: string, y: number, w = "word") =>
    `<span class='ocr_line' id='${id}' title='bbox 0 ${y} 300 ${y + 30}; x_size 28'>${word(`${id}w`, w, `0 ${y} 90 ${y + 30}`)}</span>`;
  const body = `<div class='ocr_carea' id='b1'><p class='ocr_par' id='p1' lang='eng'>${line("l1", 0)}${line("l2", 40, "A&amp;B")}</p></div>`;

  it("reads a document with an XML declaration as XML, and the same without as HTML, alike", () => {
    const xhtml = hocr(body);
    expect(isXhtml(xhtml)).toBe(true);
    const html = xhtml.slice(xhtml.indexOf("\n") + 1);
    expect(isXhtml(html)).toBe(false);
    expect(ingestHocr(xhtml)).toEqual(ingestHocr(html));
    expect(ingestHocr(xhtml).lines.map((l) => l.text)).toEqual(["word", "A&B"]);
  });

  it("refuses broken XHTML with its line and column instead of guessing at it", () => {
    const cut = hocr(body).slice(0, -40);
    const error = thrownBy(() => ingestHocr(cut));
    expect(isInputError(error) && error.code).toBe("malformed");
    expect((error as Error).message).toMatch(/^broken hOCR: unclosed tag: \w+ \(line:col 3:\d+\)$/);
    expect(() => ingestHocr(hocr(`${body}<br>`))).toThrow(/^broken hOCR: .*\(line:col \d+:\d+\)$/);
  });

  it("reads HTML hOCR that is not XML with the HTML parser", () => {
    const doc = `<html><body><div class=ocr_page title="bbox 0 0 9 9"><p class=ocr_par id=p1>${line("l1", 0, "a&nbsp;b")}<br></div>`;
    expect(ingestHocr(doc).lines.map((l) => [l.id, l.text, l.paragraph])).toEqual([["l1", "a b", "p1"]]);
  });

  it("ends a paragraph at a block the HTML way in HTML, and nests it in XHTML", () => {
    const inner = `<p class='ocr_par' id='p1'><div class='ocr_carea' id='b1'>${line("l1", 0)}</div></p>`;
    const xhtml = hocr(inner);
    expect(ingestHocr(xhtml).lines[0]!.paragraph).toBe("p1");
    expect(ingestHocr(xhtml.slice(xhtml.indexOf("\n") + 1)).lines[0]!.paragraph).toBeUndefined();
  });
});

describe("ingestHocr boxes that are not usable", () => {
  const doc = (lineBox: string, firstWord: string, html = false) => {
    const xhtml = hocr(
      `<span class='ocr_line' id='l1' title='bbox ${lineBox}; x_size 28'>${word("w1", "x", firstWord)} ${word("w2", "y", "10 0 50 30")}</span>`,
    );
    return html ? xhtml.slice(xhtml.indexOf("\n") + 1) : xhtml;
  };
  const page = (lineBox: string, firstWord: string, html = false) =>
    ingestHocr(doc(lineBox, firstWord, html));
  /** "line:col L:C" of the end of the first word's start tag in `text`. */
  const firstWordEnd = (text: string) => {
    const end = text.indexOf(">", text.indexOf("id='w1'"));
    const lines = text.slice(0, end).split("\n");
    return `line:col ${lines.length}:${lines.at(-1)!.length + 1}`;
  };

  it.each([
    ["1e308", "1e308 0 1e308 30"],
    ["-2147483649", "-2147483649 0 50 30"],
    ["NaN", "NaN 0 50 30"],
    ["three values", "0 0 50"],
  ])("gives a word whose box has %s its line's box, and warns", (_what, bbox) => {
    for (const html of [false, true]) {
      const read = page("0 0 500 30", bbox, html);
      expect(read.lines[0]!.words!.map((w) => w.box)).toEqual([
        { x: 0, y: 0, w: 500, h: 30 },
        { x: 10, y: 0, w: 40, h: 30 },
      ]);
      expect(read.warnings).toEqual([
        `a word box that is not a usable coordinate: the word takes its line's box (1×, first <ocrx_word title="bbox ${bbox}; x_wconf 90"> at ${firstWordEnd(doc("0 0 500 30", bbox, html))})`,
      ]);
    }
  });

  it("gives a line with a broken box none, and warns", () => {
    const read = page("0 0 1e308 30", "0 0 5 30");
    expect(read.lines[0]!.box).toBeUndefined();
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings![0]).toMatch(/^a line box that is not a usable coordinate/);
  });

  it("takes no font size beyond a million pixels", () => {
    const read = ingestHocr(
      hocr(
        `<span class='ocr_line' id='l1' title='bbox 0 0 9 9; x_size 1e308'>${word("w", "x", "0 0 5 5")}</span>`,
      ),
    );
    expect(read.lines[0]!.fontSize).toBeUndefined();
    expect(read.warnings![0]).toMatch(/^a font size \(x_size\) that is not a usable size: not taken \(1×/);
  });

  it("leaves out a picture whose box is not usable", () => {
    const read = ingestHocr(
      hocr(`<div class='ocr_photo' id='p1' title='bbox 0 0 NaN 10'></div>${word("w", "x", "0 0 5 5")}
<span class='ocr_line' id='l1' title='bbox 0 0 9 9'>${word("w", "x", "0 0 5 5")}</span>`),
    );
    expect(read.graphics).toEqual([]);
    expect(read.warnings![0]).toMatch(/^a picture or rule box that is not a usable coordinate: left out/);
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe("parseHocrTitle", () => {
  it("splits properties at semicolons", () => {
    const props = parseHocrTitle('image "a b.png"; bbox 1 2 3 4; x_wconf 93');
    expect(props.get("bbox")).toEqual(["1", "2", "3", "4"]);
    expect(props.get("x_wconf")).toEqual(["93"]);
  });
});

describe("joinWords", () => {
  it("puts a space between Latin words only", () => {
    expect(joinWords(["By", "JOHN", "SMITH"])).toBe("By JOHN SMITH");
    expect(joinWords(["记者", "王建国"])).toBe("记者王建国");
    expect(joinWords(["于", "2025", "年"])).toBe("于2025年");
  });
});
