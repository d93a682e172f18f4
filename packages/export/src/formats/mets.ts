import type { IssueView } from "../model/issue-view.ts";
import type { LayoutRole, PageLayout } from "../model/page-layout.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";
import type { AltoIds } from "./alto-page.ts";

/** One ALTO file as the METS lists it. */
export interface MetsPage {
  /** Physical position in the issue, 1-based. */
  index: number;
  /** Printed page number. */
  number: number;
  /** Path of the ALTO file inside the export ("alto/0003.xml"). */
  href: string;
  layout: PageLayout;
  ids: AltoIds;
  /** The page image in the package, when it has one. */
  image?: { href: string; contentType: string };
}

const fileId = (p: MetsPage) => `ALTO_${String(p.index).padStart(4, "0")}`;
const physId = (p: MetsPage) => `PHYS_${String(p.index).padStart(4, "0")}`;
const imageId = (p: MetsPage) => `IMG_${String(p.index).padStart(4, "0")}`;

function area(p: MetsPage, begin: string): string {
  return `<mets:area FILEID="${fileId(p)}" BETYPE="IDREF" BEGIN="${begin}"/>`;
}

function fptr(p: MetsPage, begins: string[]): string {
  if (begins.length === 1) return `<mets:fptr>${area(p, begins[0]!)}</mets:fptr>`;
  return `<mets:fptr><mets:seq>${begins.map((b) => area(p, b)).join("")}</mets:seq></mets:fptr>`;
}

/**
 * The logical divs of one article: `kicker`, `headline`, `subheadline`, `dateline`, `byline`
 * (each pointing at its TextBlock, or, for a span printed inside a body line, at that
 * TextLine), `body` (a `seq` of the paragraph TextBlocks) and `caption`s, in that order.
 */
function articleDivs(
  p: MetsPage,
  articleId: string,
  inline: { role: LayoutRole; line: string }[],
  prefix: string,
): string {
  const mine = p.layout.blocks
    .map((b, i) => ({ b, id: p.ids.blocks[i]! }))
    .filter(({ b }) => b.articleId === articleId);
  const divs: string[] = [];
  let n = 0;
  const div = (type: string, begins: string[]) => {
    if (begins.length)
      divs.push(`<mets:div ID="${prefix}_${++n}" TYPE="${type}">${fptr(p, begins)}</mets:div>`);
  };
  for (const role of ["kicker", "headline", "subheadline", "dateline", "byline"] as const) {
    const own = mine.filter(({ b }) => b.role === role).map(({ id }) => id);
    const spans = inline.filter((s) => s.role === role).map((s) => s.line);
    div(role, [...own, ...spans]);
  }
  div(
    "body",
    mine.filter(({ b }) => b.role === "paragraph").map(({ id }) => id),
  );
  for (const { b, id } of mine) if (b.role === "caption") div("caption", [id]);
  return divs.join("\n");
}

/**
 * Writes the METS 1.12.1 document of the issue, the Europeana Newspapers pattern: a DC
 * `dmdSec` for the issue (title, date, language), a `fileSec` with the page images that the
 * export carries (`USE="IMAGE"`) and one ALTO file per page (`USE="FULLTEXT"`), a PHYSICAL
 * `structMap` (issue → pages, each pointing at its image and its ALTO file),
 * a LOGICAL `structMap` (issue → articles, LABEL = title, each → its parts pointing at ALTO
 * blocks through `fptr/area` with `BETYPE="IDREF"` and `BEGIN` = TextBlock ID; captions with no
 * article sit under the issue), and a `structLink` tying each article to its page.
 */
export function metsDocument(issue: IssueView, pages: MetsPage[], now: Date): string {
  const { id, title, date } = issue.issue;
  const files = pages
    .map(
      (p) =>
        `<mets:file ID="${fileId(p)}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="${escapeAttr(p.href)}"/></mets:file>`,
    )
    .join("\n");
  const images = pages
    .filter((p) => p.image)
    .map(
      (p) =>
        `<mets:file ID="${imageId(p)}" MIMETYPE="${escapeAttr(p.image!.contentType)}"><mets:FLocat LOCTYPE="URL" xlink:href="${escapeAttr(p.image!.href)}"/></mets:file>`,
    )
    .join("\n");
  const physical = pages
    .map((p) => {
      const image = p.image ? `<mets:fptr FILEID="${imageId(p)}"/>` : "";
      return `<mets:div ID="${physId(p)}" TYPE="page" ORDER="${p.index}" ORDERLABEL="${p.number}">${image}<mets:fptr FILEID="${fileId(p)}"/></mets:div>`;
    })
    .join("\n");
  const links: string[] = [];
  const logical = issue.byPage
    .map(({ articles, pageIndex }) => {
      const p = pages[pageIndex - 1]!;
      const parts = articles.map((a) => {
        const logId = `LOG_${a.key.replace(/-/g, "_")}`;
        links.push(`<mets:smLink xlink:from="${logId}" xlink:to="${physId(p)}"/>`);
        const inline: { role: LayoutRole; line: string }[] = [];
        for (const role of ["dateline", "byline"] as const) {
          const span = a.article[role];
          const line = span?.inline ? p.ids.lines.get(span.lines[0] ?? "") : undefined;
          if (line) inline.push({ role, line });
        }
        return (
          `<mets:div ID="${logId}" TYPE="article" ORDER="${a.order}" LABEL="${escapeAttr(a.title)}">\n` +
          `${articleDivs(p, a.article.id, inline, logId)}\n</mets:div>`
        );
      });
      const loose = p.layout.blocks
        .map((b, i) => ({ b, id: p.ids.blocks[i]! }))
        .filter(
          ({ b }) =>
            b.role === "caption" &&
            (b.articleId === null || !articles.some((a) => a.article.id === b.articleId)),
        )
        .map(({ id: block }) => `<mets:div ID="LOG_${block}" TYPE="caption">${fptr(p, [block])}</mets:div>`);
      return [...parts, ...loose].join("\n");
    })
    .filter(Boolean)
    .join("\n");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd"` +
    ` OBJID="${escapeAttr(`urn:galley:${id}`)}" TYPE="Newspaper" LABEL="${escapeAttr(`${title}, ${date}`)}">\n` +
    `<mets:metsHdr CREATEDATE="${now.toISOString().slice(0, 19)}Z">\n` +
    `<mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><mets:name>Galley</mets:name></mets:agent>\n</mets:metsHdr>\n` +
    `<mets:dmdSec ID="DMD_ISSUE"><mets:mdWrap MDTYPE="DC"><mets:xmlData>\n` +
    `<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">${escapeText(title)}</dc:title>\n` +
    `<dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">${escapeText(date)}</dc:date>\n` +
    `<dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">${escapeText(issue.language)}</dc:language>\n` +
    `</mets:xmlData></mets:mdWrap></mets:dmdSec>\n` +
    `<mets:fileSec>\n${images ? `<mets:fileGrp USE="IMAGE">\n${images}\n</mets:fileGrp>\n` : ""}` +
    `<mets:fileGrp USE="FULLTEXT">\n${files}\n</mets:fileGrp>\n</mets:fileSec>\n` +
    `<mets:structMap TYPE="PHYSICAL">\n<mets:div ID="PHYS_ISSUE" TYPE="physSequence">\n${physical}\n</mets:div>\n</mets:structMap>\n` +
    `<mets:structMap TYPE="LOGICAL">\n<mets:div ID="LOG_ISSUE" TYPE="issue" DMDID="DMD_ISSUE" LABEL="${escapeAttr(`${title}, ${date}`)}">\n` +
    `${logical}\n</mets:div>\n</mets:structMap>\n` +
    `<mets:structLink>\n${links.join("\n")}\n</mets:structLink>\n</mets:mets>\n`
  );
}
