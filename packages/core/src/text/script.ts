/**
 * Character classes and display widths. Widths are in display cells: a CJK (full-width)
 * character is 1 cell, Latin letters, digits and ASCII punctuation ½, an ASCII space ½.
 */

/** Whether the code point is a CJK ideograph, kana, hangul or full-width form. */
export function isCjkCode(code: number): boolean {
  // The common cases first: everything below the radicals block, then unified ideographs.
  if (code < 0x2e80) return false;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return (
    (code >= 0x2e80 && code <= 0x2fdf) || // radicals
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0x3100 && code <= 0x312f) || // bopomofo
    (code >= 0x3130 && code <= 0x318f) || // hangul compatibility jamo
    (code >= 0x31c0 && code <= 0x9fff) || // strokes, ext A, unified ideographs
    (code >= 0xac00 && code <= 0xd7af) || // hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // full-width forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3134f) // supplementary ideographs
  );
}

/** Whether the character is CJK (see `isCjkCode`). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isCjkCode(ch.codePointAt(0) ?? 0);
}

/** Whether the character is an ideograph proper (not CJK punctuation or a full-width Latin form). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/** Typographic marks that print in a full cell even though they are not in a CJK block. */
const wideMarks = new Set(["“", "”", "‘", "’", "—", "…", "·", "‖"]);

/**
 * Display width of one character in cells. Curly quotes and dashes count as full cells when
 * `cjkContext` is true (they are set full-width in CJK text).
 */
export function charCells(ch: string, cjkContext: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  if (isCjkCode(code)) return 1;
  if (cjkContext && wideMarks.has(ch)) return 1;
  if (code < 0x20) return 0;
  return 0.5;
}

/** Display width of a string in cells (see `charCells`). */
export function textCells(text: string, cjkContext = hasCjk(text)): number {
  let cells = 0;
  for (const ch of text) cells += charCells(ch, cjkContext);
  return cells;
}

/** Whether the string has at least one CJK character. */
export function hasCjk(text: string): boolean {
  for (const ch of text) if (isCjk(ch)) return true;
  return false;
}

/** Share of CJK characters among the non-space characters, in [0, 1]. */
export function cjkShare(text: string): number {
  const tally = { cjk: 0, all: 0 };
  tallyScript(text, tally);
  return tally.all ? tally.cjk / tally.all : 0;
}

/** Running counts for `tallyScript`: CJK characters, and all non-space characters. */
export interface ScriptTally {
  cjk: number;
  all: number;
}

/**
 * Adds the text's CJK and non-space characters to `tally` (a pair counts once). Tallying the
 * lines of a text one by one gives the counts of the lines joined, without joining them.
 */
export function tallyScript(text: string, tally: ScriptTally): void {
  let cjk = 0;
  let all = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0) continue;
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    all++;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (isCjkCode(text.codePointAt(i) ?? 0)) cjk++;
    } else if (isCjkCode(code)) cjk++;
  }
  tally.cjk += cjk;
  tally.all += all;
}

/** Whether the character is a Latin letter (ASCII or Latin-1/Extended). */
export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && latinScript.test(ch);
}

const latinScript = /\p{Script=Latin}/u;

/**
 * A set of characters of the Basic Multilingual Plane as a table indexed by code unit: a
 * lookup per character costs an array read, where a `Set` hashes. For sets tested on every
 * character of every line.
 */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** White space as `\s` reads it, and as `trim` removes it. */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `text.trim()`, without the call where neither end is white space: the texts the line rules
 * read are trimmed already, and each test trims again for its other callers.
 */
export function trimmed(text: string): string {
  return isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? text.trim() : text;
}

/** `text.trimEnd()`, without the call where the text does not end in white space. */
export function trimmedEnd(text: string): string {
  return isSpace(text.charCodeAt(text.length - 1)) ? text.trimEnd() : text;
}

/** `text.trimStart()`, without the call where the text does not start with white space. */
export function trimmedStart(text: string): string {
  return isSpace(text.charCodeAt(0)) ? text.trimStart() : text;
}
