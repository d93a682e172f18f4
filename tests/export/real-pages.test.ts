import { readFileSync } from "node:fs";
import { ingest, reconstruct, type SourceFormat } from "@galley/core";
import { exportIssue, type IssueInput, type IssuePage } from "@galley/export";
import { beforeAll, describe, expect, it } from "vitest";
import { unzipText, xmllintSchema } from "./validators.ts";

/**
 * Real OCR pages with geometry (tests/fixtures/rendered and realdata, provenance in their
 * READMEs): a Chinese hOCR page, an English ALTO page and a German PAGE XML page, reconstructed
 * by core, with their source lines, as the server would hand them to the exporters.
 */
function realPage(number: number, file: string, format: SourceFormat): IssuePage {
  const bytes = readFileSync(new URL(`../fixtures/${file}`, import.meta.url));
  const page = reconstruct(bytes, { format });
  const { lines } = ingest(bytes, format);
  return {
    id: `real-${number}`,
    number,
    page: { ...page, articles: page.articles.map((a) => ({ ...a, status: "needs-review" as const })) },
    lines,
    source: { format, bytes },
  };
}

const now = new Date("2024-05-02T10:00:00Z");

describe("exports of real OCR pages", () => {
  let issue: IssueInput;
  beforeAll(() => {
    issue = {
      id: "real",
      title: "Real pages",
      date: "2024-05-01",
      pages: [
        realPage(1, "rendered/zh-06.hocr", "hocr"),
        realPage(2, "rendered/en-06.alto.xml", "alto"),
        realPage(3, "realdata/reichsanzeiger_1918_268_0134_page.xml", "page"),
      ],
    };
    // An editor's correction in the English page's first paragraph.
    const paragraph = issue.pages[1]!.page.articles.find((a) => a.paragraphs.length > 0)!.paragraphs[0]!;
    paragraph.text = `${paragraph.text} CORRECTED`;
  });

  it("validates ALTO, METS, NITF and NewsML-G2 against their schemas", async () => {
    const alto = unzipText(exportIssue(issue, "alto", { now }).bytes);
    const nitf = unzipText(exportIssue(issue, "nitf", { now }).bytes);
    const newsml = new TextDecoder().decode(exportIssue(issue, "newsml", { now }).bytes);
    const results = await Promise.all([
      xmllintSchema("alto-4-4.xsd", Object.fromEntries([...alto].filter(([n]) => n.startsWith("alto/")))),
      xmllintSchema("mets.xsd", { "mets.xml": alto.get("mets.xml")! }),
      xmllintSchema("nitf-3-6.xsd", Object.fromEntries(nitf)),
      xmllintSchema("NewsML-G2_2.35-spec-All-Power.xsd", { "m.xml": newsml }),
    ]);
    for (const r of results) expect(r.code, r.output).toBe(0);
  });

  it("keeps the source's word boxes and confidences, and lays corrected text over the source lines", () => {
    const alto = unzipText(exportIssue(issue, "alto", { now }).bytes).get("alto/0002.xml")!;
    expect(alto).toContain("coordinates from the OCR source");
    const source = issue.pages[1]!.lines!.find((l) => l.words?.length)!;
    const word = source.words![0]!;
    expect(alto).toContain(
      `CONTENT="${word.text}" HPOS="${Math.round(word.box.x)}" VPOS="${Math.round(word.box.y)}" WIDTH="${Math.round(word.box.w)}" HEIGHT="${Math.round(word.box.h)}"`,
    );
    expect(alto).toMatch(
      /<String ID="P2_S\d+" CONTENT="CORRECTED" HPOS="\d+" VPOS="\d+" WIDTH="\d+" HEIGHT="\d+"\/>/,
    );
    const strings = alto.match(/<String /g)?.length ?? 0;
    expect(strings).toBeGreaterThan(issue.pages[1]!.lines!.length);
  });

  it("gives every article of the METS logical map at least one area in an ALTO file", () => {
    const files = unzipText(exportIssue(issue, "alto", { now }).bytes);
    const mets = files.get("mets.xml")!;
    const articles = mets.split('TYPE="article"').slice(1);
    expect(articles.length).toBe(issue.pages.reduce((n, p) => n + p.page.articles.length, 0));
    for (const article of articles) {
      const chunk = article.slice(0, article.indexOf('TYPE="article"') >>> 0);
      const area = chunk.match(/FILEID="ALTO_(\d{4})" BETYPE="IDREF" BEGIN="([^"]+)"/);
      expect(area).not.toBeNull();
      expect(files.get(`alto/${area![1]}.xml`)).toContain(`ID="${area![2]}"`);
    }
  });
});
