/** What the server asks of an OCR engine besides the image: all optional, an engine may ignore any but `lang`. */
export interface RecognizeOptions {
  /** Tesseract languages, e.g. `chi_sim+eng`. */
  lang?: string;
  /** Receives a fraction in [0, 1] as the recognition moves on. */
  onProgress?: (fraction: number) => void;
  /** Stop when aborted (the job was cancelled or timed out). */
  signal?: AbortSignal;
  /** Refuse an image with more pixels (the server checks this itself before calling). */
  maxPixels?: number;
  /** Cap on the engine process's memory in bytes. */
  memoryBytes?: number;
  /** Threads the engine may use. */
  threads?: number;
  /** Nice value (0–19) to run the engine at. */
  nice?: number;
  /** Wall time before the engine is stopped. */
  timeoutMs?: number;
}

/**
 * Turns a page image into hOCR, as `@galley/ocr`'s `recognizeImage` does (Tesseract). The
 * server takes it as an option, so the engine is the host's choice and image uploads are
 * refused with 415 when none is given. `onProgress` receives a fraction in [0, 1].
 */
export type RecognizeImage = (bytes: Uint8Array, options: RecognizeOptions) => Promise<{ hocr: string }>;

/** The image types a page upload may be, recognised by their first bytes. */
export type ImageType = "image/png" | "image/jpeg" | "image/tiff";

/** The image type of `bytes` by magic number (PNG, JPEG, TIFF little- or big-endian), or null. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return "image/tiff";
  return null;
}
