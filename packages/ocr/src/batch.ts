import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { defaultMaxBytes, isInputError, reconstruct } from "@galley/core";
import { detectImageType } from "./image-type.ts";
import { isOcrError } from "./ocr-error.ts";
import { type OcrProgress, recognizeImage } from "./recognize.ts";

/** Progress of a batch: pages finished, the total, and the page at hand. */
export interface BatchProgress {
  done: number;
  total: number;
  file: string;
  /** The OCR stage of the page at hand, for images. */
  ocr?: OcrProgress;
}

/** Options for `reconstructBatch`. */
export interface BatchOptions {
  /** Tesseract languages for images (default "chi_sim+eng"). */
  lang?: string;
  onProgress?: (progress: BatchProgress) => void;
  /** The Tesseract executable (default "tesseract"). */
  binary?: string;
}

/** What a batch did: pages written and pages that failed, with their one-line reasons. */
export interface BatchResult {
  written: string[];
  failed: Array<{ file: string; message: string }>;
}

const pageFiles = /\.(png|jpe?g|tiff?|hocr|html?|xml|txt)$/i;

/** The page files of `dir` (images and OCR files), sorted by name. */
export async function listPages(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => pageFiles.test(n)).sort();
  const files: string[] = [];
  for (const n of names) if ((await stat(join(dir, n))).isFile()) files.push(join(dir, n));
  return files;
}

/**
 * Reconstructs many pages, one after another: images go through Tesseract to hOCR first, OCR
 * files straight to `reconstruct`. Each page's contract JSON is written to
 * `outDir/NAME.json`. A page that fails is reported and skipped; the others go on.
 */
export async function reconstructBatch(
  files: readonly string[],
  outDir: string,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const result: BatchResult = { written: [], failed: [] };
  const report = options.onProgress ?? (() => {});
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    report({ done: i, total: files.length, file });
    try {
      const info = await stat(file);
      if (info.size > defaultMaxBytes)
        throw new Error(`over the limit of ${defaultMaxBytes / 1024 / 1024} MB`);
      const bytes = await readFile(file);
      let page: ReturnType<typeof reconstruct>;
      if (detectImageType(bytes)) {
        const { hocr } = await recognizeImage(bytes, {
          ...(options.lang ? { lang: options.lang } : {}),
          ...(options.binary ? { binary: options.binary } : {}),
          onProgress: (ocr) => report({ done: i, total: files.length, file, ocr }),
        });
        page = reconstruct(hocr, { format: "hocr" });
      } else page = reconstruct(bytes);
      const out = join(outDir, `${basename(file, extname(file))}.json`);
      await writeFile(out, `${JSON.stringify(page, null, 2)}\n`);
      result.written.push(out);
    } catch (error) {
      if (!(isInputError(error) || isOcrError(error) || error instanceof Error)) throw error;
      result.failed.push({ file, message: error.message });
    }
  }
  report({ done: files.length, total: files.length, file: "" });
  return result;
}

/** A one-line progress bar: `[#########.........]  45/100  NAME`. */
export function formatProgressBar(progress: BatchProgress, width = 30): string {
  const share = progress.total ? (progress.done + (progress.ocr?.fraction ?? 0)) / progress.total : 1;
  const filled = Math.round(Math.min(1, share) * width);
  const count = `${progress.done}/${progress.total}`.padStart(2 * String(progress.total).length + 1);
  const stage = progress.ocr && progress.ocr.stage !== "done" ? ` (${progress.ocr.stage})` : "";
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${count} ${basename(progress.file)}${stage}`;
}
