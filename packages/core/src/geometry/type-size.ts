import type { GeoLine } from "../ingest/ingest.ts";
import { median } from "./box.ts";

/**
 * The type size a line's word boxes imply. A word box spans from the top of its tallest letter
 * to the bottom of its lowest: capitals, digits and ascenders reach about 0.72 em, x-height
 * letters 0.5 em, descenders go 0.22 em below the baseline, and a CJK character fills about
 * 0.92 em.
 */

/**
 * The type size (em, in pixels) a line's word boxes imply, or null when no word can tell.
 * Dividing each word's height by its expected share of the em and taking the median gives the
 * same size for "on", "By" and "typography" alike, whatever format the boxes come from.
 */
export function wordSize(line: GeoLine): number | null {
  const sizes: number[] = [];
  for (const w of line.words ?? []) {
    if (w.box.h <= 0) continue;
    const share = emShare(w.text);
    if (share) sizes.push(w.box.h / share);
  }
  return median(sizes);
}

/**
 * The share of the em a word's box spans (see the module comment), or null when the word has
 * no letter or digit to tell by. ASCII words, nearly all of a Latin page, are read in one pass;
 * other text by Unicode classes.
 */
export function emShare(text: string): number | null {
  let letters = false;
  let tall = false;
  let descender = false;
  let bracket = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return emShareUnicode(text);
    if (c >= 0x41 && c <= 0x5a) {
      letters = true;
      tall = true;
      if (c === 0x51) descender = true; // Q
    } else if (c >= 0x30 && c <= 0x39) {
      letters = true;
      tall = true;
    } else if (c >= 0x61 && c <= 0x7a) {
      letters = true;
      if (ascenders[c - 0x61]) tall = true;
      if (descenders[c - 0x61]) descender = true;
    } else if (brackets.has(c)) bracket = true;
  }
  if (!letters) return null;
  if (bracket) return 0.98;
  const top = tall ? 0.72 : 0.5;
  if (descender) return top + 0.22;
  const last = text.charCodeAt(text.length - 1);
  return top + (last === 0x2c || last === 0x3b ? 0.12 : 0);
}

/** Lower-case letters (a–z, by offset from "a") that reach the capital height. */
const ascenders = Array.from({ length: 26 }, (_, i) => "bdfhklti".includes(String.fromCharCode(0x61 + i)));
/** Lower-case letters (a–z, by offset from "a") that go below the baseline. */
const descenders = Array.from({ length: 26 }, (_, i) => "gjpqy".includes(String.fromCharCode(0x61 + i)));
/** Brackets and slashes: they reach from above the capitals to below the baseline. */
const brackets = new Set([..."()[]{}/|"].map((c) => c.charCodeAt(0)));

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
