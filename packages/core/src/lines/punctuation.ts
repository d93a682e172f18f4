import { charTable, isCjk } from "../text/script.ts";

/**
 * Sentence-level punctuation tests on recognised line text. OCR mixes full-width and ASCII
 * punctuation in CJK text, so both are accepted everywhere.
 */

const sentenceEnd = new Set(["。", "！", "？", "!", "?", "…", "．", ".", "；", ";"]);
const softEnd = new Set(["：", ":"]);
const closers = new Set(["”", "’", "」", "』", "）", ")", '"', "'", "】", "》", "〉", "]"]);
const openers = new Set(["“", "‘", "「", "『", "（", "(", '"', "'", "【", "《", "〈", "["]);

/** The line without trailing closing quotes and brackets (`“开门红”。` → unchanged; `成效。”` → `成效。`). */
function stripClosers(text: string): string {
  let end = text.length;
  while (end > 0 && closers.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Whether the line ends a sentence: 。！？.!?…; possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const t = stripClosers(text.trimEnd());
  const last = t.at(-1);
  if (last === undefined) return false;
  if (!sentenceEnd.has(last)) return false;
  // "U.S." or "Fla." at a line end is usually still a sentence end in running text; a lone
  // initial ("J.") is not.
  if (last === "." && /(^|\s)[A-Z]\.$/.test(t)) return false;
  return true;
}

/** Whether the line ends with a colon (a paragraph that introduces what follows). */
export function endsWithColon(text: string): boolean {
  const last = stripClosers(text.trimEnd()).at(-1);
  return last !== undefined && softEnd.has(last);
}

/** Whether the line ends with any punctuation at all (comma included). */
export function endsWithPunctuation(text: string): boolean {
  const last = text.trimEnd().at(-1);
  return last !== undefined && /[\p{P}]/u.test(last);
}

/** Whether the text starts like a new sentence: a capital, digit, opening quote, or any CJK. */
export function startsSentence(text: string): boolean {
  const t = text.trimStart();
  const first = t[0];
  if (first === undefined) return false;
  if (isCjk(first) || openers.has(first)) return true;
  return /[\p{Lu}\p{N}]/u.test(first);
}

/** Whether the text starts with a lower-case Latin letter (a continued sentence). */
export function startsLower(text: string): boolean {
  const first = text.trimStart()[0];
  if (first === undefined) return false;
  const c = first.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return /\p{Ll}/u.test(first);
}

/** Whether the text ends with a hyphen that may split a word. */
export function endsWithHyphen(text: string): boolean {
  const t = text.trimEnd();
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0x2d && last !== 0xad && last !== 0x2010) return false;
  return /[\p{L}\p{N}][-\u00AD\u2010]$/u.test(t);
}

/** Count of clause punctuation (commas, enumeration commas, semicolons, colons) inside the text. */
export function clausePunctuationCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (clauseMarks[text.charCodeAt(i)]) n++;
  return n;
}

/** Clause punctuation (commas, enumeration commas, semicolons, colons, full stops) by code unit. */
export const clauseMarks = charTable("，,、；;：:。");
