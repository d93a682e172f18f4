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

/** Below this code unit no character is CJK (`isCjkCode`) nor half of a surrogate pair. */
const cjkFloor = 0x2e80;

/**
 * `joinWords` of words added one at a time, for a reader that meets a line's words one by one.
 * The texts are joined once, at `text`, and natively (`join(" ")`) when no word could meet its
 * neighbour with a CJK character: the usual line, which then costs no string per word. Reusable:
 * `text` starts the next line.
 */
export class WordJoiner {
  private readonly words: string[] = [];
  /** Whether some word starts or ends with a code unit at or above `cjkFloor`. */
  private wide = false;

  /** Adds the next word's text (not empty). */
  add(word: string): void {
    this.words.push(word);
    if (word.charCodeAt(0) >= cjkFloor || word.charCodeAt(word.length - 1) >= cjkFloor) this.wide = true;
  }

  /** How many words were added since the last `text`. */
  get size(): number {
    return this.words.length;
  }

  /** `joinWords` of the words added since the last call; then starts over. */
  text(): string {
    const { words } = this;
    // Without a wide code unit at an end no boundary is CJK: every pair gets its space.
    const out = this.wide ? joinWords(words) : words.join(" ");
    words.length = 0;
    this.wide = false;
    return out;
  }
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
