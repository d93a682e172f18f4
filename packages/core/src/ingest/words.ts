import { isCjkCode } from "../text/script.ts";

/**
 * Joins recognised words into a line's text the way Tesseract's text output does: a space
 * between words unless a CJK character meets the boundary on either side.
 */
export function joinWords(words: readonly string[]): string {
  let out = "";
  // The last two code units of `out` (-1: none), kept rather than read back from the growing
  // string, which reading would flatten at every word.
  let last = -1;
  let before = -1;
  const push = (s: string) => {
    if (s.length >= 2) before = s.charCodeAt(s.length - 2);
    else if (s.length === 1) before = last;
    if (s.length > 0) last = s.charCodeAt(s.length - 1);
  };
  for (const w of words) {
    if (!out) {
      out = w;
      last = before = -1;
      push(w);
    } else if (isCjkCode(lastCodePoint(last, before)) || (w.length > 0 && isCjkCode(w.codePointAt(0)!))) {
      out += w;
      push(w);
    } else {
      out += ` ${w}`;
      push(" ");
      push(w);
    }
  }
  return out;
}

/**
 * The code point ending a string whose last code units are `before`, `last`, as `codePointAt`
 * reads it: a low surrogate reads back to its pair, or to the unit before it.
 */
function lastCodePoint(last: number, before: number): number {
  if (last < 0xdc00 || last > 0xdfff || before < 0) return last;
  if (before >= 0xd800 && before <= 0xdbff) return (before - 0xd800) * 0x400 + (last - 0xdc00) + 0x10000;
  return before;
}
