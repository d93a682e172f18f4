import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { seededRandom } from "../test-support/random.ts";
import { readXml } from "./xml-reader.ts";

/**
 * Differential test of `readXml` (saxes, plus our check of the document type declaration)
 * against libxml2 (`xmllint --noout`): seeded random mutations of small ALTO, PAGE and hOCR
 * documents (characters deleted, doubled or inserted around the markup) must be well-formed to
 * both or malformed to both. xmllint's exit status is the verdict: it reports namespace errors
 * (which `readXml` does not check: it resolves no prefixes) without failing. The
 * documents declare no encoding: xmllint refuses a name it cannot decode with, a matter of
 * bytes that `readXml`, given text, does not meet.
 */

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;

function string(id: string, x: number, content: string): string {
  return `<String ID="${id}" HPOS="${x}" VPOS="10" WIDTH="40" HEIGHT="20" WC="0.9" CONTENT="${content}"/>`;
}

const alto = `<?xml version="1.0"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#" xmlns:xlink="http://www.w3.org/1999/xlink">
<Description><MeasurementUnit>pixel</MeasurementUnit><!-- a comment --></Description>
<Layout><Page WIDTH="800" HEIGHT="600"><PrintSpace>
<TextBlock ID="b1" xlink:type='simple'><TextLine ID="l1" HPOS="0" VPOS="10" WIDTH="300" HEIGHT="20">
${string("s1", 0, "A&amp;B")}<SP/>${string("s2", 50, "&quot;x&#x27;")}<HYP CONTENT="-"/>
</TextLine></TextBlock></PrintSpace></Page></Layout></alto>
`;

const page = `<?xml version="1.0" standalone="yes"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
<Metadata><Creator>t&lt;e&gt;st</Creator></Metadata>
<Page imageWidth="500" imageHeight="400"><?page-tool run="1"?>
<TextRegion id="r1" custom="structure {type:heading;}"><Coords points="0,0 100,0 100,40 0,40"/>
<TextLine id="l1"><Coords points="0,0 100,0 100,20 0,20"/><Baseline points="0,18 100,18"/>
<TextEquiv conf="0.8"><Unicode>Grüße <![CDATA[<b>]]> ü</Unicode></TextEquiv></TextLine>
</TextRegion></Page></PcGts>`;

function word(id: string, text: string): string {
  return `<span class='ocrx_word' id='${id}' title='bbox 0 0 10 10; x_wconf 93'>${text}</span>`;
}

const hocr = `<?xml version="1.0"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title></title><meta http-equiv="Content-Type" content="text/html;charset=utf-8" /></head>
<body><div class='ocr_page' id='page_1' title='image "x.png"; bbox 0 0 100 100'>
<span class='ocr_line' id='line_1' title="bbox 0 0 100 10; baseline 0 -2">${word("w1", "Hello")} ${word("w2", "&lt;wörld&gt;")}</span>
</div></body></html>`;

const inserted = ["<", ">", '"', "'", "&", "/", "=", ";", "!", "?", "-", " ", ":", "x", "#"];
const markup = new Set(["<", ">", '"', "'", "&", "/", "=", ";"]);

/** One random edit of `doc`, near markup half of the time. */
function mutate(doc: string, next: () => number): string {
  let at = Math.floor(next() * doc.length);
  if (next() < 0.5) {
    for (let k = 0; k < doc.length && !markup.has(doc[at]!); k++) at = (at + 1) % doc.length;
  }
  const span = 1 + Math.floor(next() * 6);
  switch (Math.floor(next() * 5)) {
    case 0:
      return doc.slice(0, at) + doc.slice(at + 1);
    case 1:
      return doc.slice(0, at) + doc[at] + doc.slice(at);
    case 2:
      return doc.slice(0, at) + inserted[Math.floor(next() * inserted.length)] + doc.slice(at);
    case 3:
      return doc.slice(0, at) + doc.slice(at + span);
    default:
      return doc.slice(0, at) + doc.slice(at, at + span) + doc.slice(at);
  }
}

/** Whether `readXml` reads `doc` without a malformed-input error. */
function readsWell(doc: string): boolean {
  try {
    readXml(doc, "test", { open() {}, close() {}, text() {} });
    return true;
  } catch (error) {
    if (isInputError(error) && error.code === "malformed") return false;
    throw error;
  }
}

const dir = hasXmllint ? mkdtempSync(join(tmpdir(), "galley-xmllint-")) : "";
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Whether xmllint finds `doc` well-formed. */
function xmllintReadsWell(doc: string, name: string): boolean {
  const file = join(dir, name);
  writeFileSync(file, doc);
  return spawnSync("xmllint", ["--noout", "--nonet", file]).status === 0;
}

describe.skipIf(!hasXmllint)("readXml against xmllint", () => {
  it.each([
    ["ALTO", alto, 1],
    ["PAGE", page, 2],
    ["hOCR", hocr, 3],
  ])("agrees on the %s document and 130 mutations of it", (what, doc, seed) => {
    expect(readsWell(doc)).toBe(true);
    expect(xmllintReadsWell(doc, `${what}.xml`)).toBe(true);
    const next = seededRandom(seed);
    const disagreements: string[] = [];
    for (let k = 0; k < 130; k++) {
      let mutated = mutate(doc, next);
      if (next() < 0.25) mutated = mutate(mutated, next);
      const ours = readsWell(mutated);
      if (ours !== xmllintReadsWell(mutated, `${what}-${k}.xml`))
        disagreements.push(`${ours ? "read" : "refused"} by readXml only: ${JSON.stringify(mutated)}`);
    }
    expect(disagreements).toEqual([]);
  });
});

if (!hasXmllint) {
  describe("readXml against xmllint", () => {
    it.skip("needs xmllint (libxml2-utils) on the PATH", () => {});
  });
}
