import { readEditedPage, type SetAsidePart } from "@galley/doc";
import type { IssueInput, IssuePage } from "@galley/export";
import type { Storage } from "../storage/storage.ts";
import { buildDoc } from "../sync/doc-state.ts";
import { loadPageLines } from "./ingest-source.ts";

/**
 * Loads an issue as the exporters read it: metadata, and every page as currently edited (from
 * its stored Y.Doc, through `readEditedPage`) with its source lines and, for a scan, the
 * image, and the original OCR upload (for a scan: the hOCR its OCR produced). Content a page
 * holds that the page schema does not allow is left out and passed to `onSetAside`. Returns null
 * when there is no such issue. Throws `DocLoadError` when a page's stored state does not load.
 */
export async function loadIssueInput(
  storage: Storage,
  issueId: string,
  onSetAside: (pageId: string, parts: SetAsidePart[]) => void = () => {},
): Promise<IssueInput | null> {
  const issue = await storage.getIssue(issueId);
  if (!issue) return null;
  const pages: IssuePage[] = [];
  for (const record of await storage.listPages(issueId)) {
    const stored = await storage.loadDoc(record.id);
    if (!stored) continue;
    const doc = buildDoc(stored, record.id);
    const { page, setAside } = readEditedPage(doc);
    doc.destroy();
    if (setAside.length > 0) onSetAside(record.id, setAside);
    const entry: IssuePage = { id: record.id, number: record.number, page };
    entry.lines = (await loadPageLines(storage, record)).lines;
    const source = await storage.getPageSource(record.id);
    if (source && record.sourceType.startsWith("image/")) {
      entry.image = {
        width: record.width ?? 0,
        height: record.height ?? 0,
        contentType: record.sourceType,
        bytes: source.bytes,
      };
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
  const language = pages.map((p) => p.page.source.language).find((l) => l);
  return { id: issue.id, title: issue.title, date: issue.date, ...(language ? { language } : {}), pages };
}
