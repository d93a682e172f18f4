/**
 * Writes ground truth for the real pages in tests/fixtures/realdata, by script from the
 * structure their producers recorded (`tsx tests/tools/realdata-truth.ts`):
 * - Liverpool Standard (ALTO 1.4 + METS): each METS ARTICLE's page areas are ALTO TextBlocks
 *   (same ids); areas labelled Headline give the headline, Caption a caption, the rest the body
 *   (each block's first line a paragraph start); blocks no article claims, and the ADVERT
 *   section, are `other`. Production segmentation: silver, not hand-checked.
 * - Reichsanzeiger (PAGE 2013): regions in ReadingOrder; `header` regions are furniture; a
 *   `heading` region opens an article (its lines the headline) and the `paragraph` regions that
 *   follow it are its body (each region's first line a paragraph start).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ingest } from "@galley/core";
import { readXml } from "../../packages/core/src/ingest/xml-reader.ts";
import type { Truth, TruthArticle } from "./derive-truth.ts";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "realdata");

function article(id: string): TruthArticle {
  return {
    id,
    body: [],
    paragraphStarts: [],
    dateline: null,
    byline: null,
    kicker: null,
    headline: null,
    subheadline: null,
  };
}

function liverpool(): Truth {
  const altoFile = "bl_liverpool-standard_1832-11-23_p0001_alto.xml";
  const page = ingest(readFileSync(join(dir, altoFile)), "alto");
  const linesOf = new Map<string, string[]>();
  for (const l of page.lines) if (l.region) linesOf.set(l.region, [...(linesOf.get(l.region) ?? []), l.id]);
  const label = new Map<string, string>();
  const owner = new Map<string, string>();
  const order: string[] = [];
  let group: string[] | null = null;
  readXml(readFileSync(join(dir, "bl_liverpool-standard_1832-11-23_mets.xml"), "utf8"), "METS", {
    open(name, a) {
      const id = a.get("ID");
      if (name === "div" && a.get("TYPE") === "pagearea" && id) label.set(id, a.get("LABEL") ?? "");
      if (name === "smLinkGrp") group = [];
      if (name === "smLocatorLink" && group) group.push((a.get("xlink:href") ?? "").replace(/^#/, ""));
    },
    close(name) {
      if (name !== "smLinkGrp" || !group) return;
      const [from, ...areas] = group;
      if (from && (from.startsWith("art") || from.startsWith("sect"))) {
        if (!order.includes(from)) order.push(from);
        for (const area of areas) owner.set(area, from);
      }
      group = null;
    },
  });
  const articles = new Map<string, TruthArticle>();
  const truth: Truth = {
    page: altoFile,
    format: "alto",
    columns: [],
    captions: [],
    other: [],
    articles: [],
    straddling: [],
    unaligned: [],
  };
  const blocks = [...new Set(page.lines.map((l) => l.region ?? ""))];
  for (const block of blocks) {
    const lines = linesOf.get(block) ?? [];
    const art = owner.get(block);
    const kind = label.get(block) ?? "";
    if (!art || art.startsWith("sect") || kind === "Advertisement") {
      truth.other.push({ id: block, role: art ? "ad" : "unclaimed", lines });
      continue;
    }
    let a = articles.get(art);
    if (!a) {
      a = article(art);
      articles.set(art, a);
    }
    if (kind === "Headline") a.headline = [...(a.headline ?? []), ...lines];
    else if (kind === "Caption") truth.captions.push({ id: block, article: art, lines });
    else {
      a.body.push(...lines);
      if (lines[0]) a.paragraphStarts.push(lines[0]);
    }
  }
  truth.articles = order.filter((id) => articles.has(id)).map((id) => articles.get(id)!);
  return { ...truth, input: altoFile, source: "METS logical structure (production segmentation, silver)" };
}

function reichsanzeiger(): Truth {
  const file = "reichsanzeiger_1918_268_0134_page.xml";
  const page = ingest(readFileSync(join(dir, file)), "page");
  const regions = new Map<string, { type: string; lines: string[] }>();
  for (const l of page.lines) {
    const r = regions.get(l.region ?? "") ?? { type: l.regionType ?? "", lines: [] };
    r.lines.push(l.id);
    regions.set(l.region ?? "", r);
  }
  const truth: Truth = {
    page: file,
    format: "page",
    columns: [],
    captions: [],
    other: [],
    articles: [],
    straddling: [],
    unaligned: [],
  };
  let current: TruthArticle | null = null;
  const order = page.readingOrder ?? [...regions.keys()];
  for (const id of order) {
    const r = regions.get(id);
    if (!r) continue;
    if (r.type === "header" || r.type === "footer" || r.type === "page-number") {
      truth.other.push({ id, role: "furniture", lines: r.lines });
    } else if (r.type === "heading") {
      current = article(`A${truth.articles.length + 1}`);
      current.headline = r.lines;
      truth.articles.push(current);
    } else {
      if (!current) {
        current = article(`A${truth.articles.length + 1}`);
        truth.articles.push(current);
      }
      current.body.push(...r.lines);
      if (r.lines[0]) current.paragraphStarts.push(r.lines[0]);
    }
  }
  return { ...truth, input: file, source: "PAGE ReadingOrder and region types (CC0 ground truth)" };
}

for (const t of [liverpool(), reichsanzeiger()]) {
  const name = String(t.input).replace(/\.xml$/, ".gt.json");
  writeFileSync(join(dir, name), `${JSON.stringify(t, null, 1)}\n`);
  const body = t.articles.reduce((n, a) => n + a.body.length, 0);
  process.stderr.write(
    `${name}: ${t.articles.length} articles, ${body} body lines, ${t.other.length} other blocks\n`,
  );
}
