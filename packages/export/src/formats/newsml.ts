import { type ArticleView, type IssueView, viewIssue } from "../model/issue-view.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { fileBase } from "./file-names.ts";
import { type NitfContext, nitfElement } from "./nitf-document.ts";

const narNamespace = "http://iptc.org/std/nar/2006-10-01/";
const catalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml";
const standard = 'standard="NewsML-G2" standardversion="2.35" conformance="power"';

/** A stable item GUID: "urn:galley:ISSUE[:KEY]", the issue id percent-encoded. */
export function itemGuid(issueId: string, key?: string): string {
  const id = encodeURIComponent(issueId).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return key ? `urn:galley:${id}:${key}` : `urn:galley:${id}`;
}

function itemMeta(itemClass: string, provider: string, now: string, title?: string): string {
  return (
    `<itemMeta>\n<itemClass qcode="${itemClass}"/>\n<provider literal="${escapeAttr(provider)}"/>\n` +
    `<versionCreated>${now}</versionCreated>\n<pubStatus qcode="stat:usable"/>\n` +
    `${title ? `<title>${escapeText(title)}</title>\n` : ""}</itemMeta>\n`
  );
}

function newsItem(view: ArticleView, issue: IssueView, now: string, context: NitfContext): string {
  const { id, title, date } = issue.issue;
  const meta =
    `<contentMeta>\n<contentCreated>${date}</contentCreated>\n<language tag="${escapeAttr(view.language)}"/>\n` +
    `<headline>${escapeText(view.title)}</headline>\n` +
    `${view.dateline ? `<dateline>${escapeText(view.dateline)}</dateline>\n` : ""}` +
    `${view.byline ? `<by>${escapeText(view.byline)}</by>\n` : ""}</contentMeta>\n`;
  return (
    `<newsItem guid="${escapeAttr(itemGuid(id, view.key))}" version="1" ${standard} xml:lang="${escapeAttr(view.language)}">\n` +
    `<catalogRef href="${catalog}"/>\n${itemMeta("ninat:text", title, now)}${meta}` +
    `<contentSet>\n<inlineXML contenttype="application/nitf+xml">\n${nitfElement(view, context)}\n</inlineXML>\n</contentSet>\n` +
    `</newsItem>\n`
  );
}

function packageItem(issue: IssueView, now: string): string {
  const { id, title, date } = issue.issue;
  const refs = issue.articles
    .map(
      (a) =>
        `<itemRef residref="${escapeAttr(itemGuid(id, a.key))}" version="1" contenttype="application/vnd.iptc.g2.newsitem+xml">` +
        `<itemClass qcode="ninat:text"/><title>${escapeText(a.title)}</title></itemRef>`,
    )
    .join("\n");
  return (
    `<packageItem guid="${escapeAttr(itemGuid(id))}" version="1" ${standard} xml:lang="${escapeAttr(issue.language)}">\n` +
    `<catalogRef href="${catalog}"/>\n${itemMeta("ninat:composite", title, now, `${title}, ${date}`)}` +
    `<groupSet root="G_ROOT">\n<group id="G_ROOT" role="group:main" mode="pgrmod:seq">\n${refs}\n</group>\n</groupSet>\n` +
    `</packageItem>\n`
  );
}

/**
 * Exports the issue as one IPTC NewsML-G2 2.35 `newsMessage` (power conformance): its
 * `itemSet` holds a `packageItem` for the issue (`ninat:composite`, one `group` in reading
 * order referencing every article's `newsItem` by GUID) followed by one `newsItem` per article
 * (`ninat:text`; `contentMeta` with `contentCreated` = issue date, `language`, `headline`,
 * `dateline`, `by`) carrying the article's NITF 3.6 in `contentSet/inlineXML`. GUIDs are
 * `urn:galley:ISSUE` and `urn:galley:ISSUE:KEY`; every item is version 1 and `stat:usable`.
 */
export function exportNewsml(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const stamp = `${now.toISOString().slice(0, 19)}Z`;
  const context = { issueId: input.id, issueTitle: input.title, date: input.date };
  const items = issue.articles.map((a) => newsItem(a, issue, stamp, context)).join("");
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage xmlns="${narNamespace}">\n` +
    `<header>\n<sent>${stamp}</sent>\n<sender>Galley</sender>\n</header>\n` +
    `<itemSet>\n${packageItem(issue, stamp)}${items}</itemSet>\n</newsMessage>\n`;
  return {
    filename: `${fileBase(input)}-newsml.xml`,
    contentType: "application/vnd.iptc.g2.newsmessage+xml",
    bytes: new TextEncoder().encode(xml),
  };
}
