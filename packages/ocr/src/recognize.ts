import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultMaxPixels, readImageSize } from "./image-size.ts";
import { detectImageType } from "./image-type.ts";
import { languagePackage, OcrError } from "./ocr-error.ts";
import { listLanguages, runTesseract } from "./tesseract.ts";

/** A step of one recognition, reported through `onProgress`. */
export interface OcrProgress {
  stage: "checking" | "recognizing" | "reading" | "done";
  /** Share of the work done, in [0, 1]. */
  fraction: number;
}

/** Options for `recognizeImage`. */
export interface RecognizeOptions {
  /** Tesseract languages joined by "+" (default "chi_sim+eng"). */
  lang?: string;
  /** Called as the recognition moves through its stages. */
  onProgress?: (progress: OcrProgress) => void;
  /** Page segmentation mode (default 3, fully automatic layout analysis). */
  psm?: number;
  /** Resolution to assume when the image does not state one (default 300). */
  dpi?: number;
  /** Stop Tesseract after this long (default 10 minutes). */
  timeoutMs?: number;
  /** The Tesseract executable (default "tesseract" on PATH). */
  binary?: string;
  /** Refuse an image with more pixels than this (`OcrError("too-large")`); default `defaultMaxPixels`. */
  maxPixels?: number;
  /** Cap on Tesseract's address space in bytes (see `runTesseract`); default none. */
  memoryBytes?: number;
  /** OpenMP threads for Tesseract (`OMP_THREAD_LIMIT`); default Tesseract's choice. */
  threads?: number;
  /** Nice value for Tesseract (0–19); default 0. */
  nice?: number;
  /** Stops Tesseract when aborted (`OcrError("cancelled")`). */
  signal?: AbortSignal;
}

/** The hOCR of one page image and the image's size in pixels. */
export interface Recognized {
  hocr: string;
  width: number;
  height: number;
}

/**
 * OCRs one page image (PNG, JPEG or TIFF) with Debian's Tesseract to hOCR. Checks first that
 * Tesseract and every requested language are installed: a missing one is an `OcrError` naming
 * the Debian package (tesseract-ocr, tesseract-ocr-chi-sim, …). Bytes that are no such image (or
 * whose header does not read) are an `OcrError("not-an-image")`; an image over `maxPixels` is
 * refused before Tesseract runs (`too-large`). The size comes from the image's header. The image
 * is written to a private temporary directory that is removed afterwards.
 */
export async function recognizeImage(bytes: Uint8Array, options: RecognizeOptions = {}): Promise<Recognized> {
  const lang = options.lang ?? "chi_sim+eng";
  const report = options.onProgress ?? (() => {});
  const type = detectImageType(bytes);
  if (!type) throw new OcrError("not-an-image", "the file is not a PNG, JPEG or TIFF image");
  const size = readImageSize(bytes);
  if (!size)
    throw new OcrError("not-an-image", `the ${type.toUpperCase()} image's header does not state its size`);
  checkPixels(size, options.maxPixels ?? defaultMaxPixels);
  if (!/^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$/.test(lang)) {
    throw new OcrError("missing-language", `"${lang}" is not a Tesseract language list (e.g. chi_sim+eng)`);
  }
  report({ stage: "checking", fraction: 0 });
  const installed = await listLanguages(options.binary);
  const missing = lang.split("+").filter((l) => !installed.has(l));
  if (missing.length) {
    throw new OcrError(
      "missing-language",
      `Tesseract has no data for ${missing.join(", ")}: install the Debian package ${missing.map(languagePackage).join(" ")}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "galley-ocr-"));
  try {
    const image = join(dir, `page.${type === "jpeg" ? "jpg" : type === "tiff" ? "tif" : "png"}`);
    await writeFile(image, bytes);
    report({ stage: "recognizing", fraction: 0.05 });
    const args = [image, join(dir, "page"), "-l", lang, "--psm", String(options.psm ?? 3)];
    args.push("--dpi", String(options.dpi ?? 300), "hocr");
    await runTesseract(args, {
      ...(options.binary ? { binary: options.binary } : {}),
      timeoutMs: options.timeoutMs ?? 600_000,
      ...(options.memoryBytes ? { memoryBytes: options.memoryBytes } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
      ...(options.nice ? { nice: options.nice } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    report({ stage: "reading", fraction: 0.95 });
    const hocr = await readFile(join(dir, "page.hocr"), "utf8");
    report({ stage: "done", fraction: 1 });
    return { hocr, ...size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Throws `OcrError("too-large")` when an image of `size` has more than `maxPixels` pixels, with
 * a message that names both.
 */
export function checkPixels(size: { width: number; height: number }, maxPixels: number): void {
  const pixels = size.width * size.height;
  if (pixels <= maxPixels) return;
  throw new OcrError(
    "too-large",
    `the image is ${size.width} × ${size.height} pixels (${formatMegapixels(pixels)}), over the OCR limit of ${formatMegapixels(maxPixels)}: scale it down or split it`,
  );
}

function formatMegapixels(pixels: number): string {
  const mp = pixels / 1e6;
  return `${mp >= 10 ? Math.round(mp) : mp.toFixed(1)} megapixels`;
}
