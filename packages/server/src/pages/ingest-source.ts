import type { Graphic, SourceFormat, SourceLine } from "@galley/core";
import { HTTPException } from "hono/http-exception";
import type { PageRecord, Storage } from "../storage/storage.ts";

/** A page's source as lines, with what geometry the source has (`GET /api/pages/:pageId/lines`). */
export interface PageLines {
  format: SourceFormat;
  /** Page size in pixels, when the source has geometry. */
  width: number | null;
  height: number | null;
  /** Ids, text, and — when the format has them — boxes, word boxes and confidences, font sizes. */
  lines: SourceLine[];
  /** Pictures and rules the source marks, in page pixels. */
  graphics: Graphic[];
}

/**
 * Reads a page's stored source back into `SourceLine`s with core's `ingest` for the page's
 * format. The source of an image page is the hOCR its OCR produced.
 */
export async function loadPageLines(storage: Storage, page: PageRecord): Promise<PageLines> {
  const source = await storage.getPageSource(page.id);
  if (!source) throw new HTTPException(404, { message: `no page ${page.id}` });
  // Loaded on first use, like the reconstruction: the readers are most of core's code.
  const { ingest } = await import("@galley/core");
  const ingested = ingest(source.ocrText ?? source.bytes, page.format);
  return {
    format: page.format,
    width: ingested.width ?? page.width,
    height: ingested.height ?? page.height,
    lines: ingested.lines,
    graphics: ingested.graphics,
  };
}
