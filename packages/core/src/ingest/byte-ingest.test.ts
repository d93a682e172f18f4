import { describe, expect, it } from "vitest";
import { utf8SequenceEnd } from "../input/byte-text.ts";
import { decodeInput } from "../input/decode.ts";
import { detectFormat } from "../input/detect.ts";
import { reconstruct } from "../reconstruct.ts";
import { seededRandom } from "../test-support/random.ts";
import { ingest, ingestBytes, ingestDecoded } from "./ingest.ts";

/**
 * Reading OCR markup byte for byte (`byte-text.ts`) must give exactly what decoding it first
 * gives: the same page, or, for anything it refuses, the ordinary path's verdict.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The ordinary reading: decoded whole, format detected, parsed; the page or the error's message. */
function ordinary(bytes: Uint8Array): unknown {
  try {
    const text = decodeInput(bytes);
    const format = detectFormat(text);
    if (!format || format === "text") return `format ${format}`;
    return ingestDecoded(text, format);
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

/** `ingest` of the bytes, which reads them byte for byte where it can. */
function viaIngest(bytes: Uint8Array): unknown {
  try {
    const text = decodeInput(bytes);
    const format = detectFormat(text);
    if (!format || format === "text") return `format ${format}`;
    return ingest(bytes);
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

function word(id: string, text: string, conf = 93): string {
  return `<span class='ocrx_word' id='${id}' title='bbox ${id.length} 0 10 10; x_wconf ${conf}'>${text}</span>`;
}

const hocr = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>p</title><meta http-equiv="Content-Type" content="text/html;charset=utf-8" /></head>
<body><div class='ocr_page' id='page_1' title='image "scän.png"; bbox 0 0 1000 1400'>
<!-- Tesseract — 5.3 -->
<div class='ocr_carea' id='block_1' title="bbox 0 0 500 100"><p class='ocr_par' id='par_1' lang='eng'>
<span class='ocr_line' id='line_1' title="bbox 0 0 500 20; baseline 0 -2; x_size 20">${word("w1", "“Don’t")} ${word("w2", "stop”")} ${word("w3", "—")} ${word("w4", "naïve&amp;café")}</span>
<span class='ocr_line' id='line_2' title="bbox 0 30 500 50; x_size 20">${word("w5", "😀 emoji")} ${word("w6", "科学")} ${word("w7", "plain")} ${word("w8", "&#233;t&#xE9;")}</span>
<span class='ocr_header' id='línea_3' title="bbox 0 60 500 80">${word("w9", "Straße")}</span>
</p></div></div></body></html>
`;

function string(id: string, x: number, content: string): string {
  return `<String ID="${id}" HPOS="${x}" VPOS="10" WIDTH="40" HEIGHT="20" WC="0.9" CONTENT="${content}"/>`;
}

const alto = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
<Description><MeasurementUnit>pixel</MeasurementUnit><!-- Übersicht: ä ö ü --></Description>
<Layout><Page WIDTH="800" HEIGHT="600"><PrintSpace>
<TextBlock ID="bloc_é" LANG="fr"><TextLine ID="l1" HPOS="0" VPOS="10" WIDTH="300" HEIGHT="20">
${string("s1", 0, "Société")}<SP/>${string("s2", 50, "&quot;à&#x27;")}<SP/>${string("s3", 100, "l’été")}<HYP CONTENT="‐"/>
</TextLine><TextLine ID="l2" HPOS="0" VPOS="40" WIDTH="300" HEIGHT="20">
${string("s4", 0, "plain")}<SP/>${string("s5", 50, "words")}
</TextLine></TextBlock></PrintSpace></Page></Layout></alto>
`;

const page = `<?xml version="1.0" standalone="yes"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
<Metadata><Creator>Grüße &lt;tool&gt;</Creator></Metadata>
<Page imageFilename="Zeitung_ß.png" imageWidth="500" imageHeight="400">
<ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="0" regionRef="r1"/></OrderedGroup></ReadingOrder>
<TextRegion id="r1" type="paragraph"><Coords points="0,0 100,0 100,40 0,40"/>
<TextLine id="l1"><Coords points="0,0 100,0 100,20 0,20"/><Baseline points="0,18 100,18"/>
<TextEquiv conf="0.8"><Unicode>Grüße <![CDATA[<b> ü]]> aus Köln</Unicode></TextEquiv></TextLine>
<TextLine id="l2"><Coords points="0,20 100,20 100,40 0,40"/>
<TextEquiv><Unicode>Zweite Zeile ohne Umlaut</Unicode></TextEquiv></TextLine>
</TextRegion></Page></PcGts>`;

describe("reading OCR markup byte for byte", () => {
  it("reads mostly ASCII hOCR, ALTO and PAGE XML byte for byte, exactly as decoded text", () => {
    for (const doc of [hocr, alto, page]) {
      const bytes = utf8(doc);
      const page = ingestBytes(bytes);
      expect(page).not.toBeNull();
      expect(page).toEqual(ordinary(bytes));
      expect(reconstruct(bytes)).toEqual(reconstruct(doc));
    }
    const words = ingestBytes(utf8(hocr))!.lines.flatMap((l) => l.words!.map((w) => w.text));
    expect(words).toContain("naïve&café");
    expect(words).toContain("😀 emoji");
    expect(words).toContain("été");
    expect(ingestBytes(utf8(hocr))!.lines.map((l) => l.id)).toContain("línea_3");
    expect(ingestBytes(utf8(page))!.lines[0]!.text).toBe("Grüße <b> ü aus Köln");
  });

  it("leaves to the ordinary path what it does not read, which then gives its own verdict", () => {
    const cases = [
      // A name with a non-ASCII character.
      alto.replace("<SP/>", "<Spä/>"),
      // Binary: a NUL in a word, control characters.
      alto.replace("plain", "pl\u0000ain"),
      alto.replace("words", "\u0007".repeat(200)),
      // A control character in a comment; U+FFFF, which XML forbids, in a word.
      hocr.replace("Tesseract — 5.3", "Tesseract \u0001"),
      page.replace("aus Köln", "aus K\uFFFFln"),
      // Non-ASCII in an instruction, and an hOCR that is HTML but not XHTML.
      alto.replace("<Description>", "<?tool ä?><Description>"),
      hocr.replace("<head>", "<head><br>"),
      // Mostly Chinese: decoded whole.
      hocr.replace(/plain|emoji|stop/g, "科学导报讯记者报道".repeat(40)),
    ];
    for (const doc of cases) {
      const bytes = utf8(doc);
      expect(ingestBytes(bytes)).toBeNull();
      expect(viaIngest(bytes)).toEqual(ordinary(bytes));
    }
    const broken = utf8(alto);
    const at = broken.indexOf(0xc3);
    for (const bad of [[0xc3], [0xff, 0x41], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const bytes = new Uint8Array([...broken.subarray(0, at), ...bad, ...broken.subarray(at + 2)]);
      expect(ingestBytes(bytes)).toBeNull();
      expect(viaIngest(bytes)).toMatch(/^error the input is not valid UTF-8/);
    }
  });

  it("agrees with the ordinary path on a thousand random byte edits", () => {
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
    ];
    const ascii = [..."<>\"'&/=;!? -:x#"].map((c) => [c.charCodeAt(0)]);
    const all = [...pieces, ...ascii];
    let read = 0;
    for (let k = 0; k < 1000; k++) {
      const base = utf8([hocr, alto, page][k % 3]!);
      const at = Math.floor(next() * base.length);
      const piece = all[Math.floor(next() * all.length)]!;
      const cut = next() < 0.3 ? 1 + Math.floor(next() * 3) : 0;
      const bytes = new Uint8Array([...base.subarray(0, at), ...piece, ...base.subarray(at + cut)]);
      const expected = ordinary(bytes);
      expect(viaIngest(bytes), `edit ${k}`).toEqual(expected);
      if (ingestBytes(bytes) !== null) read++;
    }
    // Most edits still read byte for byte: the comparison is not only of fallbacks.
    expect(read).toBeGreaterThan(200);
  });

  it("finds where a UTF-8 sequence ends, or that it is broken", () => {
    const at = (...bytes: number[]) => utf8SequenceEnd(String.fromCharCode(...bytes, 0x41), 0);
    expect(at(0xc3, 0xa9)).toBe(2);
    expect(at(0xe2, 0x80, 0x99)).toBe(3);
    expect(at(0xf0, 0x9f, 0x98, 0x80)).toBe(4);
    expect(at(0xf4, 0x8f, 0xbf, 0xbf)).toBe(4);
    for (const broken of [
      [0x80],
      [0xc0, 0xaf],
      [0xc1, 0xbf],
      [0xc3],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x80, 0x80, 0xaf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0xef, 0xbf, 0xbe],
      [0xef, 0xbf, 0xbf],
    ])
      expect(at(...broken), broken.join(" ")).toBe(-1);
  });

  it("detects the format from prefixes as from the whole text", () => {
    const late = `<html><body>${`${"word ".repeat(200)}ä `.repeat(5)}<div class='x ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' id='l' title='bbox 0 0 9 9'>${word("w", "a")}</span></div></body></html>`;
    for (const doc of [hocr, alto, page, late, `${" ".repeat(5000)}<r/>`, "plain text"]) {
      const bytes = utf8(doc);
      expect(viaIngest(bytes)).toEqual(ordinary(bytes));
    }
    expect(ingestBytes(utf8(late))).not.toBeNull();
  });
});
