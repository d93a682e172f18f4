import type { SourceFormat } from "@galley/core";
import type { LineModel } from "@galley/core/model";
import { readImageSize } from "@galley/ocr";
import { HTTPException } from "hono/http-exception";
import { adaptTask } from "../jobs/adapt-task.ts";
import type { Semaphore } from "../jobs/semaphore.ts";
import type { Reconstructed, ReconstructTask } from "../jobs/tasks.ts";
import type { Logger } from "../logger.ts";
import type { PageRecord, Storage } from "../storage/storage.ts";
import { newId } from "./new-id.ts";
import { type ImageType, type RecognizeImage, type RecognizeOptions, sniffImage } from "./ocr.ts";
import { type ChosenModel, isAdapted, PublicationModels, shippedChoice } from "./publication-model.ts";

export { newId };

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
  /** The OCR file, or a scan to OCR. */
  bytes: Uint8Array;
  /** The page image belonging to an hOCR, ALTO or PAGE `bytes`. */
  image?: Uint8Array | null;
}

/** A page just created from an upload, with what the reconstruction could not take as written. */
export interface UploadedPage extends PageRecord {
  /** The reconstruction's `warnings` (a box that is not a usable coordinate, …); empty when none. */
  warnings: string[];
  /** Which model decided the articles: `"shipped"`, `"base"` or `"adapted:N pages"` (see `ChosenModel`). */
  model: string;
}

/** What `checkUpload` found out about an upload. */
export interface CheckedUpload {
  /** The scan's type when `bytes` is an image to OCR, else null. */
  scan: ImageType | null;
  /** The paired image's type, when there is one. */
  imageType: ImageType | null;
  /** The scan's pixel count (for the OCR progress estimate), else 0. */
  pixels: number;
}

/** The phases of an upload, each with the share of the whole it ends at. */
export type UploadPhase = "ocr" | "reconstruct" | "store";

/** Where an upload's heavy work runs and what it may use. */
export interface UploadRuntime {
  storage: Storage;
  ocr: RecognizeImage | null;
  logger: Logger;
  /**
   * Runs the reconstruction (in a worker thread, or in this thread for the CLI), calling
   * `onStart` when it leaves the queue and starts.
   */
  reconstruct(
    task: ReconstructTask,
    transfer: ArrayBuffer[],
    signal: AbortSignal | undefined,
    onStart: () => void,
  ): Promise<Reconstructed>;
  /** Bounds the Tesseract runs at once; absent: no bound. */
  ocrSlots?: Semaphore;
  /** Passed to the OCR engine (memory, threads, nice, timeout). */
  ocrOptions?: Omit<RecognizeOptions, "lang" | "onProgress" | "signal">;
  /** Largest first update, in bytes. */
  maxDocBytes: number;
  /** The model for a new page of the issue (its publication's or the base, see `PublicationModels`); absent: the shipped one. */
  chooseModel?(issueId: string): Promise<ChosenModel>;
}

/**
 * Checks an upload before any heavy work, so its errors can be answered at once: a scan needs
 * an OCR engine (415) and must be within `maxPixels` (413); a declared format must fit the
 * content (415); an `image` part must be an image (415) and belongs with an hOCR, ALTO or
 * PAGE file, not with a scan or plain text (400).
 */
export function checkUpload(
  upload: PageUpload,
  ocr: RecognizeImage | null,
  maxPixels: number,
): CheckedUpload {
  const scan = sniffImage(upload.bytes);
  const imageType = upload.image ? sniffImage(upload.image) : null;
  if (upload.image && !imageType)
    throw new HTTPException(415, { message: "the image part is not a PNG, JPEG or TIFF image" });
  if (scan && upload.image)
    throw new HTTPException(400, {
      message: "the file is an image itself: send an image part only beside an hOCR, ALTO or PAGE file",
    });
  if (upload.image && upload.format === "text")
    throw new HTTPException(400, { message: "plain text has no geometry to pair with an image" });
  let pixels = 0;
  if (scan) {
    if (upload.format && upload.format !== "hocr") {
      throw new HTTPException(415, { message: `the upload is an ${scan} image, not ${upload.format}` });
    }
    if (!ocr) {
      throw new HTTPException(415, {
        message: `the upload is an ${scan} image; this server has no OCR engine configured, so upload the OCR (text, hOCR, ALTO or PAGE XML) instead`,
      });
    }
    const size = readImageSize(upload.bytes);
    if (!size)
      throw new HTTPException(415, { message: `the ${scan} image's header does not state its size` });
    pixels = size.width * size.height;
    if (pixels > maxPixels) {
      throw new HTTPException(413, {
        message: `the image is ${size.width} × ${size.height} pixels (${megapixels(pixels)}), over the OCR limit of ${megapixels(maxPixels)}: scale it down or split it`,
      });
    }
  }
  return { scan, imageType, pixels };
}

/**
 * The upload path: OCRs a scan to hOCR (bounded by `ocrSlots`), reconstructs the OCR text in
 * `runtime.reconstruct`, and creates the page with its source (and image) and its Y.Doc's first
 * update in one storage transaction — a failed or cancelled upload leaves nothing behind.
 * `onProgress` hears each phase with the share of the whole done. `signal` stops the work
 * before the page is stored (the store itself is not interrupted).
 *
 * Throws `InputError` from core for bad OCR input, `HTTPException` for a refused upload or a
 * failed OCR, `JobError` for a limit hit, and `ConflictError` when the page number is taken.
 * The reconstruction's warnings are logged once and returned with the page.
 */
export async function storeUpload(
  upload: PageUpload,
  checked: CheckedUpload,
  runtime: UploadRuntime,
  onProgress: (phase: UploadPhase, fraction: number) => void = () => {},
  signal?: AbortSignal,
): Promise<UploadedPage> {
  const { scan } = checked;
  let text: string | Uint8Array = upload.bytes;
  let format = upload.format;
  let ocrText: string | null = null;
  // Shares of the whole: OCR is most of a scan's time, reconstruction most of a file's.
  const reconstructAt = scan ? 0.8 : 0;
  if (scan && runtime.ocr) {
    ocrText = await recognize(upload, checked, runtime, onProgress, signal);
    text = ocrText;
    format = "hocr";
  }
  signal?.throwIfAborted();
  const chosen = runtime.chooseModel ? await runtime.chooseModel(upload.issueId) : shippedChoice;
  signal?.throwIfAborted();
  // The bytes move to the worker and come back with the result: a 50 MB upload is never copied.
  const transfer = text instanceof Uint8Array && isWholeBuffer(text) ? [text.buffer as ArrayBuffer] : [];
  const reconstructed = await runtime.reconstruct(
    {
      kind: "reconstruct",
      text,
      ...(format ? { format } : {}),
      maxDocBytes: runtime.maxDocBytes,
      ...(chosen.model ? { model: chosen.model } : {}),
    },
    transfer,
    signal,
    () => onProgress("reconstruct", reconstructAt),
  );
  const source = scan ? upload.bytes : (reconstructed.text as Uint8Array);
  signal?.throwIfAborted();
  onProgress("store", 0.95);
  const fields = {
    id: newId("p"),
    issueId: upload.issueId,
    number: upload.number,
    format: reconstructed.format,
    status: "needs-review" as const,
    articleCount: reconstructed.articleCount,
    sourceType: scan ?? textContentType(reconstructed.format, source),
    width: reconstructed.width,
    height: reconstructed.height,
    createdAt: new Date().toISOString(),
  };
  const image =
    upload.image && checked.imageType ? { bytes: upload.image, contentType: checked.imageType } : null;
  await runtime.storage.createPage({ ...fields, source, ocrText, firstUpdate: reconstructed.update, image });
  const { warnings } = reconstructed;
  if (warnings.length > 0)
    runtime.logger.warn("page read with warnings", { issue: upload.issueId, page: fields.id, warnings });
  if (isAdapted(chosen))
    runtime.logger.info("page reconstructed with its publication's model", {
      issue: upload.issueId,
      page: fields.id,
      model: chosen.label,
    });
  return {
    ...fields,
    sourceSize: source.byteLength,
    imageType: image?.contentType ?? null,
    warnings,
    model: chosen.label,
  };
}

/**
 * `storeUpload` in the calling thread, without limits on OCR: the CLI's demo page, imports and
 * tests. The server goes through its worker pool. A page of an issue with a publication is
 * reconstructed with the model adapted to that publication's approved pages, fitted in this
 * thread too; pass `models` to keep the adapted models from one call to the next, or to decide
 * with and adapt from another base model than the shipped one.
 */
export async function createPageFromUpload(
  storage: Storage,
  upload: PageUpload,
  ocr: RecognizeImage | null,
  logger: Logger,
  models?: PublicationModels,
): Promise<UploadedPage> {
  const checked = checkUpload(upload, ocr, Number.POSITIVE_INFINITY);
  const { runTask } = await import("../jobs/tasks.ts");
  const chooser =
    models ??
    new PublicationModels({
      storage,
      logger,
      adapt: async (pages, base) => runTask(adaptTask(pages, base)) as LineModel,
    });
  return storeUpload(upload, checked, {
    storage,
    ocr,
    logger,
    maxDocBytes: Number.POSITIVE_INFINITY,
    reconstruct: async (task, _transfer, _signal, onStart) => {
      onStart();
      return runTask(task) as Reconstructed;
    },
    chooseModel: (issueId) => chooser.forIssue(issueId),
  });
}

async function recognize(
  upload: PageUpload,
  checked: CheckedUpload,
  runtime: UploadRuntime,
  onProgress: (phase: UploadPhase, fraction: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const release = runtime.ocrSlots ? await runtime.ocrSlots.acquire(signal) : () => {};
  onProgress("ocr", 0);
  const started = Date.now();
  // Tesseract says nothing while it works: the bar moves on an estimate from the pixel count
  // (about 0.4 megapixels a second here), slowing as it nears the end of the OCR share.
  const expectedMs = Math.max(3000, checked.pixels / 400);
  const ticker = setInterval(() => {
    const elapsed = Date.now() - started;
    onProgress("ocr", 0.8 * (0.05 + 0.9 * (1 - Math.exp(-elapsed / expectedMs))));
  }, 500);
  try {
    const { hocr } = await runtime.ocr!(upload.bytes, {
      ...runtime.ocrOptions,
      ...(upload.lang ? { lang: upload.lang } : {}),
      ...(signal ? { signal } : {}),
      onProgress: (fraction) => onProgress("ocr", 0.8 * fraction),
    });
    runtime.logger.info("ocr done", { issue: upload.issueId, page: upload.number, ms: Date.now() - started });
    return hocr;
  } catch (error) {
    throw ocrFailure(error);
  } finally {
    clearInterval(ticker);
    release();
  }
}

/**
 * An OCR engine's failure as an HTTP error. `@galley/ocr`'s `OcrError` codes are read by name:
 * a missing Tesseract or language is the server's (503, the message names the Debian package),
 * an unreadable or oversized image the upload's (415, 413), a run out of memory 422.
 */
function ocrFailure(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (error.name !== "OcrError") return error;
  const code = (error as Error & { code?: string }).code;
  if (code === "cancelled") return error;
  const status =
    code === "not-an-image"
      ? 415
      : code === "too-large"
        ? 413
        : code === "failed" || code === "memory"
          ? 422
          : 503;
  return new HTTPException(status, { message: `OCR failed: ${error.message}` });
}

function isWholeBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

function megapixels(pixels: number): string {
  const mp = pixels / 1e6;
  return `${mp >= 10 ? Math.round(mp) : mp.toFixed(1)} megapixels`;
}

function textContentType(format: SourceFormat, bytes: Uint8Array): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = utf16 ? "" : "; charset=utf-8";
  if (format === "hocr") return `text/html${charset}`;
  if (format === "alto" || format === "page") return `application/xml${charset}`;
  return `text/plain${charset}`;
}
