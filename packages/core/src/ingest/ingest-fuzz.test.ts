import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { seededRandom } from "../test-support/random.ts";
import { ingest } from "./ingest.ts";

/**
 * Seeded random byte edits of small hOCR (XHTML and HTML), ALTO and PAGE documents, handed to
 * `ingest` as bytes: each must give a page of non-empty lines or an `InputError` whose message
 * is one line (with the line and column when the XML is broken) — never another exception.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);

function word(id: string, text: string, conf = 93): string {
  return `<span class='ocrx_word' id='${id}' title='bbox ${id.length} 0 10 10; x_wconf ${conf}'>${text}</span>`;
}

const hocrBody = `<body><div class='ocr_page' id='page_1' title='image "scän.png"; bbox 0 0 1000 1400'>
<div class='ocr_carea' id='block_1' title="bbox 0 0 500 100"><p class='ocr_par' id='par_1' lang='eng'>
<span class='ocr_line' id='line_1' title="bbox 0 0 500 20; baseline 0 -2; x_size 20">${word("w1", "“Don’t")} ${word("w2", "naïve&amp;café")}</span>
<span class='ocr_line' id='line_2' title="bbox 0 30 500 50; x_size 20">${word("w5", "😀 emoji")} ${word("w6", "科学")}</span>
</p></div></div></body></html>
`;

const xhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>p</title><meta http-equiv="Content-Type" content="text/html;charset=utf-8" /></head>
${hocrBody}`;

const html = `<!DOCTYPE html>\n<html><head><title>p</title></head>\n${hocrBody}`;

function string(id: string, x: number, content: string): string {
  return `<String ID="${id}" HPOS="${x}" VPOS="10" WIDTH="40" HEIGHT="20" WC="0.9" CONTENT="${content}"/>`;
}

const alto = `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
<Description><MeasurementUnit>pixel</MeasurementUnit><!-- Übersicht --></Description>
<Layout><Page WIDTH="800" HEIGHT="600"><PrintSpace>
<TextBlock ID="b1" LANG="fr"><TextLine ID="l1" HPOS="0" VPOS="10" WIDTH="300" HEIGHT="20">
${string("s1", 0, "Société")}<SP/>${string("s2", 50, "&quot;à&#x27;")}<HYP CONTENT="‐"/>
</TextLine></TextBlock></PrintSpace></Page></Layout></alto>
`;

const page = `<?xml version="1.0" standalone="yes"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
<Page imageFilename="Zeitung_ß.png" imageWidth="500" imageHeight="400">
<ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="0" regionRef="r1"/></OrderedGroup></ReadingOrder>
<TextRegion id="r1" type="paragraph"><Coords points="0,0 100,0 100,40 0,40"/>
<TextLine id="l1"><Coords points="0,0 100,0 100,20 0,20"/><Baseline points="0,18 100,18"/>
<TextEquiv conf="0.8"><Unicode>Grüße <![CDATA[<b> ü]]> aus Köln</Unicode></TextEquiv></TextLine>
</TextRegion></Page></PcGts>`;

/** What `ingest` made of the bytes: "page", or the error's code; throws what is not an `InputError`. */
function verdict(bytes: Uint8Array): string {
  try {
    const read = ingest(bytes);
    for (const line of read.lines) expect(line.text.trim()).not.toBe("");
    return "page";
  } catch (error) {
    if (!isInputError(error)) throw error;
    expect(error.message).not.toMatch(/\n/);
    if (error.message.startsWith("broken ")) expect(error.message).toMatch(/\(line:col \d+:\d+\)$/);
    return error.code;
  }
}

describe("ingest of randomly edited OCR files", () => {
  it("gives a page or a one-line InputError for each of a thousand byte edits", () => {
    const next = seededRandom(5150);
    const pieces = [
      [0xc3, 0xa9],
      [0xe2, 0x80, 0x99],
      [0xf0, 0x9f, 0x98, 0x80],
      [0x80],
      [0xc3],
      [0xef, 0xbf, 0xbf],
      [0x00],
      [0x07],
      ...[..."<>\"'&/=;!? -:x#[]"].map((c) => [c.charCodeAt(0)]),
    ];
    const docs = [xhtml, html, alto, page].map(utf8);
    const seen = new Map<string, number>();
    for (let k = 0; k < 1000; k++) {
      const base = docs[k % docs.length]!;
      const at = Math.floor(next() * base.length);
      const piece = pieces[Math.floor(next() * pieces.length)]!;
      const cut = next() < 0.3 ? 1 + Math.floor(next() * 3) : 0;
      const bytes = new Uint8Array([...base.subarray(0, at), ...piece, ...base.subarray(at + cut)]);
      const found = verdict(bytes);
      seen.set(found, (seen.get(found) ?? 0) + 1);
    }
    // Both outcomes are exercised: the edits are not all fatal, nor all harmless.
    expect(seen.get("page")).toBeGreaterThan(200);
    expect(seen.get("malformed")).toBeGreaterThan(100);
  });
});
