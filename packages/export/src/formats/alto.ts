import { viewIssue } from "../model/issue-view.ts";
import { safeLanguageTag } from "../model/language.ts";
import { layoutPage } from "../model/page-layout.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { type ZipEntry, zipFiles } from "../zip/zip-files.ts";
import { altoPage } from "./alto-page.ts";
import { fileBase } from "./file-names.ts";
import { type MetsPage, metsDocument } from "./mets.ts";

/**
 * Exports the issue for archives: a zip with `mets.xml` (see `metsDocument`) and one ALTO 4.4
 * file per page, `alto/NNNN.xml` by physical position (see `altoPage` and `layoutPage`). A
 * METS `structLink` needs at least one link, which the non-empty issue guarantees.
 */
export function exportAlto(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const files: string[] = [];
  const pages: MetsPage[] = input.pages.map((page, i) => {
    const index = i + 1;
    const layout = layoutPage(page);
    const { ids, xml } = altoPage(layout, {
      prefix: `P${index}`,
      physicalNumber: index,
      printedNumber: page.number,
      fileName: page.id,
      language: page.page.source.language ? safeLanguageTag(page.page.source.language) : issue.language,
    });
    files.push(xml);
    return { index, number: page.number, href: `alto/${String(index).padStart(4, "0")}.xml`, layout, ids };
  });
  const entries: ZipEntry[] = [
    { path: "mets.xml", data: metsDocument(issue, pages, now) },
    ...pages.map((p, i) => ({ path: p.href, data: files[i]! })),
  ];
  return {
    filename: `${fileBase(input)}-alto.zip`,
    contentType: "application/zip",
    bytes: zipFiles(entries, now),
  };
}
