import type { ArticleView } from "../model/issue-view.ts";

/** The schema.org `NewsArticle` an article page describes itself with. */
export interface NewsArticleLd {
  "@context": "https://schema.org";
  "@type": "NewsArticle";
  headline: string;
  alternativeHeadline?: string;
  author?: { "@type": "Person"; name: string }[];
  dateline?: string;
  datePublished: string;
  printPage: string;
  printColumn?: string;
  printSection?: string;
  articleBody: string;
  inLanguage: string;
  isPartOf: { "@type": "PublicationIssue"; name: string; datePublished: string };
}

/** The author's name from a printed byline: a leading English "By" is dropped, the rest kept as printed. */
export function authorName(byline: string): string {
  return byline.replace(/^by\s+/i, "").trim() || byline;
}

/**
 * Builds the JSON-LD of one article: `headline` (the title), `alternativeHeadline` (the
 * subheadline, else the kicker), `author` (from the byline), `dateline`, `datePublished` (the
 * issue date), `printPage` (the printed page number), `printColumn` and `printSection` when
 * known, `articleBody` (paragraphs joined by blank lines, inline dateline/byline removed),
 * `inLanguage` and the issue as `isPartOf`.
 */
export function newsArticleLd(view: ArticleView, issueTitle: string, date: string): NewsArticleLd {
  const ld: NewsArticleLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: view.title,
    datePublished: date,
    printPage: String(view.page.number),
    articleBody: view.paragraphs.join("\n\n"),
    inLanguage: view.language,
    isPartOf: { "@type": "PublicationIssue", name: issueTitle, datePublished: date },
  };
  const alternative = view.subheadline ?? view.kicker;
  if (alternative) ld.alternativeHeadline = alternative;
  if (view.byline) ld.author = [{ "@type": "Person", name: authorName(view.byline) }];
  if (view.dateline) ld.dateline = view.dateline;
  if (view.column !== null) ld.printColumn = String(view.column);
  if (view.section) ld.printSection = view.section;
  return ld;
}

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` element: `<`, `>` and `&`
 * are written as `\u003c`, `\u003e`, `\u0026`, so text such as `</script>` or `<!--` in an
 * article cannot end the script early; the JSON value is unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
}
