import type { IssueRecord, PageImage, PageRecord, Storage, StoredDoc } from "../storage/storage.ts";
import { loadPageImage } from "./page-image.ts";

/** One page of an issue as stored: its record, its document's stored state, source and image. */
export interface StoredPageData {
  record: PageRecord;
  stored: StoredDoc;
  source: { bytes: Uint8Array; contentType: string; ocrText: string | null } | null;
  /** The scan, or the image uploaded beside the OCR file. */
  image: PageImage | null;
}

/** An issue as stored, read but not yet interpreted (the input of `issueFromData`). */
export interface StoredIssueData {
  issue: IssueRecord;
  pages: StoredPageData[];
}

/**
 * Reads everything an export needs of an issue from storage, page by page, yielding to the event
 * loop between pages so a big issue never holds other requests up. No interpretation: building
 * the documents and reading the sources is `issueFromData`'s (CPU work, run in a worker).
 * Returns null when there is no such issue.
 */
export async function readIssueData(storage: Storage, issueId: string): Promise<StoredIssueData | null> {
  const issue = await storage.getIssue(issueId);
  if (!issue) return null;
  const pages: StoredPageData[] = [];
  for (const record of await storage.listPages(issueId)) {
    const stored = await storage.loadDoc(record.id);
    if (!stored) continue;
    const source = await storage.getPageSource(record.id);
    const image = record.sourceType.startsWith("image/")
      ? source && { bytes: source.bytes, contentType: source.contentType }
      : await loadPageImage(storage, record);
    pages.push({ record, stored, source, image });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { issue, pages };
}

/** The `ArrayBuffer`s of `data` that can be moved to a worker rather than copied (each once). */
export function transferablesOf(data: StoredIssueData): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  const add = (bytes: Uint8Array | null | undefined) => {
    // Only a buffer the view covers whole: a slice of a shared pool must be copied, not moved.
    if (!bytes || !(bytes.buffer instanceof ArrayBuffer)) return;
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) return;
    seen.add(bytes.buffer);
  };
  for (const page of data.pages) {
    add(page.stored.snapshot);
    for (const update of page.stored.updates) add(update);
    add(page.source?.bytes);
    add(page.image?.bytes);
  }
  return [...seen];
}
