/**
 * Turns a page image into hOCR, as `@galley/ocr`'s `recognizeImage` does (Tesseract). The
 * server takes it as an option, so the engine is the host's choice and image uploads are
 * refused with 415 when none is given. `onProgress` receives a fraction in [0, 1].
 */
export type RecognizeImage = (
  bytes: Uint8Array,
  options: { lang?: string; onProgress?: (fraction: number) => void },
) => Promise<{ hocr: string }>;

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
