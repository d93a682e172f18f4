import { isCjk, isLatinLetter } from "./script.ts";

/**
 * Joins recognised lines into running text by the script's rules: CJK to CJK with no space,
 * Latin with one space, and a Latin word hyphenated at the line end re-joined unless the
 * hyphen belongs to the word.
 */

/** Options for `joinLines`. */
export interface JoinOptions {
  /**
   * Words known to be spelled with a hyphen (lower case, e.g. "high-speed"), usually gathered
   * from the same page by `collectHyphenatedWords`. A line-end hyphen that would rebuild one of
   * them is kept.
   */
  hyphenated?: ReadonlySet<string>;
}

const compound = /\p{L}+(?:-\p{L}+)+/gu;
const smallFirst = /^\p{Ll}/u;
const letterOrDigit = /[\p{L}\p{N}]/u;
const lineEndHyphen = /([\p{L}\p{N}]+)[-\u00AD\u2010]$/u;
const leadingWord = /^([\p{L}\p{N}]+)/u;

/** Gathers the hyphenated compounds printed inside lines ("high-speed"), lower-cased. */
export function collectHyphenatedWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    if (!hasInnerHyphen(text)) continue;
    for (const m of text.matchAll(compound)) {
      // A hyphen at the very end of the line is not evidence of a compound.
      if (m.index !== undefined && m.index + m[0].length < text.trimEnd().length)
        words.add(m[0].toLowerCase());
    }
  }
  return words;
}

/** Whether a hyphen stands between two letters somewhere in the text (all a compound needs). */
function hasInnerHyphen(text: string): boolean {
  for (let i = text.indexOf("-", 1); i > 0 && i < text.length - 1; i = text.indexOf("-", i + 1)) {
    if (isLetterAt(text, i - 1) && isLetterAt(text, i + 1)) return true;
  }
  return false;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // Outside ASCII (a surrogate half included), leave the decision to the pattern.
  return true;
}

/**
 * Decides how two consecutive line texts meet: `""` (no space), `" "`, or `"hyphen"` when the
 * first line's trailing hyphen must be dropped.
 */
export function lineJoint(before: string, after: string, options: JoinOptions = {}): "" | " " | "hyphen" {
  // Only the meeting ends matter; looking at a bounded tail keeps joining linear.
  const a = before.trimEnd().slice(-64);
  const b = after.trimStart().slice(0, 64);
  if (!a || !b) return "";
  const last = a.at(-1)!;
  const first = b[0]!;
  const hyphen = last === "-" || last === "\u00AD" || last === "\u2010" ? lineEndHyphen.exec(a) : null;
  if (hyphen) {
    const head = hyphen[1] ?? "";
    const tail = leadingWord.exec(b)?.[1] ?? "";
    if (isLatinLetter(head.slice(-1)) && tail && smallFirst.test(tail)) {
      const compound = `${head}-${tail}`.toLowerCase();
      if (options.hyphenated?.has(compound)) return "";
      return "hyphen";
    }
    // "UH-" + "60A", "Anglo-" + "Saxon": the hyphen is part of the word; no space.
    if (tail && letterOrDigit.test(head.slice(-1))) return "";
  }
  if (isCjk(lowSurrogateSafe(a, last)) || isCjk(first)) return "";
  return " ";
}

/** The last character of `text` (a whole astral character when `last` is its low surrogate). */
function lowSurrogateSafe(text: string, last: string): string {
  const code = last.charCodeAt(0);
  return code >= 0xdc00 && code <= 0xdfff ? text.slice(-2) : last;
}

/** Joins line texts into one string (see `lineJoint`). Each line is trimmed first. */
export function joinLines(lines: readonly string[], options: JoinOptions = {}): string {
  const parts: string[] = [];
  let previous = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (parts.length === 0) {
      parts.push(line);
      previous = line;
      continue;
    }
    const joint = lineJoint(previous, line, options);
    if (joint === "hyphen") parts[parts.length - 1] = parts.at(-1)!.slice(0, -1);
    else if (joint === " ") parts.push(" ");
    parts.push(line);
    previous = line;
  }
  return parts.join("");
}
