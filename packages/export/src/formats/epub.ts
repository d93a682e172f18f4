import { type ArticleView, viewIssue } from "../model/issue-view.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { type ZipEntry, zipFiles } from "../zip/zip-files.ts";
import { articleMarkup } from "./article-markup.ts";
import { containerXml, navXhtml, packageOpf, xhtmlDocument } from "./epub-package.ts";
import { fileBase } from "./file-names.ts";
import { siteCss } from "./html-style.ts";

/**
 * The printed page's start, before the first article of each page: an EPUB page break
 * (`epub:type="pagebreak"`, `role="doc-pagebreak"`) that the `page-list` navigation points at,
 * so a reader can go to "page 3" as printed.
 */
function pageBreak(view: ArticleView): string {
  if (view.page.page.articles[0]?.id !== view.article.id) return "";
  return `<span epub:type="pagebreak" role="doc-pagebreak" id="page-${view.pageIndex}" aria-label="${view.page.number}"></span>\n`;
}

/**
 * Exports the issue as an EPUB 3: `mimetype` first and stored, `META-INF/container.xml`,
 * `EPUB/package.opf`, `EPUB/nav.xhtml` (contents by page and article, and a `page-list` of the printed pages), `EPUB/style.css` (the
 * site's, with its CJK line-breaking rules; no font is embedded, CJK text relies on the
 * reader's fonts) and `EPUB/articles/KEY.xhtml` per article. Checked with epubcheck in tests.
 */
export function exportEpub(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const entries: ZipEntry[] = [
    { path: "mimetype", data: "application/epub+zip", store: true },
    { path: "META-INF/container.xml", data: containerXml },
    { path: "EPUB/package.opf", data: packageOpf(issue, now) },
    { path: "EPUB/nav.xhtml", data: navXhtml(issue) },
    { path: "EPUB/style.css", data: siteCss },
    ...issue.articles.map((a) => ({
      path: `EPUB/articles/${a.key}.xhtml`,
      data: xhtmlDocument(
        issue.language,
        a.title,
        "../style.css",
        pageBreak(a) + articleMarkup(a, issue.words),
      ),
    })),
  ];
  return {
    filename: `${fileBase(input)}.epub`,
    contentType: "application/epub+zip",
    bytes: zipFiles(entries, now),
  };
}
