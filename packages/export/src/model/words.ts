import { isCjkLanguage } from "./language.ts";

/**
 * The exporters' own words (page and column labels, counts, navigation headings, the mark of an
 * article with no headline), in the issue's language: Chinese for a `zh` issue, English
 * otherwise. A `lang="zh"` site says 第 1 版, not "Page 1".
 */
export interface ExportWords {
  /** "Page 3" / "第 3 版". */
  page(number: number): string;
  /** "Column 2" / "第 2 栏". */
  column(number: number): string;
  /** "19 articles on 3 pages" / "3 个版面，19 篇文章". */
  articlesOnPages(articles: number, pages: number): string;
  /** Heading of the list of pages. */
  pages: string;
  /** Heading of the table of contents. */
  contents: string;
  /** Heading of the EPUB landmarks. */
  landmarks: string;
  /** The EPUB landmark of the first article. */
  firstArticle: string;
  /** Said of an article printed without a headline, whose title is made from its first words. */
  noHeadline: string;
  /** The title of an article with neither headline nor text: "Article a3". */
  article(id: string): string;
}

const english: ExportWords = {
  page: (n) => `Page ${n}`,
  column: (n) => `Column ${n}`,
  articlesOnPages: (a, p) => `${a} ${a === 1 ? "article" : "articles"} on ${p} ${p === 1 ? "page" : "pages"}`,
  pages: "Pages",
  contents: "Contents",
  landmarks: "Landmarks",
  firstArticle: "First article",
  noHeadline: "No headline in print",
  article: (id) => `Article ${id}`,
};

const chinese: ExportWords = {
  page: (n) => `第 ${n} 版`,
  column: (n) => `第 ${n} 栏`,
  articlesOnPages: (a, p) => `${p} 个版面，${a} 篇文章`,
  pages: "版面",
  contents: "目录",
  landmarks: "导航",
  firstArticle: "第一篇文章",
  noHeadline: "原版无标题",
  article: (id) => `文章 ${id}`,
};

/** The words for an issue in `language` (a BCP 47 tag, or "und"). */
export function exportWords(language: string): ExportWords {
  return isCjkLanguage(language) && /^(zh|cmn|yue)/i.test(language) ? chinese : english;
}
