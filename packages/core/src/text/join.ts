import { isCjkCode, isLatinLetter, trimmed } from "./script.ts";

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
    // A hyphen at the very end of the line is not evidence of a compound.
    const end = text.trimEnd().length;
    // The matches `text.matchAll(compound)` gives, without cloning the pattern for each line.
    compound.lastIndex = 0;
    for (let m = compound.exec(text); m !== null; m = compound.exec(text)) {
      if (m.index + m[0].length < end) words.add(m[0].toLowerCase());
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
  return jointOf(a, b, options);
}

/** `lineJoint` of two texts, trimmed and not empty (their ends are bounded where it matters). */
function jointOf(a: string, b: string, options: JoinOptions): "" | " " | "hyphen" {
  const lastCode = a.charCodeAt(a.length - 1);
  if (lastCode === 0x2d || lastCode === 0xad || lastCode === 0x2010) {
    const hyphen = lineEndHyphen.exec(a.slice(-64));
    if (hyphen) {
      const head = hyphen[1] ?? "";
      const tail = leadingWord.exec(b.slice(0, 64))?.[1] ?? "";
      if (isLatinLetter(head.slice(-1)) && tail && smallFirst.test(tail)) {
        const compound = `${head}-${tail}`.toLowerCase();
        if (options.hyphenated?.has(compound)) return "";
        return formsCompound(head, tail) ? "" : "hyphen";
      }
      // "UH-" + "60A", "Anglo-" + "Saxon": the hyphen is part of the word; no space.
      if (tail && letterOrDigit.test(head.slice(-1))) return "";
    }
  }
  // The last character whole (both halves of a pair), as `isCjk` reads a character.
  const last =
    lastCode >= 0xdc00 && lastCode <= 0xdfff && a.length >= 2 ? a.codePointAt(a.length - 2)! : lastCode;
  if (isCjkCode(last) || isCjkCode(b.charCodeAt(0))) return "";
  return " ";
}

/**
 * English words that open hyphenated compounds far more often than a word broken after them
 * is a closed one: "well-known", "fast-moving", "long-term", "self-made", "non-stop",
 * "so-called", "year-old", "second-division", "half-time". Words that as often open closed
 * compounds ("over", "under", "some", "any", "up") and prefixes that open plain words
 * ("pre", "re", "co", "anti") are not listed: their hyphen at a line end is a word broken.
 */
const compoundHeads = new Set(
  (
    "well fast slow long short self non so half high low full all ill ex mid cross far near " +
    "first second third year day week month hour minute one two three four five six seven " +
    "eight nine ten twenty thirty forty fifty hundred part left right best much ever " +
    "old big small large little open free middle world"
  ).split(" "),
);
/** Endings that make one word with the part before them ("long-" / "er", "well-" / "ness"). */
const suffixTail = /^(?:s|es|ed|er|ers|est|ing|ings|ly|ness|ish|ful|less|ment|ward|wards)$/;

/**
 * Whether a line-end hyphen after `head` (the part before it, in any case) joins a compound
 * with `tail`, so that the hyphen is kept: the head is a word that opens compounds and the
 * tail is no ending of it.
 */
function formsCompound(head: string, tail: string): boolean {
  if (head.length > 7) return false;
  const h = head.toLowerCase();
  return compoundHeads.has(h) && !suffixTail.test(tail);
}

/** Joins line texts into one string (see `lineJoint`). Each line is trimmed first. */
export function joinLines(lines: readonly string[], options: JoinOptions = {}): string {
  let text = "";
  let previous = "";
  for (let k = 0; k < lines.length; k++) {
    const line = trimmed(lines[k]!);
    if (!line) continue;
    if (previous) {
      // `previous` ends `text`: a dropped hyphen is its last character.
      const joint = jointOf(previous, line, options);
      if (joint === "hyphen") text = text.slice(0, -1);
      else if (joint === " ") text += " ";
      text += line;
    } else text = line;
    previous = line;
  }
  return text;
}
