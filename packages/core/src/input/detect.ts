import type { SourceFormat } from "../types.ts";

/**
 * Guesses the format of a decoded input from its content: hOCR (HTML with `ocr_line` or
 * `ocrx_word` classes), ALTO (root `alto`), PAGE (root `PcGts`), otherwise plain text.
 * Returns null for markup that is none of these (an unknown XML or HTML document).
 */
export function detectFormat(text: string): SourceFormat | null {
  return detectFormatOf((units) => text.slice(0, units));
}

const hocrClass = /class\s*=\s*["'][^"']*\b(ocr_page|ocr_line|ocrx_word|ocr_carea)\b/;

/**
 * `detectFormat` of a text known by its prefixes: `prefix(n)` is its first `n` code units. Only
 * the first 4,096 are read, unless the hOCR classes are not found there (then 200,000).
 */
export function detectFormatOf(prefix: (units: number) => string): SourceFormat | null {
  const start = prefix(4096);
  const head = start.trimStart();
  if (!head.startsWith("<")) return "text";
  if (/<(\w+:)?alto[\s>]/.test(head)) return "alto";
  if (/<(\w+:)?PcGts[\s>]/.test(head)) return "page";
  // A match that ends before the prefix does is one in any longer prefix: its last `\b` sees
  // the same next character.
  const early = hocrClass.exec(start);
  if (early && early.index + early[0].length < start.length) return "hocr";
  if (hocrClass.test(prefix(200_000))) return "hocr";
  if (/^<(\?xml|!DOCTYPE|html|\w+[:\s>])/i.test(head)) return null;
  return "text";
}
