import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { ingestHocr, ingestHocrAsHtml } from "./hocr.ts";
import { HocrTitle, parseHocrTitle } from "./hocr-title.ts";
import { XmlScanner } from "./xml-scanner.ts";

/** Each tag's title values, read with `HocrTitle.readFrom` as the scanner's value reader. */
function titles(xml: string, html = true): string[] {
  const out: string[] = [];
  const title = new HocrTitle();
  new XmlScanner(
    xml,
    "test",
    {
      open(_name, a) {
        for (let i = 0; i < a.size; i++) if (a.nameAt(i) === "title") out.push(a.valueOf(i));
      },
      close() {},
      value: { name: "title", read: (text, start) => title.readFrom(text, start) },
    },
    html,
  ).run();
  return out;
}

/** The malformed-input message reading `xml` throws; fails when it reads. */
function brokenBy(xml: string, html = true): string {
  try {
    titles(xml, html);
  } catch (error) {
    if (isInputError(error) && error.code === "malformed") return error.message;
    throw error;
  }
  throw new Error(`read without error: ${xml}`);
}

/** Two tags with one layout: the second one's title goes through the value reader. */
const twice = (value: string) => `<p><b id='1' title='bbox 1 2 3 4'/><b id='2' title='${value}'/></p>`;

describe("XmlScanner value reader", () => {
  it("checks the value on from where the reader stopped", () => {
    expect(brokenBy(twice("bbox 1 2 3 4<"))).toContain("< in an attribute value");
    expect(brokenBy(twice("bbox 1 2 3 4\u0001"))).toContain("U+0001");
    expect(brokenBy(twice("bbox 1 2 3 4; x_wconf 9\t"))).toContain("a line end or tab");
    expect(brokenBy(twice("bbox 1 2 3 4; x_wconf 9&bogus;"))).toContain("&bogus;");
  });

  it("gives the values as they are, read by the reader or not", () => {
    const values = [
      "bbox 1 2 3 4",
      "bbox 1 2 3 4; x_wconf 96",
      "bbox 1 2 3 4; x_size 27.5; x_descenders 3",
      "bbox 1 2 3 4;",
      "bbox 1 2 3 4; x_wconf 9&#x30;",
      'bbox 1 2 3 4"',
      "bbox 1 2 3",
      "",
    ];
    for (const v of values) {
      const shown = v.replace("&#x30;", "0");
      expect(titles(twice(v), false)).toEqual(["bbox 1 2 3 4", shown]);
    }
  });
});

describe("HocrTitle.readFrom", () => {
  it("reads a title it steps through whole as readAt does, and steps over no quote", () => {
    const values = [
      "bbox 560 67 619 87; x_wconf 96",
      "bbox 91 67 128 87; x_size 27.333334",
      "bbox 91 67 128 87",
      "bbox 1 2 3 4; x_size 1.2.3",
      "bbox 1 2 3 4; x_wconf 96; x_wconf 3",
      "bbox 1 2 3 4; baseline 0 -3",
      "bbox 1 2 3 4;",
      "bbox 1 2 3 4 5",
      "bbox 1  2 3 4",
      "bbox 1234567890123456 2 3 4",
      "bbox 1 2 3 4; x_wconf ",
      "bbox 1 2 3 4; x_wconfs 9",
      "bbox 1 2 3 x",
      "bbox",
      "",
    ];
    for (const v of values) {
      const doc = `<b title='${v}'/>`;
      const from = doc.indexOf("'") + 1;
      const to = from + v.length;
      const title = new HocrTitle();
      const stop = title.readFrom(doc, from);
      expect(stop, v).toBeGreaterThanOrEqual(from);
      expect(stop, v).toBeLessThanOrEqual(to);
      const whole = title.isRead(from, to);
      // Whole: Tesseract's form, each of the box's numbers at most 15 digits.
      expect(whole, v).toBe(/^bbox \d{1,15} \d{1,15} \d{1,15} \d{1,15}(; x_(wconf|size) [\d.]+)?$/.test(v));
      if (!whole) continue;
      const props = parseHocrTitle(v);
      for (const k of ["bbox", "x_wconf", "x_size", "baseline"] as const) {
        expect(title.has(k), `${k} in ${v}`).toBe(props.has(k));
        expect(title.number(k), `${k} in ${v}`).toEqual(new HocrTitle().read(v).number(k));
      }
      expect(title.box()).toEqual(new HocrTitle().read(v).box());
    }
  });

  it("leaves hOCR reading equal to the HTML parser's", () => {
    const span = (title: string, text: string) =>
      `<span class='ocrx_word' id='w' title='${title}'>${text}</span>`;
    const doc = `<html><body><div class='ocr_page' title='bbox 0 0 100 100'><span class='ocr_line' id='l' title='bbox 0 0 90 10; x_size 9.5'>${[
      span("bbox 1 2 3 4; x_wconf 96", "a"),
      span("bbox 1 2 3 4; x_wconf 9.5.1", "b"),
      span("bbox 1 2 3 4; x_wconf 7; x_wconf 8", "c"),
      span("bbox 1 2 3 4;x_wconf 7", "d"),
      span("bbox 1 2 3 4; x_wconf 7&#x30;", "e"),
      span("bbox 5 6 7 8", "f"),
    ].join(" ")}</span></div></body></html>`;
    expect(ingestHocr(doc)).toEqual(ingestHocrAsHtml(doc));
    expect(ingestHocr(doc).lines[0]!.words!.map((w) => w.conf)).toEqual([
      0.96,
      undefined,
      0.08,
      0.07,
      0.7,
      undefined,
    ]);
  });
});
