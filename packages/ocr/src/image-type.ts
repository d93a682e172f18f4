/** The page image formats Galley sends to OCR. */
export type ImageType = "png" | "jpeg" | "tiff";

/**
 * The image format of `bytes` by its magic number (PNG, JPEG, TIFF in either byte order), or
 * null when the bytes are not one of them. Only the first bytes are read.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a)
    return "png";
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpeg";
  if (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) return "tiff";
  if (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a) return "tiff";
  return null;
}
