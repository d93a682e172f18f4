import { type ArticleView, viewIssue } from "../model/issue-view.ts";
import { escapeMarkdown } from "../text/markdown-escape.ts";
import { frontMatter } from "../text/yaml-front-matter.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { zipFiles } from "../zip/zip-files.ts";
import { fileBase } from "./file-names.ts";

/**
 * One article as Markdown: YAML front matter (`title`, `untitled: true` when the article has no
 * headline and `title` was made from its first words, `kicker`, `subheadline`, `byline`,
 * `dateline`, `date`, `issue`, `page`, `column`, `section`, `language`, `status`, `captions`;
 * absent values left out), then the headline as `#` heading and the body paragraphs (inline
 * dateline/byline removed, since the front matter carries them), each escaped so that it
 * renders as the text it is.
 */
export function articleMarkdown(view: ArticleView, issueTitle: string, date: string): string {
  const head = frontMatter([
    ["title", view.title],
    ["untitled", view.untitled ? true : null],
    ["kicker", view.kicker],
    ["subheadline", view.subheadline],
    ["byline", view.byline],
    ["dateline", view.dateline],
    ["date", date],
    ["issue", issueTitle],
    ["page", view.page.number],
    ["column", view.column],
    ["section", view.section],
    ["language", view.language],
    ["status", view.article.status],
    ["captions", view.captions.length ? view.captions : null],
  ]);
  const body = [`# ${escapeMarkdown(view.title)}`, ...view.paragraphs.map(escapeMarkdown)].join("\n\n");
  return `${head}\n${body}\n`;
}

/** Exports the issue as a zip of Markdown files, one per article: `articles/KEY.md`. */
export function exportMarkdown(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const entries = issue.articles.map((a) => ({
    path: `articles/${a.key}.md`,
    data: articleMarkdown(a, input.title, input.date),
  }));
  return {
    filename: `${fileBase(input)}-markdown.zip`,
    contentType: "application/zip",
    bytes: zipFiles(entries, now),
  };
}
