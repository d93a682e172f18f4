import { isCjk } from "../text/script.ts";

/**
 * Joins recognised words into a line's text the way Tesseract's text output does: a space
 * between words unless a CJK character meets the boundary on either side.
 */
export function joinWords(words: readonly string[]): string {
  let out = "";
  for (const w of words) {
    if (!out) out = w;
    else if (isCjk(lastChar(out)) || isCjk(firstChar(w))) out += w;
    else out += ` ${w}`;
  }
  return out;
}

function lastChar(s: string): string | undefined {
  const code = s.codePointAt(s.length - 1);
  if (code === undefined) return undefined;
  return code >= 0xdc00 && code <= 0xdfff
    ? String.fromCodePoint(s.codePointAt(s.length - 2) ?? code)
    : s.slice(-1);
}

function firstChar(s: string): string | undefined {
  const code = s.codePointAt(0);
  return code === undefined ? undefined : String.fromCodePoint(code);
}
