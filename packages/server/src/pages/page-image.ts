import type { PageImage, PageRecord, Storage } from "../storage/storage.ts";

/** Whether a page has an image: it was a scan, or an image was uploaded beside its OCR file. */
export function hasImage(page: PageRecord): boolean {
  return page.sourceType.startsWith("image/") || Boolean(page.imageType);
}

/** A page's image: the scan itself, or the image uploaded beside its OCR file; null when it has none. */
export async function loadPageImage(storage: Storage, page: PageRecord): Promise<PageImage | null> {
  if (page.sourceType.startsWith("image/")) {
    const source = await storage.getPageSource(page.id);
    return source ? { bytes: source.bytes, contentType: source.contentType } : null;
  }
  if (!page.imageType) return null;
  return storage.getPageImage(page.id);
}
