import { randomBytes } from "node:crypto";
import type { SourceFormat } from "@galley/core";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../logger.ts";
import type { PageRecord, Storage } from "../storage/storage.ts";
import { type RecognizeImage, sniffImage } from "./ocr.ts";

/** The OCR formats a page upload may declare with `?format=`. */
export const uploadFormats: readonly SourceFormat[] = ["text", "hocr", "alto", "page"];

/** One page upload, as the route received it. */
export interface PageUpload {
  issueId: string;
  number: number;
  /** The declared format; detected from the content when absent. */
  format?: SourceFormat;
  /** Tesseract languages for an image, e.g. `chi_sim+eng`. */
  lang?: string;
  bytes: Uint8Array;
}

/** A page just created from an upload, with what the reconstruction could not take as written. */
export interface UploadedPage extends PageRecord {
  /** The reconstruction's `warnings` (a box that is not a usable coordinate, …); empty when none. */
  warnings: string[];
}

/**
 * The upload path: stores the bytes as the page's source, reconstructs them (an image goes
 * through `ocr` to hOCR first), and creates the page with its Y.Doc's first update — one
 * storage transaction, so a failed upload leaves nothing behind.
 *
 * Throws `InputError` from core for bad OCR input, 415 for an image without OCR, and
 * `ConflictError` when the page number is taken. The reconstruction's warnings are logged once
 * and returned with the page.
 */
export async function createPageFromUpload(
  storage: Storage,
  upload: PageUpload,
  ocr: RecognizeImage | null,
  logger: Logger,
): Promise<UploadedPage> {
  const image = sniffImage(upload.bytes);
  let text: string | Uint8Array = upload.bytes;
  let format = upload.format;
  let ocrText: string | null = null;
  if (image) {
    if (format && format !== "hocr") {
      throw new HTTPException(415, { message: `the upload is an ${image} image, not ${format}` });
    }
    if (!ocr) {
      throw new HTTPException(415, {
        message: `the upload is an ${image} image; this server has no OCR engine configured, so upload the OCR (text, hOCR, ALTO or PAGE XML) instead`,
      });
    }
    const started = Date.now();
    let hocr: string;
    try {
      ({ hocr } = await ocr(upload.bytes, {
        ...(upload.lang ? { lang: upload.lang } : {}),
        onProgress: (fraction) =>
          logger.info("ocr progress", { issue: upload.issueId, page: upload.number, fraction }),
      }));
    } catch (error) {
      throw ocrFailure(error);
    }
    logger.info("ocr done", { issue: upload.issueId, page: upload.number, ms: Date.now() - started });
    text = hocr;
    ocrText = hocr;
    format = "hocr";
  }
  // Loaded on first upload: a server that only syncs pages never holds the reconstruction code.
  const { reconstructToUpdate } = await import("./reconstruct-upload.ts");
  const { page, update } = reconstructToUpdate(text, format);
  const fields = {
    id: newId("p"),
    issueId: upload.issueId,
    number: upload.number,
    format: page.source.format,
    status: "needs-review" as const,
    articleCount: page.articles.length,
    sourceType: image ?? textContentType(page.source.format, upload.bytes),
    width: page.source.width ?? null,
    height: page.source.height ?? null,
    createdAt: new Date().toISOString(),
  };
  await storage.createPage({ ...fields, source: upload.bytes, ocrText, firstUpdate: update });
  const warnings = page.warnings ?? [];
  if (warnings.length > 0)
    logger.warn("page read with warnings", { issue: upload.issueId, page: fields.id, warnings });
  return { ...fields, sourceSize: upload.bytes.byteLength, warnings };
}

/** A short random id with a one-letter kind prefix: `p-…` pages, `i-…` issues (12 base-32 characters). */
export function newId(prefix: string): string {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  const bytes = randomBytes(12);
  let id = "";
  for (const b of bytes) id += alphabet[b & 31];
  return `${prefix}-${id}`;
}

/**
 * An OCR engine's failure as an HTTP error. `@galley/ocr`'s `OcrError` codes are read by name
 * (the server does not depend on that package): a missing Tesseract or language is the
 * server's (503, the message names the Debian package), an unreadable image the upload's.
 */
function ocrFailure(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (error.name !== "OcrError") return error;
  const code = (error as Error & { code?: string }).code;
  const status = code === "not-an-image" ? 415 : code === "failed" ? 422 : 503;
  return new HTTPException(status, { message: `OCR failed: ${error.message}` });
}

function textContentType(format: SourceFormat, bytes: Uint8Array): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = utf16 ? "" : "; charset=utf-8";
  if (format === "hocr") return `text/html${charset}`;
  if (format === "alto" || format === "page") return `application/xml${charset}`;
  return `text/plain${charset}`;
}
