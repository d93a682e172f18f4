import { viewIssue } from "../model/issue-view.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { zipFiles } from "../zip/zip-files.ts";
import { fileBase } from "./file-names.ts";
import { nitfElement } from "./nitf-document.ts";

/** Exports the issue as a zip of NITF 3.6 documents, one per article: `nitf/KEY.xml` (see `nitfElement`). */
export function exportNitf(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const context = { issueId: input.id, issueTitle: input.title, date: input.date };
  const entries = issue.articles.map((a) => ({
    path: `nitf/${a.key}.xml`,
    data: `<?xml version="1.0" encoding="UTF-8"?>\n${nitfElement(a, context)}\n`,
  }));
  return {
    filename: `${fileBase(input)}-nitf.zip`,
    contentType: "application/zip",
    bytes: zipFiles(entries, now),
  };
}
