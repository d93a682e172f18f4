import type { Block } from "@galley/core";
import type { EditedArticle } from "@galley/doc";
import { cleanInline } from "../text/clean-text.ts";
import type { IssueInput, IssuePage } from "../types.ts";
import { stripInlineSpans } from "./inline-spans.ts";
import { detectLanguage, safeLanguageTag } from "./language.ts";
import { type ExportWords, exportWords } from "./words.ts";

/**
 * One article as every format except JSON reads it: text cleaned (see `cleanText`) and
 * folded to one line per block, inline datelines/bylines stripped from the body, captions
 * gathered, print position worked out.
 */
export interface ArticleView {
  /** Unique in the issue and safe as a file name and an XML ID: "p003-a2". */
  key: string;
  /** 1-based position in the issue's reading order. */
  order: number;
  page: IssuePage;
  /** 1-based position of the page in the issue (its physical sequence). */
  pageIndex: number;
  article: EditedArticle;
  /** The title to show: the headline, else the start of the body, else "Article ID". */
  title: string;
  /** True when the article has no headline and `title` was made from its first words (or id). */
  untitled: boolean;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  dateline: string | null;
  byline: string | null;
  /** Body paragraphs, with inline dateline/byline spans removed. */
  paragraphs: string[];
  /** Captions the reconstruction attached to this article. */
  captions: string[];
  /** 1-based column of the page where the body starts, when the page has columns. */
  column: number | null;
  /** The page's section name (furniture of kind "section"), when printed. */
  section: string | null;
  /** BCP 47 tag for the article's text. */
  language: string;
}

/** The whole issue, flattened for the writers. */
export interface IssueView {
  issue: IssueInput;
  /** Issue language (the issue's, else the first page's source language), or "und". */
  language: string;
  /** The exporters' own words in the issue's language. */
  words: ExportWords;
  articles: ArticleView[];
  /** Articles by page, pages in issue order (pages without articles included, empty). */
  byPage: { page: IssuePage; pageIndex: number; section: string | null; articles: ArticleView[] }[];
}

function text(block: Block | null): string | null {
  const t = block ? cleanInline(block.text) : "";
  return t.length ? t : null;
}

function pad(n: number): string {
  return String(n).padStart(3, "0");
}

function safeKey(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40) || "x";
}

function columnOf(page: IssuePage, article: EditedArticle): number | null {
  const first = article.paragraphs[0]?.lines[0] ?? article.headline?.lines[0];
  if (first === undefined) return null;
  const at = page.page.columns.findIndex((c) => c.lines.includes(first));
  return at >= 0 ? at + 1 : null;
}

function sectionOf(page: IssuePage): string | null {
  const flag = page.page.other.find((b) => b.kind === "section");
  return flag ? text(flag) : null;
}

function titleOf(headline: string | null, paragraphs: string[], id: string, words: ExportWords): string {
  if (headline) return headline;
  const first = paragraphs[0];
  if (first) return [...first].length > 60 ? `${[...first].slice(0, 60).join("")}…` : first;
  return words.article(id);
}

/** Flattens an issue into the views the writers read. Pure. */
export function viewIssue(issue: IssueInput): IssueView {
  const language = safeLanguageTag(
    issue.language ?? issue.pages.find((p) => p.page.source.language)?.page.source.language,
  );
  const words = exportWords(language);
  const articles: ArticleView[] = [];
  const byPage: IssueView["byPage"] = [];
  const keys = new Set<string>();
  issue.pages.forEach((page, i) => {
    const pageIndex = i + 1;
    const section = sectionOf(page);
    const pageLanguage = page.page.source.language ? safeLanguageTag(page.page.source.language) : language;
    const mine: ArticleView[] = [];
    for (const article of page.page.articles) {
      let key = `p${pad(pageIndex)}-${safeKey(article.id)}`;
      for (let n = 2; keys.has(key); n++) key = `p${pad(pageIndex)}-${safeKey(article.id)}-${n}`;
      keys.add(key);
      const paragraphs = stripInlineSpans(article.paragraphs, [article.dateline, article.byline])
        .map(cleanInline)
        .filter((p) => p.length > 0);
      const headline = text(article.headline);
      const sample = [headline, ...paragraphs.slice(0, 3)].filter(Boolean).join(" ");
      const view: ArticleView = {
        key,
        order: articles.length + 1,
        page,
        pageIndex,
        article,
        title: titleOf(headline, paragraphs, article.id, words),
        untitled: headline === null,
        kicker: text(article.kicker),
        headline,
        subheadline: text(article.subheadline),
        dateline: text(article.dateline),
        byline: text(article.byline),
        paragraphs,
        captions: page.page.captions
          .filter((c) => c.article === article.id)
          .map((c) => text(c))
          .filter((c): c is string => c !== null),
        column: columnOf(page, article),
        section,
        language: detectLanguage(sample, pageLanguage === "und" ? undefined : pageLanguage),
      };
      articles.push(view);
      mine.push(view);
    }
    byPage.push({ page, pageIndex, section, articles: mine });
  });
  return { issue, language, words, articles, byPage };
}
