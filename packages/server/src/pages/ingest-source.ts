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

/** What `linesFromSource` reads: the stored OCR text (the upload, or a scan's hOCR) and the page's record. */
export interface LinesInput {
  /** The OCR file's bytes, or the hOCR text OCR made of a scan. */
  text: Uint8Array | string;
  format: SourceFormat;
  width: number | null;
  height: number | null;
}

/** The stored OCR text of a page (a scan's hOCR, else the upload) with what `linesFromSource` needs. Throws 404 for no such page. */
export async function readLinesInput(storage: Storage, page: PageRecord): Promise<LinesInput> {
  const source = await storage.getPageSource(page.id);
  if (!source) throw new HTTPException(404, { message: `no page ${page.id}` });
  return {
    text: source.ocrText ?? source.bytes,
    format: page.format,
    width: page.width,
    height: page.height,
  };
}

/**
 * Reads a page's stored source back into `SourceLine`s, in the calling thread (the CLI; the
 * server goes through its worker pool). The source of an image page is the hOCR its OCR produced.
 */
export async function loadPageLines(storage: Storage, page: PageRecord): Promise<PageLines> {
  // Loaded on first use: the readers are most of core's code.
  const { linesFromSource } = await import("./lines-from-source.ts");
  return linesFromSource(await readLinesInput(storage, page));
}
