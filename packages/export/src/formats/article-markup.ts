import type { ArticleView } from "../model/issue-view.ts";
import type { ExportWords } from "../model/words.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";

/** "Page 3 · Column 2 · Economy": where the article was printed, for a reader, in `words`' language. */
export function printPosition(view: ArticleView, words: ExportWords): string {
  const parts = [words.page(view.page.number)];
  if (view.column !== null) parts.push(words.column(view.column));
  if (view.section) parts.push(view.section);
  return parts.join(" · ");
}

function line(tag: string, cls: string, text: string | null): string {
  return text ? `<${tag} class="${cls}">${escapeText(text)}</${tag}>\n` : "";
}

/**
 * The `<article>` element of one article, shared by the HTML site and the EPUB: kicker,
 * headline (`h1`; for an article printed without a headline, its title made from its first
 * words, marked `class="untitled"` and followed by a note saying so), subheadline, byline and
 * dateline in a `header`, body paragraphs (inline spans stripped), captions as
 * `figure/figcaption`, and the print position in a `footer`. Markup is both valid HTML5 and
 * well-formed XHTML (no void elements, every value escaped), and carries `lang`.
 */
export function articleMarkup(view: ArticleView, words: ExportWords): string {
  const title = view.untitled
    ? `<h1 class="untitled">${escapeText(view.title)}</h1>\n<p class="untitled-note">${escapeText(words.noHeadline)}</p>\n`
    : `<h1>${escapeText(view.title)}</h1>\n`;
  const head =
    line("p", "kicker", view.kicker) +
    title +
    line("p", "subheadline", view.subheadline) +
    line("p", "byline", view.byline) +
    line("p", "dateline", view.dateline);
  const body = view.paragraphs.map((p) => `<p>${escapeText(p)}</p>\n`).join("");
  const captions = view.captions
    .map((c) => `<figure class="caption"><figcaption>${escapeText(c)}</figcaption></figure>\n`)
    .join("");
  const lang = escapeAttr(view.language);
  return (
    `<article id="${escapeAttr(view.key)}" lang="${lang}" data-status="${escapeAttr(view.article.status)}"` +
    `${view.untitled ? ' data-untitled="true"' : ""}>\n` +
    `<header>\n${head}</header>\n${body}${captions}` +
    `<footer><p class="print">${escapeText(printPosition(view, words))}</p></footer>\n</article>\n`
  );
}
