/**
 * The software an OCR file names as its maker: hOCR's `<meta name="ocr-system">`, ALTO's
 * `softwareName`, PAGE's `Creator`. Each format keeps it in the metadata at the top of the
 * file, so only the file's first 64 KiB are looked at. Undefined when the file names none.
 */
export function sourceProducer(text: string): string | undefined {
  const head = text.slice(0, 65536);
  const found =
    metaContent(head) ??
    /<(?:[\w.-]+:)?softwareName\b[^>]*>([^<]*)</.exec(head)?.[1] ??
    /<(?:[\w.-]+:)?Creator\b[^>]*>([^<]*)</.exec(head)?.[1];
  const name = found?.replace(/\s+/g, " ").trim();
  return name ? name.slice(0, 200) : undefined;
}

/** The `content` of hOCR's `<meta name="ocr-system" …>`, its attributes in either order. */
function metaContent(head: string): string | undefined {
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/\bname\s*=\s*["']ocr-system["']/i.test(tag[0])) continue;
    return /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag[0])?.[2];
  }
  return undefined;
}

/**
 * Whether a source's regions are a producer's zoning of the page — the blocks a digitisation
 * workflow draws (CCS docWORKS's ALTO TextBlocks, Transkribus's PAGE TextRegions, NewsEye's
 * PAGE regions, which name no maker), which on every real page with truth hold one article or
 * none — rather than the blocks an OCR engine's own page segmentation finds. Tesseract's are
 * of the second kind: on the rendered pages it read, a content area runs a line across a
 * gutter into the next column's article one to five times a page. Galley's own OCR of page
 * images is Tesseract. A source that names no producer is taken as zoned.
 */
export function regionsAreZoning(producer: string | undefined): boolean {
  return producer === undefined || !/\btesseract\b/i.test(producer);
}

/**
 * Whether a source's regions bind the model's decisions (no article begins inside one; its
 * lines are titles together): a producer's zoning always; an OCR engine's own blocks only on a
 * page not set mostly in CJK (`cjkShare`, its share of CJK characters). On the real papers'
 * layouts read by Tesseract (`tests/tools/retess-real.ts`) binding by its blocks raised the
 * model's figures from 0.488 / 0.357 to 0.521 / 0.452 (on the rendered English pages the
 * model alone kept its articles and lost some titles, 0.623 → 0.576); on the rendered Chinese pages Tesseract's blocks run across the narrow gutters of
 * Chinese columns, and binding by them cost the model (zh-14 0.67 → 0.49, zh-15 0.96 → 0.73).
 */
export function regionsBind(producer: string | undefined, cjkShare: number): boolean {
  return regionsAreZoning(producer) || cjkShare < 0.5;
}
