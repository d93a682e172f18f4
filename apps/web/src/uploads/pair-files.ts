/**
 * What to upload when files are dropped on an issue: each OCR file (text, hOCR, ALTO, PAGE) and
 * each page image is a page, except that an image whose name matches an hOCR, ALTO or PAGE
 * file's ("p3.hocr" and "p3.png", "p3.alto.xml" and "p3.tif") goes with that file as its page
 * image. Pages are numbered from `firstNumber` on, in the files' name order (numeric parts
 * compared as numbers: "p2" before "p10").
 */

/** The part of a file this module reads. */
export interface NamedFile {
  name: string;
  type: string;
}

/** One page to upload: its file, the image paired with it (if any) and its page number. */
export interface PlannedPage<F extends NamedFile> {
  file: F;
  image: F | null;
  number: number;
}

const imageExtensions = /\.(png|jpe?g|tiff?|webp|bmp|gif)$/i;
const xmlExtensions = /\.(hocr|html?|xhtml|xml)$/i;

/** Whether `file` is a page image (by its MIME type or name). */
export function isImageFile(file: NamedFile): boolean {
  return file.type.startsWith("image/") || imageExtensions.test(file.name);
}

/** Whether `file` is an OCR file with geometry (hOCR, ALTO, PAGE), which may take a page image. */
export function isGeometryFile(file: NamedFile): boolean {
  return !isImageFile(file) && xmlExtensions.test(file.name);
}

/** The name without its extensions and the usual OCR suffixes: "P3.alto.xml" → "p3". */
export function baseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(/\.(alto|page|hocr|ocr|txt)$/i, "")
    .replace(/[-_.](alto|page|hocr|ocr)$/i, "");
}

const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Plans the pages for `files` (see the file comment). */
export function planPages<F extends NamedFile>(files: readonly F[], firstNumber: number): PlannedPage<F>[] {
  const sorted = [...files].sort((a, b) => byName.compare(a.name, b.name));
  const images = sorted.filter(isImageFile);
  const taken = new Set<F>();
  const pages: { file: F; image: F | null }[] = [];
  for (const file of sorted) {
    if (isImageFile(file)) continue;
    let image: F | null = null;
    if (isGeometryFile(file)) {
      image = images.find((i) => !taken.has(i) && baseName(i.name) === baseName(file.name)) ?? null;
      if (image) taken.add(image);
    }
    pages.push({ file, image });
  }
  for (const image of images) if (!taken.has(image)) pages.push({ file: image, image: null });
  pages.sort((a, b) => byName.compare(a.file.name, b.file.name));
  return pages.map((p, i) => ({ ...p, number: firstNumber + i }));
}
