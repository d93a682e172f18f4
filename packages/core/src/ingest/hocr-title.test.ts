import { describe, expect, it } from "vitest";
import { HocrTitle, parseHocrTitle } from "./hocr-title.ts";

const keys = ["bbox", "x_wconf", "x_size", "baseline"] as const;

/** What `parseHocrTitle`, the plain reading, gives for `title`: the reference `HocrTitle` must equal. */
function expected(title: string) {
  const props = parseHocrTitle(title);
  return { has: keys.map((k) => props.has(k)), number: keys.map((k) => Number(props.get(k)?.[0])) };
}

function read(title: HocrTitle) {
  return { has: keys.map((k) => title.has(k)), number: keys.map((k) => title.number(k)) };
}

describe("HocrTitle", () => {
  it("reads each property's first value as the plain reading does, the later of two winning", () => {
    const titles = [
      "bbox 560 67 619 87; x_wconf 96",
      "bbox 91 67 128 87; x_size 27.333334; x_descenders 6",
      'image "a b.png"; bbox 1 2 3 4; x_wconf 93',
      "bbox 1 2 3 4;bbox 5 6 7 8",
      "  bbox\t1  2 3 4 ;  x_size 28.5 ; baseline 0.01 -5;",
      "bboxy 1 2 3 4; x_wconf; ;; bbox\u00a01 2 3 4",
      "x_wconf93; bbox",
      "bbox 1 2 3 4 5; x_size 1e1; baseline -0.5 3; x_wconf  07",
      "bbox 1 2 3 4; x_wconf 9.5.1",
      "bbox 1 2 3 4; x_wconf 1234567890123456789",
      "bbox 1 2 3 4; x_wconfx 7",
      "",
    ];
    for (const title of titles) expect(read(new HocrTitle().read(title)), title).toEqual(expected(title));
  });

  it("reads a box from bbox's corners", () => {
    expect(new HocrTitle().read("bbox 10 20 30 60; x_wconf 9").box()).toEqual({ x: 10, y: 20, w: 20, h: 40 });
    expect(new HocrTitle().read("x_wconf 9").box()).toBeUndefined();
  });

  it.each([
    ["three values", "bbox 10 20 30"],
    ["a value that is not a number", "bbox 10 20 x 60"],
    ["1e308", "bbox 1e308 0 1e308 30"],
    ["a value past -2^31", "bbox -2147483649 0 50 30"],
    ["Infinity", "bbox 0 0 50 1e400"],
  ])("takes no box with %s, and says the box is broken", (_what, title) => {
    const read = new HocrTitle().read(title);
    expect(read.box()).toBeUndefined();
    expect(read.isBoxBroken()).toBe(true);
  });

  it("forgets the title read before", () => {
    const title = new HocrTitle();
    title.read("bbox 1 2 3 4; x_wconf 96");
    expect(read(title.read("bbox 1 2 3 4; x_size 20"))).toEqual(expected("bbox 1 2 3 4; x_size 20"));
    expect(title.read("x_size 20").isBoxBroken()).toBe(false);
  });
});
