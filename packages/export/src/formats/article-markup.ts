import type { ArticleView } from "../model/issue-view.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";

/** "Page 3 · Column 2 · Economy": where the article was printed, for a reader. */
export function printPosition(view: ArticleView): string {
  const parts = [`Page ${view.page.number}`];
  if (view.column !== null) parts.push(`Column ${view.column}`);
  if (view.section) parts.push(view.section);
  return parts.join(" · ");
}

function line(tag: string, cls: string, text: string | null): string {
  return text ? `<${tag} class="${cls}">${escapeText(text)}</${tag}>\n` : "";
}

/**
 * The `<article>` element of one article, shared by the HTML site and the EPUB: kicker,
 * headline (`h1`; the article's title when it has no headline), subheadline, byline and
 * dateline in a `header`, body paragraphs (inline spans stripped), captions as
 * `figure/figcaption`, and the print position in a `footer`. Markup is both valid HTML5 and
 * well-formed XHTML (no void elements, every value escaped), and carries `lang`.
 */
export function articleMarkup(view: ArticleView): string {
  const head =
    line("p", "kicker", view.kicker) +
    `<h1>${escapeText(view.title)}</h1>\n` +
    line("p", "subheadline", view.subheadline) +
    line("p", "byline", view.byline) +
    line("p", "dateline", view.dateline);
  const body = view.paragraphs.map((p) => `<p>${escapeText(p)}</p>\n`).join("");
  const captions = view.captions
    .map((c) => `<figure class="caption"><figcaption>${escapeText(c)}</figcaption></figure>\n`)
    .join("");
  const lang = escapeAttr(view.language);
  return (
    `<article id="${escapeAttr(view.key)}" lang="${lang}" data-status="${escapeAttr(view.article.status)}">\n` +
    `<header>\n${head}</header>\n${body}${captions}` +
    `<footer><p class="print">${escapeText(printPosition(view))}</p></footer>\n</article>\n`
  );
}
