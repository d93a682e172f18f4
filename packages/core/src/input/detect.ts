import type { SourceFormat } from "../types.ts";

const hocrClass = /class\s*=\s*["'][^"']*\b(ocr_page|ocr_line|ocrx_word|ocr_carea)\b/;

/**
 * Guesses the format of a decoded input from its content: hOCR (HTML with `ocr_line` or
 * `ocrx_word` classes), ALTO (root `alto`), PAGE (root `PcGts`), otherwise plain text.
 * Returns null for markup that is none of these (an unknown XML or HTML document). The root is
 * looked for in the first 4,096 characters, the hOCR classes in the first 200,000.
 */
export function detectFormat(text: string): SourceFormat | null {
  const start = text.slice(0, 4096);
  const head = start.trimStart();
  if (!head.startsWith("<")) return "text";
  if (/<(\w+:)?alto[\s>]/.test(head)) return "alto";
  if (/<(\w+:)?PcGts[\s>]/.test(head)) return "page";
  if (hocrClass.test(text.slice(0, 200_000))) return "hocr";
  if (/^<(\?xml|!DOCTYPE|html|\w+[:\s>])/i.test(head)) return null;
  return "text";
}
