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

const lineEndHyphen = /([\p{L}\p{N}]+)[-\u00AD\u2010]$/u;
const leadingWord = /^([\p{L}\p{N}]+)/u;

/** Gathers the hyphenated compounds printed inside lines ("high-speed"), lower-cased. */
export function collectHyphenatedWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) {
      // A hyphen at the very end of the line is not evidence of a compound.
      if (m.index !== undefined && m.index + m[0].length < text.trimEnd().length)
        words.add(m[0].toLowerCase());
    }
  }
  return words;
}

/**
 * Decides how two consecutive line texts meet: `""` (no space), `" "`, or `"hyphen"` when the
 * first line's trailing hyphen must be dropped.
 */
export function lineJoint(before: string, after: string, options: JoinOptions = {}): "" | " " | "hyphen" {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (!a || !b) return "";
  const last = [...a].pop();
  const first = [...b][0];
  const hyphen = lineEndHyphen.exec(a);
  if (hyphen && a.length > hyphen[0].length - 1) {
    const head = hyphen[1] ?? "";
    const tail = leadingWord.exec(b)?.[1] ?? "";
    if (isLatinLetter(head.slice(-1)) && tail && /^\p{Ll}/u.test(tail)) {
      const compound = `${head}-${tail}`.toLowerCase();
      if (options.hyphenated?.has(compound)) return "";
      return "hyphen";
    }
    // "UH-" + "60A", "Anglo-" + "Saxon": the hyphen is part of the word; no space.
    if (tail && /[\p{L}\p{N}]/u.test(head.slice(-1))) return "";
  }
  if (isCjk(last) || isCjk(first)) return "";
  return " ";
}

/** Joins line texts into one string (see `lineJoint`). Each line is trimmed first. */
export function joinLines(lines: readonly string[], options: JoinOptions = {}): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const joint = lineJoint(out, line, options);
    if (joint === "hyphen") out = out.trimEnd().slice(0, -1) + line;
    else out = out.trimEnd() + joint + line;
  }
  return out;
}
