import { viewIssue } from "../model/issue-view.ts";
import { safeLanguageTag } from "../model/language.ts";
import { layoutPage } from "../model/page-layout.ts";
import type { ExportResult, IssueInput } from "../types.ts";
import { type ZipEntry, zipFiles } from "../zip/zip-files.ts";
import { altoPage } from "./alto-page.ts";
import { fileBase } from "./file-names.ts";
import { type MetsPage, metsDocument } from "./mets.ts";

const imageExtensions: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/tiff": "tif",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/jp2": "jp2",
};

/** Where a page's image goes in the package, when the page has its image bytes. */
function imagePath(page: IssueInput["pages"][number], index: number): string | null {
  if (!page.image?.bytes?.length) return null;
  const ext = imageExtensions[page.image.contentType.split(";")[0]!.trim().toLowerCase()] ?? "bin";
  return `images/${String(index).padStart(4, "0")}.${ext}`;
}

/**
 * Exports the issue for archives: a zip with `mets.xml` (see `metsDocument`), one ALTO 4.4
 * file per page, `alto/NNNN.xml` by physical position (see `altoPage` and `layoutPage`), and,
 * for pages that came as scans with their image bytes, the image as `images/NNNN.EXT` (stored,
 * not recompressed) which the ALTO names as its source image and the METS lists. A METS
 * `structLink` needs at least one link, which the non-empty issue guarantees.
 */
export function exportAlto(input: IssueInput, now: Date): ExportResult {
  const issue = viewIssue(input);
  const files: string[] = [];
  const pages: MetsPage[] = input.pages.map((page, i) => {
    const index = i + 1;
    const layout = layoutPage(page);
    const image = imagePath(page, index);
    const { ids, xml } = altoPage(layout, {
      prefix: `P${index}`,
      physicalNumber: index,
      printedNumber: page.number,
      fileName: image ?? page.id,
      language: page.page.source.language ? safeLanguageTag(page.page.source.language) : issue.language,
    });
    files.push(xml);
    const href = `alto/${String(index).padStart(4, "0")}.xml`;
    const meta: MetsPage = { index, number: page.number, href, layout, ids };
    if (image) meta.image = { href: image, contentType: page.image!.contentType };
    return meta;
  });
  const entries: ZipEntry[] = [
    { path: "mets.xml", data: metsDocument(issue, pages, now) },
    ...pages.map((p, i) => ({ path: p.href, data: files[i]! })),
    ...pages.flatMap((p, i) =>
      p.image ? [{ path: p.image.href, data: input.pages[i]!.image!.bytes!, store: true }] : [],
    ),
  ];
  return {
    filename: `${fileBase(input)}-alto.zip`,
    contentType: "application/zip",
    bytes: zipFiles(entries, now),
  };
}
