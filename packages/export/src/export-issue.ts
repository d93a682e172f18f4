import { ExportError } from "./errors.ts";
import { exportAlto } from "./formats/alto.ts";
import { exportEpub } from "./formats/epub.ts";
import { exportHtml } from "./formats/html.ts";
import { exportJson } from "./formats/json.ts";
import { exportMarkdown } from "./formats/markdown.ts";
import { exportNewsml } from "./formats/newsml.ts";
import { exportNitf } from "./formats/nitf.ts";
import { isIsoDate } from "./text/iso-date.ts";
import {
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  exportFormats,
  type IssueInput,
} from "./types.ts";

const writers: Record<ExportFormat, (issue: IssueInput, now: Date) => ExportResult> = {
  json: (issue) => exportJson(issue),
  html: (issue, now) => exportHtml(issue, now),
  markdown: (issue, now) => exportMarkdown(issue, now),
  nitf: (issue, now) => exportNitf(issue, now),
  newsml: (issue, now) => exportNewsml(issue, now),
  epub: (issue, now) => exportEpub(issue, now),
  alto: (issue, now) => exportAlto(issue, now),
};

/** Whether `name` is one of `exportFormats`. */
export function isExportFormat(name: string): name is ExportFormat {
  return (exportFormats as readonly string[]).includes(name);
}

/**
 * Checks that an issue can be exported: a valid ISO date, unique page ids, at least one page
 * and at least one article. Throws `ExportError` (`invalid-issue` or `empty-issue`).
 */
export function checkExportable(issue: IssueInput): void {
  if (!isIsoDate(issue.date)) {
    throw new ExportError(
      "invalid-issue",
      `issue ${issue.id}: date "${issue.date}" is not an ISO date YYYY-MM-DD`,
    );
  }
  const ids = new Set<string>();
  for (const page of issue.pages) {
    if (ids.has(page.id))
      throw new ExportError("invalid-issue", `issue ${issue.id}: duplicate page id "${page.id}"`);
    ids.add(page.id);
  }
  if (issue.pages.length === 0)
    throw new ExportError("empty-issue", `issue ${issue.id} has no pages to export`);
  if (!issue.pages.some((p) => p.page.articles.length > 0)) {
    throw new ExportError(
      "empty-issue",
      `issue ${issue.id} has no articles to export (${issue.pages.length} pages)`,
    );
  }
}

/**
 * Exports an issue to one format: the one entry the CLI, the API and the UI use. Throws
 * `ExportError` with code `unknown-format` (the name is not one of `exportFormats`),
 * `invalid-issue` or `empty-issue` (see `checkExportable`) before anything is written.
 */
export function exportIssue(issue: IssueInput, format: string, options: ExportOptions = {}): ExportResult {
  if (!isExportFormat(format)) {
    throw new ExportError(
      "unknown-format",
      `unknown export format "${format}" (expected ${exportFormats.join(", ")})`,
    );
  }
  checkExportable(issue);
  return writers[format](issue, options.now ?? new Date());
}
