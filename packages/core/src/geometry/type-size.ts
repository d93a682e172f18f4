import type { GeoLine } from "../ingest/ingest.ts";
import { medianOf } from "./box.ts";

/**
 * The type size a line's word boxes imply. A word box spans from the top of its tallest letter
 * to the bottom of its lowest: capitals, digits and ascenders reach about 0.72 em, x-height
 * letters 0.5 em, descenders go 0.22 em below the baseline, and a CJK character fills about
 * 0.92 em.
 */

/**
 * The type size (em, in pixels) a line's word boxes imply, or null when no word can tell.
 * Dividing each word's height by its expected share of the em and taking the median (the least
 * of two or three) gives the same size for "on", "By" and "typography" alike, whatever format
 * the boxes come from.
 */
export function wordSize(line: GeoLine): number | null {
  const words = line.words;
  if (!words) return null;
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.box.h <= 0) continue;
    const share = emShare(w.text);
    if (share) sizes[n++] = w.box.h / share;
  }
  // Tesseract now and then stretches a word's box to a taller one than its letters need (seen
  // on wide justified lines), never a shorter one: over two or three words a median cannot
  // outvote two stretched boxes, and a body line would read as a heading. The smallest size
  // a few words imply is the line's.
  if (n > 0 && n <= 3) {
    let least = sizes[0]!;
    for (let i = 1; i < n; i++) if (sizes[i]! < least) least = sizes[i]!;
    return least;
  }
  return medianOf(sizes, n);
}

/** Reused by `wordSize` for one line's sizes at a time. */
const sizes: number[] = [];

/**
 * The share of the em a word's box spans (see the module comment), or null when the word has
 * no letter or digit to tell by. ASCII words, nearly all of a Latin page, are read in one pass
 * over a table of character classes; other text by Unicode classes.
 */
export function emShare(text: string): number | null {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return emShareUnicode(text);
    seen |= asciiClass[c]!;
  }
  if (!(seen & letter)) return null;
  if (seen & bracket) return 0.98;
  const top = seen & tall ? 0.72 : 0.5;
  if (seen & descender) return top + 0.22;
  const last = text.charCodeAt(text.length - 1);
  return top + (last === 0x2c || last === 0x3b ? 0.12 : 0);
}

/** Character classes of `asciiClass`, as bits. */
const letter = 1;
const tall = 2;
const descender = 4;
const bracket = 8;

/**
 * The classes of each ASCII character: letters and digits; capitals, digits and ascenders reach
 * the capital height; g j p q y and Q go below the baseline; brackets and slashes reach from
 * above the capitals to below the baseline.
 */
const asciiClass = (() => {
  const table = new Uint8Array(128);
  const mark = (chars: string, bits: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)]! |= bits;
  };
  mark("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", letter | tall);
  mark("abcdefghijklmnopqrstuvwxyz", letter);
  mark("bdfhklti", tall);
  mark("gjpqyQ", descender);
  mark("()[]{}/|", bracket);
  return table;
})();

const han = /[\u3400-\u9fff\uf900-\ufaff]/;
const notLetter = /[^\p{L}\p{N}]/gu;
const bracketChar = /[()[\]{}/|]/;
const tallLetter = /[\p{Lu}\p{N}bdfhklti]/u;
const smallLetter = /\p{Ll}/u;
const descenderLetter = /[gjpqyQ]/;
const trailingComma = /[,;]$/;

function emShareUnicode(text: string): number | null {
  if (han.test(text)) return 0.92;
  const letters = text.replace(notLetter, "");
  if (!letters) return null;
  if (bracketChar.test(text)) return 0.98;
  const top = tallLetter.test(letters) ? 0.72 : smallLetter.test(letters) ? 0.5 : null;
  if (top === null) return null;
  if (descenderLetter.test(letters)) return top + 0.22;
  return top + (trailingComma.test(text) ? 0.12 : 0);
}
