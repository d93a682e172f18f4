import type { ArticleView } from "../model/issue-view.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";

/** The NITF 3.6 namespace. */
export const nitfNamespace = "http://iptc.org/std/NITF/2006-10-18/";

/** An ISO date "2024-05-01" as NITF's normalised date-time "20240501T000000Z". */
export function nitfDate(date: string): string {
  return `${date.replace(/-/g, "")}T000000Z`;
}

function el(tag: string, text: string | null, attrs = ""): string {
  return text ? `<${tag}${attrs}>${escapeText(text)}</${tag}>` : "";
}

/** What the NITF of one article needs from its issue. */
export interface NitfContext {
  issueId: string;
  issueTitle: string;
  date: string;
}

/**
 * The `<nitf>` element of one article (NITF 3.6, its own default namespace declared, so it can
 * stand alone or sit inside NewsML-G2 `inlineXML`):
 *
 * - `head/title` the title; `head/docdata` with `doc-id` ("ISSUE-KEY"), `date.issue` and the
 *   article's editorial status as `ed-msg msg-type="galley-status"`; `head/pubdata
 *   type="print"` with `name` (the issue title), `date.publication`, `position.sequence` (the
 *   printed page number) and `position.section` (the section, when printed).
 * - `body/body.head`: `hedline` with `hl1` (headline) then `hl2 class="kicker"` (the kicker,
 *   Galley's convention: NITF has no kicker element; `hl2` is its subordinate headline, and the
 *   class tells the two apart) and `hl2 class="subheadline"`; `byline`; `dateline`.
 * - `body/body.content`: one `p` per body paragraph (inline dateline/byline removed), then one
 *   `media media-type="image"` per caption holding `media-reference` (no image is exported)
 *   and `media-caption`.
 *
 * `xml:lang` on `body` gives the article's language.
 */
export function nitfElement(view: ArticleView, context: NitfContext): string {
  const date = nitfDate(context.date);
  const section = view.section ? ` position.section="${escapeAttr(view.section)}"` : "";
  const head =
    `<head>\n<title>${escapeText(view.title)}</title>\n<docdata>\n` +
    `<doc-id id-string="${escapeAttr(`${context.issueId}-${view.key}`)}"/>\n` +
    `<date.issue norm="${date}"/>\n` +
    `<ed-msg msg-type="galley-status" info="${escapeAttr(view.article.status)}"/>\n</docdata>\n` +
    `<pubdata type="print" name="${escapeAttr(context.issueTitle)}" date.publication="${date}"` +
    ` position.sequence="${view.page.number}"${section}/>\n</head>\n`;
  const hedline =
    `<hedline>${el("hl1", view.title)}` +
    `${el("hl2", view.kicker, ' class="kicker"')}${el("hl2", view.subheadline, ' class="subheadline"')}</hedline>\n`;
  const bodyHead =
    `<body.head>\n${hedline}` +
    `${view.byline ? `${el("byline", view.byline)}\n` : ""}${view.dateline ? `${el("dateline", view.dateline)}\n` : ""}` +
    `</body.head>\n`;
  const paragraphs = view.paragraphs.map((p) => `${el("p", p)}\n`).join("");
  const media = view.captions
    .map(
      (c) =>
        `<media media-type="image"><media-reference/><media-caption>${escapeText(c)}</media-caption></media>\n`,
    )
    .join("");
  return (
    `<nitf xmlns="${nitfNamespace}" version="-//IPTC//DTD NITF 3.6//EN">\n${head}` +
    `<body xml:lang="${escapeAttr(view.language)}">\n${bodyHead}<body.content>\n${paragraphs}${media}</body.content>\n</body>\n</nitf>`
  );
}
