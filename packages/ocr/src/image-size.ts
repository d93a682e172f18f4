import { imageSize } from "image-size";
import { detectImageType } from "./image-type.ts";

/** A page image's size in pixels, read from its header. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The pixel size a PNG, JPEG or TIFF states in its header (with the `image-size` package; the
 * pixels are not decoded), or null when the bytes are no such image or the header does not
 * read. For a multi-page TIFF, the first page's.
 */
export function readImageSize(bytes: Uint8Array): ImageSize | null {
  if (!detectImageType(bytes)) return null;
  try {
    const { width, height } = imageSize(bytes);
    if (!width || !height) return null;
    return { width, height };
  } catch {
    return null;
  }
}

/**
 * The default cap on an image's pixels before OCR: 100 million (10,000 × 10,000, a broadsheet
 * page at 400 dpi is about 6,600 × 9,400). Tesseract holds about 4 bytes a pixel at once: three
 * 20,000 × 20,000 scans took 4.5 GB.
 */
export const defaultMaxPixels = 100_000_000;
