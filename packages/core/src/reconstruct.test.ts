import { describe, expect, it } from "vitest";
import { reconstruct } from "./reconstruct.ts";

/** A one-line hOCR page whose first word's box is `bbox`. */
function hocr(bbox: string): string {
  const word = (id: string, text: string, box: string) =>
    `<span class='ocrx_word' id='${id}' title='bbox ${box}; x_wconf 90'>${text}</span>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body>
<div class='ocr_page' id='page_1' title='bbox 0 0 1000 800'><span class='ocr_line' id='l1' title='bbox 0 0 500 30'>${word("w1", "Hello", bbox)} ${word("w2", "world", "60 0 120 30")}</span></div></body></html>`;
}

describe("reconstruct", () => {
  it("lists on the page what ingest did not take as written", () => {
    const page = reconstruct(new TextEncoder().encode(hocr("1e308 0 1e308 30")));
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings![0]).toMatch(
      /^a word box that is not a usable coordinate: the word takes its line's box \(1×, first <ocrx_word title="bbox 1e308 0 1e308 30; x_wconf 90"> at line:col 3:\d+\)$/,
    );
    // The word is kept, with its line's box: nothing is lost.
    expect(JSON.stringify(page)).toContain("Hello world");
  });

  it("gives a page without such problems no warnings at all", () => {
    expect("warnings" in reconstruct(hocr("0 0 50 30"))).toBe(false);
  });
});
