import { type ArticleView, type IssueView, viewIssue } from "../model/issue-view.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { type ZipEntry, zipFiles } from "../zip/zip-files.ts";
import { articleMarkup } from "./article-markup.ts";
import { fileBase } from "./file-names.ts";
import { siteCss } from "./html-style.ts";
import { newsArticleLd, scriptJson } from "./json-ld.ts";

function page(lang: string, title: string, css: string, head: string, body: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="${escapeAttr(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeText(title)}</title>\n<link rel="stylesheet" href="${css}">\n${head}</head>\n` +
    `<body>\n${body}</body>\n</html>\n`
  );
}

/** "Headline — Issue", or just the headline cut to 70 characters when that is too long for a tab. */
function documentTitle(headline: string, issueTitle: string): string {
  const full = `${headline} — ${issueTitle}`;
  if ([...full].length <= 70) return full;
  const chars = [...headline];
  return chars.length <= 70 ? headline : `${chars.slice(0, 69).join("")}…`;
}

function articlePage(view: ArticleView, issue: IssueView): string {
  const { title, date } = issue.issue;
  const ld = `<script type="application/ld+json">\n${scriptJson(newsArticleLd(view, title, date))}\n</script>\n`;
  const header =
    `<header class="site-header"><a href="../index.html#page-${view.pageIndex}">` +
    `${escapeText(title)}, ${escapeText(date)}</a></header>\n`;
  return page(
    issue.language,
    documentTitle(view.title, title),
    "../style.css",
    ld,
    `${header}<main>\n${articleMarkup(view, issue.words)}</main>\n`,
  );
}

function indexPage(issue: IssueView): string {
  const { title, date } = issue.issue;
  const words = issue.words;
  const pages = issue.byPage.filter((p) => p.articles.length > 0);
  const nav = pages
    .map((p) => `<li><a href="#page-${p.pageIndex}">${escapeText(words.page(p.page.number))}</a></li>`)
    .join("\n");
  const sections = pages
    .map((p) => {
      const section = p.section ? ` <span class="section">${escapeText(p.section)}</span>` : "";
      const items = p.articles
        .map((a) => {
          const byline = a.byline ? ` <span class="byline">${escapeText(a.byline)}</span>` : "";
          const mark = a.untitled ? ' class="untitled"' : "";
          return `<li lang="${escapeAttr(a.language)}"${mark}><a href="articles/${a.key}.html">${escapeText(a.title)}</a>${byline}</li>`;
        })
        .join("\n");
      return (
        `<section id="page-${p.pageIndex}" aria-labelledby="h-page-${p.pageIndex}">\n` +
        `<h2 id="h-page-${p.pageIndex}">${escapeText(words.page(p.page.number))}${section}</h2>\n` +
        `<ul class="articles">\n${items}\n</ul>\n</section>\n`
      );
    })
    .join("");
  const body =
    `<main>\n<h1>${escapeText(title)}</h1>\n<p class="date"><time datetime="${escapeAttr(date)}">${escapeText(date)}</time>` +
    ` · ${escapeText(words.articlesOnPages(issue.articles.length, issue.issue.pages.length))}</p>\n` +
    `<nav aria-label="${escapeAttr(words.pages)}">\n<ol class="pages">\n${nav}\n</ol>\n</nav>\n${sections}</main>\n`;
  return page(issue.language, `${title}, ${date}`, "style.css", "", body);
}

/**
 * Exports the issue as a static site in a zip: `index.html` (the issue by page, each page
 * headed with its section when printed), `style.css`, and `articles/KEY.html` per article
 * (KEY as "p003-a2": page position and article id) with its schema.org `NewsArticle` JSON-LD.
 * Every page is HTML5 with `lang` on the document and on each article; the site's own words
 * (page labels, the count) are in the issue's language. An article printed without a headline
 * is marked: `data-untitled` on its `<article>`, `class="untitled"` on its title and index entry.
 */
export function exportHtml(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const entries: ZipEntry[] = [
    { path: "index.html", data: indexPage(issue) },
    { path: "style.css", data: siteCss },
    ...issue.articles.map((a) => ({ path: `articles/${a.key}.html`, data: articlePage(a, issue) })),
  ];
  return {
    filename: `${fileBase(input)}-html.zip`,
    contentType: "application/zip",
    bytes: zipFiles(entries, now),
  };
}
