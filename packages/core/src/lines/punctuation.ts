import { charTable, isCjkCode, isSpace, trimmedEnd, trimmedStart } from "../text/script.ts";

/**
 * Sentence-level punctuation tests on recognised line text. OCR mixes full-width and ASCII
 * punctuation in CJK text, so both are accepted everywhere.
 */

// What each punctuation mark can do, as bits in one table indexed by code unit.
const sentenceEnd = 1;
const softEnd = 2;
const closer = 4;
const opener = 8;
const marks = new Uint8Array(0x10000);
const mark = (chars: string, bit: number) => {
  for (let i = 0; i < chars.length; i++) marks[chars.charCodeAt(i)]! |= bit;
};
mark("。！？!?…．.；;", sentenceEnd);
mark("：:", softEnd);
mark("”’」』）)\"'】》〉]", closer);
mark("“‘「『（(\"'【《〈[", opener);

/** Where the line's text ends once trailing closing quotes and brackets are set aside (`成效。”` → before `”`). */
function endBeforeClosers(t: string): number {
  let end = t.length;
  while (end > 0 && marks[t.charCodeAt(end - 1)]! & closer) end--;
  return end;
}

/** Whether the line ends a sentence: 。！？.!?…; possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const t = trimmedEnd(text);
  const end = endBeforeClosers(t);
  if (end === 0) return false;
  const last = t.charCodeAt(end - 1);
  if (!(marks[last]! & sentenceEnd)) return false;
  // "U.S." or "Fla." at a line end is usually still a sentence end in running text; a lone
  // initial ("J.") is not.
  if (
    last === 0x2e &&
    end >= 2 &&
    isCapital(t.charCodeAt(end - 2)) &&
    (end === 2 || isSpace(t.charCodeAt(end - 3)))
  )
    return false;
  return true;
}

/** Whether the line ends with a colon (a paragraph that introduces what follows). */
export function endsWithColon(text: string): boolean {
  const t = trimmedEnd(text);
  const end = endBeforeClosers(t);
  return end > 0 && (marks[t.charCodeAt(end - 1)]! & softEnd) !== 0;
}

/** Whether the line ends with any punctuation at all (comma included). */
export function endsWithPunctuation(text: string): boolean {
  const last = trimmedEnd(text).at(-1);
  return last !== undefined && punctuation.test(last);
}

/** Whether the text starts like a new sentence: a capital, digit, opening quote, or any CJK. */
export function startsSentence(text: string): boolean {
  const t = trimmedStart(text);
  if (t.length === 0) return false;
  // One code unit, as the first character of a string reads (half of a pair is no CJK, no capital).
  const c = t.charCodeAt(0);
  if (isCjkCode(c) || marks[c]! & opener) return true;
  if (c < 0x80) return isCapital(c) || (c >= 0x30 && c <= 0x39);
  return capitalOrDigit.test(t[0]!);
}

/** Whether the text starts with a lower-case Latin letter (a continued sentence). */
export function startsLower(text: string): boolean {
  const t = trimmedStart(text);
  if (t.length === 0) return false;
  const c = t.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return smallLetter.test(t[0]!);
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** Whether the text ends with a hyphen that may split a word. */
export function endsWithHyphen(text: string): boolean {
  const t = trimmedEnd(text);
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0x2d && last !== 0xad && last !== 0x2010) return false;
  return wordHyphen.test(t);
}

// Made once: a regular expression literal in a function body is a new object on every call.
const punctuation = /[\p{P}]/u;
const capitalOrDigit = /[\p{Lu}\p{N}]/u;
const smallLetter = /\p{Ll}/u;
const wordHyphen = /[\p{L}\p{N}][-\u00AD\u2010]$/u;

/** Count of clause punctuation (commas, enumeration commas, semicolons, colons) inside the text. */
export function clausePunctuationCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (clauseMarks[text.charCodeAt(i)]) n++;
  return n;
}

/** Clause punctuation (commas, enumeration commas, semicolons, colons, full stops) by code unit. */
export const clauseMarks = charTable("，,、；;：:。");
