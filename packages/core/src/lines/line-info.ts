import type { StreamLine } from "../assemble/stream.ts";
import { cjkShare } from "../text/script.ts";
import type { OtherKind } from "../types.ts";
import {
  hasPhotoCredit,
  isJumpLine,
  matchBylineEnd,
  matchBylineLine,
  matchDateline,
  matchFurniture,
  opensCaption,
  type SpanMatch,
} from "./patterns.ts";
import {
  clausePunctuationCount,
  endsSentence,
  endsWithColon,
  endsWithHyphen,
  startsLower,
  startsSentence,
} from "./punctuation.ts";

/** What the rules know of one line: its stream evidence plus what its text says. */
export interface LineInfo {
  /** Position in the stream. */
  index: number;
  line: StreamLine;
  /** The text, trimmed. */
  text: string;
  /** Mostly CJK text. */
  cjk: boolean;
  /** Non-space characters. */
  chars: number;
  /** Latin words (whitespace-separated tokens with a letter). */
  words: number;
  endsSentence: boolean;
  endsColon: boolean;
  endsHyphen: boolean;
  startsLower: boolean;
  startsSentence: boolean;
  /** Clause punctuation marks inside the line. */
  clauses: number;
  dateline: SpanMatch | null;
  bylineEnd: SpanMatch | null;
  /** The line is a byline by itself ("By X", "本报记者 X"); bare names are judged in context. */
  bylineLine: string | null;
  furniture: OtherKind | null;
  jump: boolean;
  credit: boolean;
  /** Opens a caption by convention ("图为……"). */
  opensCaption: boolean;
  /**
   * The line is OCR noise rather than words: few letters among its characters (specks,
   * rules and ornaments read as text), or words the OCR engine itself doubted.
   */
  junk: boolean;
  /** All capitals (Latin), at least two letters. */
  allCaps: boolean;
  /** Most words capitalised (Latin title case). */
  titleCase: boolean;
}

/** Reads the text-level facts of every line in the stream. */
export function describeLines(stream: readonly StreamLine[]): LineInfo[] {
  const infos = stream.map((line, index) => describeLine(line, index));
  // A reporter credit that closes a dateline ("本报讯（记者 郭婷）") is no byline closing an article.
  for (const x of infos) {
    if (x.dateline && x.bylineEnd && x.bylineEnd.from < x.dateline.to) x.bylineEnd = null;
  }
  joinSplitDatelines(infos);
  return infos;
}

/**
 * A Latin dateline broken over two lines ("KENNEDY SPACE" / "CENTER, Fla. — During …"): the
 * capitals line takes the whole dateline (matched across the break), so the article takes the
 * next line with it.
 */
function joinSplitDatelines(infos: LineInfo[]): void {
  for (let i = 0; i + 1 < infos.length; i++) {
    const x = infos[i]!;
    const next = infos[i + 1]!;
    if (x.cjk || x.dateline || !x.allCaps || x.words > 4 || next.cjk || next.line.gapBefore !== "none")
      continue;
    const joined = matchDateline(`${x.text} ${next.text}`);
    if (!joined || joined.to <= x.text.length + 1) continue;
    x.dateline = {
      text: joined.text,
      from: 0,
      to: x.line.text.length,
      open: true,
      rest: joined.to - x.text.length - 1,
    };
    next.dateline = null;
  }
}

const smallWords = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
  "vs",
  "vs.",
]);
const letterPattern = /\p{L}/u;
const upperPattern = /\p{Lu}/u;
const lowerPattern = /\p{Ll}/u;

/** Letter counts of a line in one pass: ASCII by code, anything else by Unicode class. */
function letterCounts(text: string): { letters: number; upper: number; lower: number; visible: number } {
  let letters = 0;
  let upper = 0;
  let lower = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    visible++;
    if (c >= 0x41 && c <= 0x5a) {
      letters++;
      upper++;
    } else if (c >= 0x61 && c <= 0x7a) {
      letters++;
      lower++;
    } else if (c >= 0x80) {
      const ch = text[i]!;
      if (letterPattern.test(ch)) {
        letters++;
        if (upperPattern.test(ch)) upper++;
        else if (lowerPattern.test(ch)) lower++;
      }
    }
  }
  return { letters, upper, lower, visible };
}

/** Whether a token starts like a capitalised word (a capital, a digit, an opening quote or bracket). */
function startsCapital(token: string): boolean {
  const c = token.charCodeAt(0);
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x22 || c === 0x27 || c === 0x28)
    return true;
  if (c < 0x80) return false;
  return /^[\p{Lu}\p{N}“‘]/u.test(token);
}

/** Whether a token holds a letter. */
function hasLetter(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
    if (c >= 0x80 && letterPattern.test(token[i]!)) return true;
  }
  return false;
}

/** Word-level facts of a Latin line: its word count, all capitals, title case, letter share. */
function latinFacts(text: string): {
  words: number;
  allCaps: boolean;
  titleCase: boolean;
  letterShare: number;
  visible: number;
} {
  let words = 0;
  let capitalised = 0;
  let small = 0;
  for (const token of text.split(" ")) {
    if (!token || !hasLetter(token)) continue;
    words++;
    if (startsCapital(token)) capitalised++;
    else if (smallWords.has(token)) small++;
  }
  const counts = letterCounts(text);
  return {
    words,
    allCaps: counts.letters >= 2 && counts.lower === 0 && counts.upper > 0,
    titleCase: words > 0 && capitalised + small >= words && capitalised >= 1,
    letterShare: counts.visible ? counts.letters / counts.visible : 0,
    visible: counts.visible,
  };
}

/** See `LineInfo.junk`. */
function isJunk(line: StreamLine, latin: { letterShare: number; visible: number } | null): boolean {
  if (latin && latin.visible >= 6 && latin.letterShare < 0.5) return true;
  const words = line.words;
  if (!words || words.length < 2) return false;
  let sum = 0;
  let n = 0;
  for (const w of words) {
    if (w.conf === undefined) continue;
    sum += w.conf;
    n++;
  }
  return n >= 2 && sum / n < 0.45;
}

function describeLine(line: StreamLine, index: number): LineInfo {
  const text = line.text.trim();
  const cjk = cjkShare(text) >= 0.3;
  const latin = cjk ? null : latinFacts(text);
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) spaces++;
  }
  return {
    index,
    line,
    text,
    cjk,
    chars: text.length - spaces,
    words: latin?.words ?? 1,
    endsSentence: endsSentence(text),
    endsColon: endsWithColon(text),
    endsHyphen: !cjk && endsWithHyphen(text),
    startsLower: !cjk && startsLower(text),
    startsSentence: startsSentence(text),
    clauses: clausePunctuationCount(text),
    dateline: matchDateline(text),
    bylineEnd: matchBylineEnd(text),
    bylineLine: matchBylineLine(text),
    furniture: matchFurniture(text),
    jump: isJumpLine(text),
    credit: hasPhotoCredit(text),
    opensCaption: opensCaption(text),
    junk: isJunk(line, latin),
    allCaps: latin?.allCaps ?? false,
    titleCase: latin?.titleCase ?? false,
  };
}
