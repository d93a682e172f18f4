import type { IssueView } from "../model/issue-view.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";
import { itemGuid } from "./newsml.ts";

/** `META-INF/container.xml`: points reading systems at the package document. */
export const containerXml =
  `<?xml version="1.0" encoding="UTF-8"?>\n` +
  `<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n` +
  `<rootfiles>\n<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>\n</rootfiles>\n` +
  `</container>\n`;

/**
 * The EPUB 3 package document: Dublin Core metadata (`dc:identifier` "urn:galley:ISSUE",
 * `dc:title`, `dc:language`, `dc:date`, `dcterms:modified` = `now` to the second), the
 * manifest (navigation document, style sheet, one XHTML per article) and the spine
 * (contents first, then the articles in reading order).
 */
export function packageOpf(issue: IssueView, now: Date): string {
  const { id, title, date } = issue.issue;
  const items = issue.articles
    .map((a) => `<item id="a-${a.key}" href="articles/${a.key}.xhtml" media-type="application/xhtml+xml"/>`)
    .join("\n");
  const spine = issue.articles.map((a) => `<itemref idref="a-${a.key}"/>`).join("\n");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${escapeAttr(issue.language)}">\n` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n` +
    `<dc:identifier id="uid">${escapeText(itemGuid(id))}</dc:identifier>\n` +
    `<dc:title>${escapeText(`${title}, ${date}`)}</dc:title>\n` +
    `<dc:language>${escapeText(issue.language)}</dc:language>\n` +
    `<dc:date>${escapeText(date)}</dc:date>\n` +
    `<meta property="dcterms:modified">${now.toISOString().slice(0, 19)}Z</meta>\n` +
    `</metadata>\n<manifest>\n` +
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\n` +
    `<item id="css" href="style.css" media-type="text/css"/>\n${items}\n</manifest>\n` +
    `<spine>\n<itemref idref="nav"/>\n${spine}\n</spine>\n</package>\n`
  );
}

/** An XHTML content document around `body` (EPUB 3 wants XHTML5: XML syntax, `lang` and `xml:lang`). */
export function xhtmlDocument(lang: string, title: string, css: string, body: string): string {
  const l = escapeAttr(lang);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n` +
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${l}" xml:lang="${l}">\n` +
    `<head>\n<meta charset="utf-8"/>\n<title>${escapeText(title)}</title>\n` +
    `<link rel="stylesheet" type="text/css" href="${css}"/>\n</head>\n<body>\n${body}</body>\n</html>\n`
  );
}

/**
 * The navigation document: a `toc` nav listing the pages that have articles, each page
 * (linked to its first article) holding its articles in order, a `page-list` of the printed
 * page numbers (pointing at each page's break marker) and a `landmarks` nav.
 */
export function navXhtml(issue: IssueView): string {
  const { title, date } = issue.issue;
  const pages = issue.byPage
    .filter((p) => p.articles.length > 0)
    .map((p) => {
      const first = p.articles[0]!;
      const section = p.section ? ` · ${escapeText(p.section)}` : "";
      const articles = p.articles
        .map(
          (a) =>
            `<li><a href="articles/${a.key}.xhtml" lang="${escapeAttr(a.language)}" xml:lang="${escapeAttr(a.language)}">${escapeText(a.title)}</a></li>`,
        )
        .join("\n");
      return `<li><a href="articles/${first.key}.xhtml">${escapeText(issue.words.page(p.page.number))}${section}</a>\n<ol>\n${articles}\n</ol>\n</li>`;
    })
    .join("\n");
  const first = issue.articles[0]!;
  const pageList = issue.byPage
    .filter((p) => p.articles.length > 0)
    .map(
      (p) =>
        `<li><a href="articles/${p.articles[0]!.key}.xhtml#page-${p.pageIndex}">${p.page.number}</a></li>`,
    )
    .join("\n");
  const body =
    `<nav epub:type="toc" id="toc">\n<h1>${escapeText(title)}, ${escapeText(date)}</h1>\n<ol>\n${pages}\n</ol>\n</nav>\n` +
    `<nav epub:type="page-list" id="page-list" hidden="hidden">\n<h2>${escapeText(issue.words.pages)}</h2>\n<ol>\n${pageList}\n</ol>\n</nav>\n` +
    `<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<h2>${escapeText(issue.words.landmarks)}</h2>\n<ol>\n` +
    `<li><a epub:type="toc" href="#toc">${escapeText(issue.words.contents)}</a></li>\n` +
    `<li><a epub:type="bodymatter" href="articles/${first.key}.xhtml">${escapeText(issue.words.firstArticle)}</a></li>\n</ol>\n</nav>\n`;
  return xhtmlDocument(issue.language, `${title}, ${date}`, "style.css", body);
}
