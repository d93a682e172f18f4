import { exportIssue } from "@galley/export";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { article, issue, page } from "./builder.ts";
import { sampleIssue } from "./sample-issue.ts";
import { unzipText, xmllintSchema } from "./validators.ts";

const now = new Date("2024-05-02T10:00:00Z");

function allValid(output: string, count: number): void {
  expect(output.match(/ validates$/gm)?.length, output).toBe(count);
}

describe("nitf export", () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = unzipText(exportIssue(sampleIssue(), "nitf", { now }).bytes);
  });

  it("writes one NITF 3.6 document per article, each valid against nitf-3-6.xsd", async () => {
    expect([...files.keys()].sort()).toEqual([
      "nitf/p001-a1.xml",
      "nitf/p001-a2.xml",
      "nitf/p002-a1.xml",
      "nitf/p002-a2.xml",
      "nitf/p003-a1.xml",
      "nitf/p003-a2.xml",
    ]);
    const result = await xmllintSchema("nitf-3-6.xsd", Object.fromEntries(files));
    expect(result.code, result.output).toBe(0);
    allValid(result.output, files.size);
  });

  it("carries headline, kicker, subheadline, byline, dateline and print position in their elements", () => {
    const xml = files.get("nitf/p002-a1.xml")!;
    expect(xml).toContain("<hl1>Council approves new bridge over the river</hl1>");
    expect(xml).toContain('<hl2 class="kicker">ELECTION 2024</hl2>');
    expect(xml).toContain('<hl2 class="subheadline">Construction to begin in the spring</hl2>');
    expect(xml).toContain("<byline>By MARY ADAMS</byline>");
    expect(xml).toContain("<dateline>SPRINGFIELD (AP) —</dateline>");
    expect(xml).toMatch(
      /<pubdata type="print" [^>]*date\.publication="20240501T000000Z" position\.sequence="2" position\.section="World"/,
    );
    expect(xml).toContain("<media-caption>The old ferry landing, photographed in 1998.</media-caption>");
  });

  it("strips an inline dateline and byline from the paragraphs that print them", () => {
    const xml = files.get("nitf/p001-a1.xml")!;
    expect(xml).toContain("<dateline>科学导报讯</dateline>");
    expect(xml).toContain("<p>开局发力，全省");
    expect(xml).toContain("交出了一份亮眼的答卷。</p>");
    expect(xml).not.toContain("答卷。 王波");
  });

  it("escapes markup and drops characters XML 1.0 forbids", () => {
    const xml = files.get("nitf/p003-a1.xml")!;
    expect(xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &amp;amp;');
    expect(xml).not.toMatch(/<script/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none survive
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(xml).toContain("lone \uFFFD high and \uFFFD low");
  });
});

describe("newsml export", () => {
  it("is one newsMessage valid against NewsML-G2 2.35, whose inline NITF is valid too", async () => {
    const result = exportIssue(sampleIssue(), "newsml", { now });
    const xml = new TextDecoder().decode(result.bytes);
    expect(result.contentType).toBe("application/vnd.iptc.g2.newsmessage+xml");
    const nitf = [...xml.matchAll(/<nitf [\s\S]*?<\/nitf>/g)].map((m) => m[0]);
    expect(nitf).toHaveLength(6);
    const files: Record<string, string> = { "message.xml": xml };
    const inner = Object.fromEntries(
      nitf.map((n, i) => [`nitf-${i}.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n${n}`]),
    );
    const [outer, embedded] = await Promise.all([
      xmllintSchema("NewsML-G2_2.35-spec-All-Power.xsd", files),
      xmllintSchema("nitf-3-6.xsd", inner),
    ]);
    expect(outer.code, outer.output).toBe(0);
    expect(embedded.code, embedded.output).toBe(0);
    allValid(embedded.output, 6);
  });

  it("references every article's newsItem from the issue's packageItem", () => {
    const xml = new TextDecoder().decode(exportIssue(sampleIssue(), "newsml", { now }).bytes);
    const refs = [...xml.matchAll(/<itemRef residref="([^"]+)"/g)].map((m) => m[1]);
    const guids = [...xml.matchAll(/<newsItem guid="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(guids);
    expect(guids).toContain("urn:galley:issue-1:p002-a1");
    expect(xml).toContain("<versionCreated>2024-05-02T10:00:00Z</versionCreated>");
  });
});

describe("alto export", () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = unzipText(exportIssue(sampleIssue(), "alto", { now }).bytes);
  });

  it("writes one ALTO 4.4 page per page and a METS file, all valid against their schemas", async () => {
    expect([...files.keys()].sort()).toEqual(["alto/0001.xml", "alto/0002.xml", "alto/0003.xml", "mets.xml"]);
    const alto = Object.fromEntries([...files].filter(([name]) => name.startsWith("alto/")));
    const [a, m] = await Promise.all([
      xmllintSchema("alto-4-4.xsd", alto),
      xmllintSchema("mets.xsd", { "mets.xml": files.get("mets.xml")! }),
    ]);
    expect(a.code, a.output).toBe(0);
    allValid(a.output, 3);
    expect(m.code, m.output).toBe(0);
  });

  it("keeps the source geometry and word confidences of unedited lines", () => {
    const page2 = files.get("alto/0002.xml")!;
    expect(page2).toMatch(
      /<String ID="P2_S\d+" CONTENT="Council" HPOS="100" VPOS="\d+" WIDTH="140" HEIGHT="40" WC="0.93"\/>/,
    );
    expect(page2).toContain("coordinates from the OCR source");
  });

  it("places lines without geometry on a documented synthetic grid", () => {
    const page1 = files.get("alto/0001.xml")!;
    expect(page1).toContain("synthetic grid");
    expect(page1).toMatch(/<TextLine ID="P1_TL1" HPOS="100" VPOS="100" WIDTH="\d+" HEIGHT="36">/);
  });

  it("points the logical structMap's article parts at the ALTO blocks and lines", () => {
    const mets = files.get("mets.xml")!;
    const page2 = files.get("alto/0002.xml")!;
    const article = mets.match(/<mets:div ID="LOG_p002_a1" TYPE="article"[\s\S]*?\n<\/mets:div>/)?.[0] ?? "";
    expect(article).toContain('LABEL="Council approves new bridge over the river"');
    for (const type of ["kicker", "headline", "subheadline", "dateline", "byline", "body", "caption"]) {
      expect(article).toContain(`TYPE="${type}"`);
    }
    const begins = [...article.matchAll(/FILEID="ALTO_0002" BETYPE="IDREF" BEGIN="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(begins.length).toBeGreaterThanOrEqual(7);
    for (const id of begins) expect(page2).toContain(`ID="${id}"`);
    // The inline dateline of p002-a2 points at the body line that prints it.
    const weather = mets.match(/<mets:div ID="LOG_p002_a2"[\s\S]*?\n<\/mets:div>/)?.[0] ?? "";
    expect(weather).toMatch(
      /TYPE="dateline"><mets:fptr><mets:area FILEID="ALTO_0002" BETYPE="IDREF" BEGIN="P2_TL\d+"\/>/,
    );
  });
});

describe("a sparse issue", () => {
  it("still validates in every XML format: no language, an empty page, a headline-only article, an 1832 date, a scan", async () => {
    const sparse = issue(
      "Sparse",
      "1832-11-23",
      undefined,
      page(1, {}, article({ headline: "Only a headline", body: [] })),
      page(2, {}),
      page(
        7,
        { geometry: true },
        article({ body: ["x"], byline: { text: "x", inline: "end" } }),
        article({ kicker: "K", body: ["B"] }),
      ),
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    sparse.pages[2]!.image = { width: 2480, height: 3508, contentType: "image/png", bytes: png };
    const nitf = unzipText(exportIssue(sparse, "nitf", { now }).bytes);
    const alto = unzipText(exportIssue(sparse, "alto", { now }).bytes);
    const newsml = new TextDecoder().decode(exportIssue(sparse, "newsml", { now }).bytes);
    const results = await Promise.all([
      xmllintSchema("nitf-3-6.xsd", Object.fromEntries(nitf)),
      xmllintSchema("NewsML-G2_2.35-spec-All-Power.xsd", { "m.xml": newsml }),
      xmllintSchema("alto-4-4.xsd", Object.fromEntries([...alto].filter(([n]) => n.startsWith("alto/")))),
      xmllintSchema("mets.xsd", { "mets.xml": alto.get("mets.xml")! }),
    ]);
    for (const r of results) expect(r.code, r.output).toBe(0);
    const mets = alto.get("mets.xml")!;
    expect(mets).toContain(
      '<mets:file ID="IMG_0003" MIMETYPE="image/png"><mets:FLocat LOCTYPE="URL" xlink:href="images/0003.png"/>',
    );
    expect(mets).toContain('ORDERLABEL="7"><mets:fptr FILEID="IMG_0003"/><mets:fptr FILEID="ALTO_0003"/>');
    expect(alto.get("alto/0003.xml")).toContain("<fileName>images/0003.png</fileName>");
    expect(unzipSync(exportIssue(sparse, "alto", { now }).bytes)["images/0003.png"]).toEqual(png);
  });
});
