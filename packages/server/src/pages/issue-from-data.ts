import { readEditedPage, type SetAsidePart } from "@galley/doc";
import type { IssueInput, IssuePage } from "@galley/export";
import { buildDoc } from "../sync/doc-state.ts";
import type { StoredIssueData } from "./issue-data.ts";
import { linesFromSource } from "./lines-from-source.ts";

/**
 * Interprets an issue read by `readIssueData` as the exporters read it: every page as currently
 * edited (its stored Y.Doc through `readEditedPage`) with its source lines, its image, and the
 * original OCR upload (for a scan: the hOCR its OCR produced). Content a page holds that the page
 * schema does not allow is left out and passed to `onSetAside`. Pure CPU, run in a worker by the
 * server. Throws `DocLoadError` when a page's stored state does not load.
 */
export function issueFromData(
  data: StoredIssueData,
  onSetAside: (pageId: string, parts: SetAsidePart[]) => void = () => {},
): IssueInput {
  const pages: IssuePage[] = [];
  for (const { record, stored, source, image } of data.pages) {
    const doc = buildDoc(stored, record.id);
    const { page, setAside } = readEditedPage(doc);
    doc.destroy();
    if (setAside.length > 0) onSetAside(record.id, setAside);
    const entry: IssuePage = { id: record.id, number: record.number, page };
    if (source) {
      const text = source.ocrText ?? source.bytes;
      entry.lines = linesFromSource({
        text,
        format: record.format,
        width: record.width,
        height: record.height,
      }).lines;
    }
    if (image) {
      entry.image = {
        width: record.width ?? 0,
        height: record.height ?? 0,
        contentType: image.contentType,
        bytes: image.bytes,
      };
    }
    if (source && record.sourceType.startsWith("image/")) {
      if (source.ocrText !== null) {
        entry.source = {
          format: record.format,
          contentType: "text/html; charset=utf-8",
          bytes: new TextEncoder().encode(source.ocrText),
        };
      }
    } else if (source) {
      entry.source = { format: record.format, contentType: source.contentType, bytes: source.bytes };
    }
    pages.push(entry);
  }
  const { issue } = data;
  const language = pages.map((p) => p.page.source.language).find((l) => l);
  return {
    id: issue.id,
    title: issue.title,
    date: issue.date,
    ...(issue.publication ? { publication: issue.publication } : {}),
    ...(language ? { language } : {}),
    pages,
  };
}
