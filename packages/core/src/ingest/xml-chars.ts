/**
 * Character classes of XML 1.0 (fifth edition) for the scanner, one table lookup per UTF-16
 * code unit: the scanner walks every character of a document, and a lookup is cheaper than a
 * chain of comparisons or a regular expression per name.
 */

/** In text: ends or interrupts a plain run (`<`, `&`, CR, `>` for `]]>`, forbidden characters). */
export const textStop = 1;
/** In an attribute value: ends or interrupts a plain run (quotes, `<`, `&`, tab, LF, CR, forbidden). */
export const valueStop = 2;
/** May start a name (production 4). */
export const nameStart = 4;
/** May continue a name (production 4a). */
export const nameChar = 8;
/** XML white space (production 3): space, tab, LF, CR. */
export const space = 16;
/** Not allowed anywhere in a document (outside production 2). */
export const forbidden = 32;
/** A high surrogate whose pair lies in U+10000–U+EFFFF, where names may use every character. */
export const nameSurrogate = 64;
/** An ASCII capital letter (HTML compatibility refuses them in attribute names). */
export const upper = 128;
/** The colon, which separates a name's prefix. */
export const colon = 256;
/** In `byteClass` only: a byte at or above 0x80, part of a UTF-8 sequence (see `byte-text.ts`). */
export const high = 512;

/**
 * The class bits of every UTF-16 code unit. Scanners index it with `charCodeAt(i) | 0`: past
 * the end that reads NUL's class, which stops every run, so loops need no bounds test.
 */
export const charClass: Uint16Array = buildTable();

/**
 * `charClass` for a document read byte for byte (`ByteText`): ASCII as there; every byte at or
 * above 0x80 stops text and value runs and is `high`, and starts or continues no name (such a
 * name is left to the ordinary path).
 */
export const byteClass: Uint16Array = buildByteTable();

function buildByteTable(): Uint16Array {
  const t = new Uint16Array(0x100);
  t.set(charClass.subarray(0, 0x80));
  t.fill(high | textStop | valueStop, 0x80);
  return t;
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const mark = (from: number, to: number, bits: number) => {
    for (let c = from; c <= to; c++) t[c]! |= bits;
  };
  const both = nameStart | nameChar;
  for (const [from, to] of [
    [0x3a, 0x3a],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
    [0xc0, 0xd6],
    [0xd8, 0xf6],
    [0xf8, 0x2ff],
    [0x370, 0x37d],
    [0x37f, 0x1fff],
    [0x200c, 0x200d],
    [0x2070, 0x218f],
    [0x2c00, 0x2fef],
    [0x3001, 0xd7ff],
    [0xf900, 0xfdcf],
    [0xfdf0, 0xfffd],
  ] as const)
    mark(from, to, both);
  for (const [from, to] of [
    [0x2d, 0x2e],
    [0x30, 0x39],
    [0xb7, 0xb7],
    [0x300, 0x36f],
    [0x203f, 0x2040],
  ] as const)
    mark(from, to, nameChar);
  mark(0xd800, 0xdb7f, nameSurrogate);
  mark(0x41, 0x5a, upper);
  t[0x3a]! |= colon;
  for (const c of [0x20, 0x09, 0x0a, 0x0d]) t[c]! |= space;
  mark(0x00, 0x08, forbidden | textStop | valueStop);
  mark(0x0b, 0x0c, forbidden | textStop | valueStop);
  mark(0x0e, 0x1f, forbidden | textStop | valueStop);
  mark(0xfffe, 0xffff, forbidden | textStop | valueStop);
  for (const c of [0x3c, 0x26, 0x0d, 0x3e]) t[c]! |= textStop;
  for (const c of [0x22, 0x27, 0x3c, 0x26, 0x09, 0x0a, 0x0d]) t[c]! |= valueStop;
  return t;
}

/** Whether the code unit is XML white space. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * The end of the name that starts at `start` in `text` (`start` itself when no name starts
 * there). Characters beyond the BMP count as the surrogate pairs that encode them.
 */
export function nameEnd(text: string, start: number): number {
  let i = start;
  let bits = nameStart;
  for (;;) {
    const c = text.charCodeAt(i);
    const k = charClass[c] ?? 0;
    if ((k & bits) !== 0) i++;
    else if ((k & nameSurrogate) !== 0 && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
    else return i;
    bits = nameChar;
  }
}

/** Whether `name` is an XML 1.0 `Name` (production 5). */
export function isXmlName(name: string): boolean {
  return name.length > 0 && nameEnd(name, 0) === name.length;
}

/**
 * Whether `text[start..end)` is an ASCII XML name. False for other names too: those with
 * other characters need `isXmlName`.
 */
export function isXmlNameAt(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || (charClass[c]! & (i === start ? nameStart : nameChar)) === 0) return false;
  }
  return true;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The reason a forbidden character is refused, as "character U+0001 is not allowed". */
export function forbiddenReason(c: number): string {
  return `character U+${c.toString(16).padStart(4, "0")} is not allowed`;
}

/**
 * `text.startsWith(s, at)`, compared a code unit at a time: for the short names of markup this
 * loop, inlined where it is called, costs less than the call to the native search.
 */
export function isAt(text: string, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (text.charCodeAt(at + k) !== s.charCodeAt(k)) return false;
  return true;
}
