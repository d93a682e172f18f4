import { describe, expect, it } from "vitest";
import { HocrTitle, hocrBox, parseHocrTitle } from "./hocr-title.ts";

/** What the general reading gives for `title`: the reference the fast paths must equal. */
function expected(title: string) {
  const props = parseHocrTitle(title);
  const keys = ["bbox", "x_wconf", "x_size", "baseline"] as const;
  return {
    has: keys.map((k) => props.has(k)),
    number: keys.map((k) => Number(props.get(k)?.[0])),
    box: hocrBox(title),
  };
}

function read(title: HocrTitle) {
  const keys = ["bbox", "x_wconf", "x_size", "baseline"] as const;
  return { has: keys.map((k) => title.has(k)), number: keys.map((k) => title.number(k)), box: title.box() };
}

describe("HocrTitle", () => {
  it("reads a Tesseract word or line title directly, and any variant as the general reading does", () => {
    const titles = [
      "bbox 560 67 619 87; x_wconf 96",
      "bbox 91 67 128 87; x_size 27.333334",
      "bbox 91 67 128 87; x_size 27.333334; x_descenders 6",
      "bbox 1 2 3 4; x_wconf 96; x_wconf 12",
      "bbox 1 2 3 4; x_wconf 9.5.1",
      "bbox 1 2 3 4; x_wconf .",
      "bbox 1 2 3 4; x_wconf 1e2",
      "bbox 1 2 3 4; x_wconf -3",
      "bbox 1 2 3 4; x_wconf 74 12",
      "bbox 1 2 3 4; x_wconf  74",
      "bbox 1 2 3 4;  x_wconf 74",
      "bbox 1 2 3 4; x_wconf\t74",
      "bbox 1 2 3 4; x_wconf",
      "bbox 1 2 3 4; x_wconf ",
      "bbox 1 2 3 4; x_wconfx 7",
      "bbox 1 2 3 4; x_size 1",
      "bbox 1 2 3 4; x_size ",
      "bbox 1 2 3 4; x_sizes 28",
      "bbox 1 2 3 4; x_wconf 1234567890123456789",
      "bbox 1 2 3 4; x_size 0.1234567890123456",
      "bbox 1 2 3 4; x_size 28;",
      "bbox 1 2 3 4; baseline 0.01 -5; x_size 28",
      "bbox 1 2 3 4;",
    ];
    for (const title of titles) {
      expect(read(new HocrTitle().read(title)), title).toEqual(expected(title));
      // Where it stands in a document, followed by its closing quote and more.
      const doc = `<span title='${title}'>x_wconf 1; x_size 2</span>`;
      const from = doc.indexOf("'") + 1;
      expect(read(new HocrTitle().readAt(doc, from, from + title.length)), title).toEqual(expected(title));
    }
  });

  it("forgets the title read before", () => {
    const title = new HocrTitle();
    title.read("bbox 1 2 3 4; x_wconf 96");
    expect(read(title.read("bbox 1 2 3 4; x_size 20"))).toEqual(expected("bbox 1 2 3 4; x_size 20"));
  });
});
