import type { StreamLine } from "../assemble/stream.ts";
import { isCjkCode, trimmed } from "../text/script.ts";
import type { OtherKind } from "../types.ts";
import {
  cjkCreditChars,
  type FurnitureFacts,
  furnitureChars,
  hasCjkPhotoCredit,
  hasLatinPhotoCredit,
  isBareCjkName,
  isBylineSequel,
  isJumpLine,
  matchBylineEnd,
  matchBylineLine,
  matchDateline,
  matchDatelineUngated,
  matchFurnitureWith,
  opensBracketedDateline,
  opensCaption,
  type SpanMatch,
} from "./patterns.ts";
import {
  clauseMarks,
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
  /**
   * The line is nothing but a CJK name or names ("王波"): a byline where it closes an article.
   * `bylineLine !== null || bareName` is `matchBylineLine(text, true) !== null`.
   */
  bareName: boolean;
  furniture: OtherKind | null;
  jump: boolean;
  credit: boolean;
  /** Opens a caption by convention ("图为……"). */
  opensCaption: boolean;
  /**
   * The line is OCR noise rather than words: few letters among its characters (specks,
   * rules and ornaments read as text), or words the OCR engine itself doubted. Null until
   * asked: read it through `isJunkLine`, which settles it (the word confidences of a
   * geometry line are only averaged for the few lines whose role depends on it).
   */
  junk: boolean | null;
  /** All capitals (Latin), at least two letters. */
  allCaps: boolean;
  /** Most words capitalised (Latin title case). */
  titleCase: boolean;
  /** The line, by its own text and hints, could be a title line (see `readsAsTitle`). */
  titleish: boolean;
}

/** Reads the text-level facts of every line in the stream. */
export function describeLines(stream: readonly StreamLine[]): LineInfo[] {
  const infos = stream.map((line, index) => describeLine(line, index));
  // A reporter credit that closes a dateline ("本报讯（记者 郭婷）") is no byline closing an article.
  for (const x of infos) {
    if (x.dateline && x.bylineEnd && x.bylineEnd.from < x.dateline.to) x.bylineEnd = null;
  }
  joinSplitDatelines(infos);
  joinSplitCredits(infos);
  markBylineSequels(infos);
  // Read once here, with datelines settled: the title rules ask it of each line many times.
  for (const x of infos) x.titleish = readsAsTitle(x);
  return infos;
}

/**
 * Whether a line, by its own text, could be a title line: no closing punctuation but ! or ?,
 * no dateline, byline or jump, short (CJK) or few words starting like a title (Latin); a
 * source's heading hint says yes, a body, caption or furniture hint no.
 */
function readsAsTitle(x: LineInfo): boolean {
  // OCR noise is never a title line; asked last, as it may cost a pass over the words.
  return titleByText(x) && !isJunkLine(x);
}

function titleByText(x: LineInfo): boolean {
  const hint = x.line.roleHint;
  if (hint === "heading") return true;
  if (hint === "body" || hint === "caption" || hint === "furniture") return false;
  if (x.dateline || x.bylineLine || x.jump || x.bylineEnd || x.endsHyphen) return false;
  if (endsClause.test(x.text)) return false;
  if (x.endsSentence && !endsExclamation.test(x.text)) return false;
  if (x.cjk) return x.chars <= 40 && x.clauses <= 2;
  if (x.words > 18) return false;
  // A headline's second line may open with a small word ("and Mars-like Tests").
  if (x.startsLower) return x.titleCase && smallWordFirst.test(x.text);
  return opensTitle.test(x.text);
}

// Made once: a regular expression literal in a function body is a new object on every call.
const endsClause = /[，、,;；]$/;
const endsExclamation = /[！？!?]["”’]?$/;
const smallWordFirst = /^(?:and|or|of|the|for|to|in|on|with|at|by|as|a|an|from|vs\.?)\s/;
const opensTitle = /^[\p{Lu}\p{N}"“‘'(]/u;

/** `LineInfo.junk`, settled on first reading. */
export function isJunkLine(x: LineInfo): boolean {
  if (x.junk === null) x.junk = doubtedWords(x.line);
  return x.junk;
}

/**
 * A By line goes on, set tight under it, with the agency, the paper or the writer's title
 * ("By JANE DOE" / "Associated Press", "By Sarah Klein" / "Staff Writer"): that line is the
 * byline's too. A By line naming one word only was broken inside the name ("By Jane" /
 * "Doe"): a byline names a writer in full, so a name of a word or two set tight under it is
 * the rest (and the agency or title may follow that).
 */
function markBylineSequels(infos: LineInfo[]): void {
  const tight = (y: LineInfo) => y.line.gapBefore === "none" || y.line.gapBefore === "line";
  for (let i = 0; i + 1 < infos.length; i++) {
    const x = infos[i]!;
    if (!x.bylineLine || x.cjk || !startsWithBy.test(x.text)) continue;
    let next = infos[i + 1];
    if (next && x.words === 2 && !next.bylineLine && !next.cjk && tight(next) && nameRest.test(next.text)) {
      next.bylineLine = next.text;
      next = infos[i + 2];
    }
    if (next && !next.bylineLine && !next.cjk && tight(next) && isBylineSequel(next.text))
      next.bylineLine = next.text;
  }
}

const startsWithBy = /^by\s/i;
/** The rest of a name broken after its first word: a word or two, capitalised ("Doe", "Van Dyke"). */
const nameRest = /^[A-Z][\p{L}'’-]*(?:\s+(?:[A-Z][\p{L}'’-]*|Jr\.|Sr\.))?$/u;

/**
 * A reporter credit closing an article, broken inside its bracket at the line end ("……能转”。
 * （记" / "者 何平）"): the line holding the credit's close takes the whole credit as its
 * byline, marked `wrapped` so the byline names both lines. The next line must hold nothing
 * but the credit's rest; a credit opening a dateline ("本报讯（记") is the dateline's.
 */
function joinSplitCredits(infos: LineInfo[]): void {
  for (let i = 0; i + 1 < infos.length; i++) {
    const x = infos[i]!;
    const next = infos[i + 1]!;
    if (!x.cjk || x.bylineEnd || next.bylineEnd || next.dateline || next.text.length > 24) continue;
    const last = next.text.charCodeAt(next.text.length - 1);
    if (last !== 0xff09 && last !== 0x29 && last !== 0x3009) continue;
    const open = openBracketNearEnd(x.text);
    if (open < 0 || (x.dateline && x.dateline.to > open)) continue;
    // Where the credit spaces its names, the break took a space ("（记者 孙丽" / "通讯员 王强）").
    const spaced = x.text.indexOf(" ", open) > 0;
    const joined = matchBylineEnd(`${x.text}${spaced ? " " : ""}${next.text}`);
    if (!joined || joined.from !== open) continue;
    next.bylineEnd = { text: joined.text, from: 0, to: next.text.length, spaced: true, wrapped: true };
    // The rest of a credit ("记者 何平）") is no byline line by itself.
    next.bylineLine = null;
  }
}

/** Where a bracket opens among the last 20 characters of a line and stays open, or -1. */
function openBracketNearEnd(text: string): number {
  for (let i = text.length - 1; i >= 0 && i >= text.length - 20; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28 || c === 0x3008) return i;
    if (c === 0xff09 || c === 0x29 || c === 0x3009) return -1;
  }
  return -1;
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
    // An agency's byline over a dateline ("PTI" / "CHENNAI: …") is no first half of it.
    if (x.bylineLine) continue;
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

/**
 * A short ASCII token packed into one number, seven bits a character (no character is 0, so
 * tokens of different lengths never share a key): a token is looked up without slicing it.
 * Anything outside ASCII packs to -1.
 */
function asciiKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c >= 0x80) return -1;
    key = key * 128 + c;
  }
  return key;
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

/**
 * What one pass over a line's characters tells: its script mix, spaces, clauses and letters,
 * and the cheap tests the furniture and dateline patterns run before any expression.
 */
interface CharFacts extends FurnitureFacts {
  /** CJK characters, and all non-space characters, as `cjkShare` counts them. */
  cjk: number;
  counted: number;
  /** Spaces of any width (ASCII, tab, ideographic, no-break). */
  spaces: number;
  clauses: number;
  /** Letters, capitals and small letters (ASCII ones only, until `countOtherLetters`). */
  letters: number;
  upper: number;
  lower: number;
  visible: number;
  /** Characters outside ASCII; their letters are counted only on demand (`countOtherLetters`). */
  nonAscii: number;
  /**
   * Words between single ASCII spaces, those starting like a capitalised word, and small words
   * ("of", "the") among the others: what `latinFacts` counts, exact where `nonAscii` is 0.
   */
  words: number;
  capitalised: number;
  small: number;
  /**
   * The line passes `matchDateline`'s gate by a 讯 or 电 in its first 48 characters, or by two
   * capitals followed within 60 characters (in the first 80) by a dash or colon.
   */
  datelineMark: boolean;
  /** A line terminator in the first 80 characters: the dateline gate is left to the pattern. */
  terminator: boolean;
  /** One of `cjkCreditChars`, which a CJK photo credit needs. */
  creditMark: boolean;
}

// What a character outside ASCII can tell the furniture and dateline gates, as bits by code unit.
const separatorBit = 1;
const furnitureBit = 2;
const weekdayBit = 4;
const datelineBit = 8;
const dashBit = 16;
const terminatorBit = 32;
const creditBit = 64;
const otherMarks = new Uint8Array(0x10000);
for (let c = 0x80; c < 0x10000; c++) if (furnitureChars[c]) otherMarks[c] = furnitureBit;
otherMarks[0xff0f] = separatorBit; // ／
otherMarks[0xff1a] = separatorBit; // ：
otherMarks[0x661f]! |= weekdayBit; // 星
otherMarks[0x5468]! |= weekdayBit; // 周
otherMarks[0x793c] = weekdayBit; // 礼
otherMarks[0x79ae] = weekdayBit; // 禮
otherMarks[0x9031]! |= weekdayBit; // 週
otherMarks[0x8baf] = datelineBit; // 讯
otherMarks[0x7535] = datelineBit; // 电
otherMarks[0x8a0a] = datelineBit; // 訊
otherMarks[0x96fb] = datelineBit; // 電
otherMarks[0x2014] = dashBit;
otherMarks[0x2013] = dashBit;
otherMarks[0x2028] = terminatorBit;
otherMarks[0x2029] = terminatorBit;
for (const ch of cjkCreditChars) otherMarks[ch.charCodeAt(0)]! |= creditBit;

/** What `asciiWordKind` finds a word to be. */
const otherWord = 0;
const capitalWord = 1;
const smallWord = 2;

/** Whether the ASCII word `text[from..to)` opens with a capital, is a small word, or neither. */
function asciiWordKind(text: string, from: number, to: number): number {
  const first = text.charCodeAt(from);
  if (capitalStart(first)) return capitalWord;
  if (to - from <= 4 && first >= 0x61 && first <= 0x7a && smallWordKeys.has(asciiKey(text, from, to)))
    return smallWord;
  return otherWord;
}

/**
 * The character-level facts of a line in one pass, by code: ASCII first, anything else by
 * Unicode class. Agrees with `cjkShare` and `clausePunctuationCount`, which other callers use,
 * and with the gates of `matchFurniture` and `matchDateline` (`mayHoldDateline`).
 */
function charFacts(text: string): CharFacts {
  const length = text.length;
  let cjk = 0;
  let clauses = 0;
  let upper = 0;
  let lower = 0;
  let nonAscii = 0;
  // ASCII spaces and tabs; other spaces; line ends (ASCII); second halves of pairs.
  let blanks = 0;
  let wideSpaces = 0;
  let lineEnds = 0;
  let lowHalves = 0;
  let digit = false;
  let trigger = false;
  let separator = false;
  let at = false;
  let weekdayMark = false;
  let datelineMark = false;
  let terminator = false;
  let creditMark = false;
  // The last capital, and where the last two capitals in a row start (far before the line: none).
  let capital = -1000;
  let pair = -1000;
  // Words between single ASCII spaces, as `latinFacts` counts them (exact while the line is ASCII).
  let words = 0;
  let capitalised = 0;
  let small = 0;
  let from = 0;
  let wordLetter = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) {
        lower++;
        wordLetter = true;
        // "day" of a weekday's name.
        if (c === 0x79 && text.charCodeAt(i - 1) === 0x61 && text.charCodeAt(i - 2) === 0x64)
          weekdayMark = true;
      } else if (c >= 0x41 && c <= 0x5a) {
        upper++;
        wordLetter = true;
        if (capital === i - 1) pair = capital;
        capital = i;
        if (c === 0x59 && text.charCodeAt(i - 1) === 0x41 && text.charCodeAt(i - 2) === 0x44)
          weekdayMark = true;
      } else if (c === 32) {
        blanks++;
        if (wordLetter) {
          words++;
          const kind = asciiWordKind(text, from, i);
          if (kind === capitalWord) capitalised++;
          else if (kind === smallWord) small++;
          wordLetter = false;
        }
        from = i + 1;
      } else if (c >= 0x30 && c <= 0x39) digit = true;
      else if (c === 0x2c || c === 0x3b) clauses++;
      else if (c === 0x3a) {
        clauses++;
        separator = true;
        if (i < 80 && i - pair <= 62) datelineMark = true;
      } else if (c === 0x2d) {
        if (i < 80 && i - pair <= 62) datelineMark = true;
      } else if (c === 9) blanks++;
      else if (c === 10 || c === 13) {
        lineEnds++;
        if (i < 80) terminator = true;
      } else if (c === 0x2f) separator = true;
      else if (c === 0x40) at = true;
      continue;
    }
    nonAscii++;
    if (c === 0x3000 || c === 0xa0) {
      wideSpaces++;
      continue;
    }
    if (clauseMarks[c]) clauses++;
    const marks = otherMarks[c]!;
    if (marks !== 0) {
      if (marks & separatorBit) separator = true;
      if (marks & furnitureBit) trigger = true;
      if (marks & weekdayBit) weekdayMark = true;
      if (marks & datelineBit && i < 48) datelineMark = true;
      if (marks & dashBit && i < 80 && i - pair <= 62) datelineMark = true;
      if (marks & terminatorBit && i < 80) terminator = true;
      if (marks & creditBit) creditMark = true;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      if (isCjkCode(text.codePointAt(i) ?? 0)) cjk++;
    } else if (c >= 0xdc00 && c <= 0xdfff) lowHalves++;
    else if (isCjkCode(c)) cjk++;
  }
  if (wordLetter) {
    words++;
    const kind = asciiWordKind(text, from, length);
    if (kind === capitalWord) capitalised++;
    else if (kind === smallWord) small++;
  }
  const f = factsScratch;
  f.cjk = cjk;
  // A second half of a pair is counted with the first.
  f.counted = length - blanks - lineEnds - wideSpaces - lowHalves;
  f.spaces = blanks + wideSpaces;
  f.clauses = clauses;
  f.letters = upper + lower;
  f.upper = upper;
  f.lower = lower;
  f.visible = length - blanks;
  f.nonAscii = nonAscii;
  f.words = words;
  f.capitalised = capitalised;
  f.small = small;
  f.digit = digit;
  f.trigger = trigger || upper > 0;
  f.separator = separator;
  f.at = at;
  f.weekdayMark = weekdayMark;
  f.datelineMark = datelineMark;
  f.terminator = terminator;
  f.creditMark = creditMark;
  return f;
}

/** Whether an ASCII code starts a capitalised word (`startsCapital`: a capital, a digit, " ' or (). */
function capitalStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x22 || c === 0x27 || c === 0x28;
}

/**
 * The one `CharFacts` every call of `charFacts` fills: a line's facts are read at once by
 * `describeLine`, so a fresh object per line would only be garbage to collect.
 */
const factsScratch: CharFacts = {
  cjk: 0,
  counted: 0,
  spaces: 0,
  clauses: 0,
  letters: 0,
  upper: 0,
  lower: 0,
  visible: 0,
  nonAscii: 0,
  words: 0,
  capitalised: 0,
  small: 0,
  digit: false,
  trigger: false,
  separator: false,
  at: false,
  weekdayMark: false,
  datelineMark: false,
  terminator: false,
  creditMark: false,
};

/**
 * The line's dateline (`matchDateline`), its gate read from the facts of the line's characters.
 * A 日 ending the line also opens the gate; so may a line terminator, left to the pattern.
 */
function datelineOf(text: string, facts: CharFacts): SpanMatch | null {
  if (facts.terminator) return matchDateline(text);
  if (facts.datelineMark || text.charCodeAt(text.length - 1) === 0x65e5 || opensBracketedDateline(text))
    return matchDatelineUngated(text);
  return null;
}

/** The line's furniture kind (`matchFurniture`), its characters' tests read from the facts. */
function furnitureOf(text: string, facts: CharFacts): OtherKind | null {
  return text.length === 0 || text.length > 80 ? null : matchFurnitureWith(text, facts);
}

/**
 * Adds the letters among the characters outside ASCII to `facts` (by Unicode class, one
 * UTF-16 unit at a time: a surrogate half is no letter). Only Latin lines need letter counts.
 */
function countOtherLetters(text: string, facts: CharFacts): void {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const kind = letterOf(text[i]!);
    if (kind) {
      facts.letters++;
      if (kind === 2) facts.upper++;
      else if (kind === 3) facts.lower++;
    }
  }
}

const smallWordKeys = new Set([...smallWords].map((w) => asciiKey(w, 0, w.length)));

const letterPattern = /\p{L}/u;
const upperPattern = /\p{Lu}/u;
const lowerPattern = /\p{Ll}/u;

/** 0: not a letter; 1: a letter of no case; 2: a capital; 3: a small letter. */
function letterOf(ch: string): number {
  if (!letterPattern.test(ch)) return 0;
  return upperPattern.test(ch) ? 2 : lowerPattern.test(ch) ? 3 : 1;
}

/** Whether a token starts like a capitalised word (a capital, a digit, an opening quote or bracket). */
function startsCapital(token: string): boolean {
  const c = token.charCodeAt(0);
  if (c < 0x80) return capitalStart(c);
  return capitalFirst.test(token);
}

const capitalFirst = /^[\p{Lu}\p{N}“‘]/u;

/** Whether `text[from..to)` holds a letter. */
function hasLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
    if (c >= 0x80 && letterPattern.test(text[i]!)) return true;
  }
  return false;
}

/** Word-level facts of a Latin line: its word count, all capitals, title case, letter share. */
function latinFacts(text: string, counts: CharFacts): LatinFacts {
  // `charFacts` counted words and letters by ASCII classes; others need Unicode classes.
  if (counts.nonAscii > 0) {
    countWords(text, counts);
    countOtherLetters(text, counts);
  }
  const { words, capitalised, small } = counts;
  // Letters among the characters other than ASCII spaces and tabs (line ends count as visible).
  const visible = counts.visible;
  const l = latinScratch;
  l.words = words;
  l.allCaps = counts.letters >= 2 && counts.lower === 0 && counts.upper > 0;
  l.titleCase = words > 0 && capitalised + small >= words && capitalised >= 1;
  l.letterShare = visible ? counts.letters / visible : 0;
  l.visible = visible;
  return l;
}

/**
 * Counts the words of a line with characters outside ASCII into `counts`, letters and capitals
 * read by Unicode class: tokens between single ASCII spaces, as `text.split(" ")` gives them.
 */
function countWords(text: string, counts: CharFacts): void {
  let words = 0;
  let capitalised = 0;
  let small = 0;
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf(" ", from);
    if (to < 0) to = text.length;
    if (to > from && hasLetter(text, from, to)) {
      words++;
      const c = text.charCodeAt(from);
      if (c < 0x80 ? startsCapital(text[from]!) : startsCapital(text.slice(from, to))) capitalised++;
      else if (to - from <= 4 && c >= 0x61 && c <= 0x7a && smallWordKeys.has(asciiKey(text, from, to)))
        small++;
    }
    from = to + 1;
  }
  counts.words = words;
  counts.capitalised = capitalised;
  counts.small = small;
}

/** What `latinFacts` tells of a line; one object, filled afresh for each line (see `factsScratch`). */
interface LatinFacts {
  words: number;
  allCaps: boolean;
  titleCase: boolean;
  letterShare: number;
  visible: number;
}

const latinScratch: LatinFacts = { words: 0, allCaps: false, titleCase: false, letterShare: 0, visible: 0 };

/**
 * `LineInfo.junk` as far as the text tells (few letters: true), or null when the answer
 * rests on the words' confidences (see `doubtedWords`), or false.
 */
function junkByText(
  line: StreamLine,
  latin: { letterShare: number; visible: number } | null,
): boolean | null {
  if (latin && latin.visible >= 6 && latin.letterShare < 0.5) return true;
  const words = line.words;
  return words && words.length >= 2 ? null : false;
}

/** Whether the OCR engine doubted the line's words: mean confidence under 0.45 over two or more. */
function doubtedWords(line: StreamLine): boolean {
  const words = line.words;
  if (!words) return false;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const conf = words[i]!.conf;
    if (conf === undefined) continue;
    sum += conf;
    n++;
  }
  return n >= 2 && sum / n < 0.45;
}

function describeLine(line: StreamLine, index: number): LineInfo {
  const text = trimmed(line.text);
  const facts = charFacts(text);
  const cjk = facts.counted > 0 && facts.cjk / facts.counted >= 0.3;
  const latin = cjk ? null : latinFacts(text, facts);
  return {
    index,
    line,
    text,
    cjk,
    chars: text.length - facts.spaces,
    words: latin?.words ?? 1,
    endsSentence: endsSentence(text),
    endsColon: endsWithColon(text),
    endsHyphen: !cjk && endsWithHyphen(text),
    startsLower: !cjk && startsLower(text),
    startsSentence: startsSentence(text),
    clauses: facts.clauses,
    dateline: datelineOf(text, facts),
    bylineEnd: matchBylineEnd(text),
    bylineLine: matchBylineLine(text),
    bareName: cjk && isBareCjkName(text),
    furniture: furnitureOf(text, facts),
    jump: isJumpLine(text),
    credit: (facts.creditMark && hasCjkPhotoCredit(text)) || hasLatinPhotoCredit(text),
    opensCaption: opensCaption(text),
    junk: junkByText(line, latin),
    allCaps: latin?.allCaps ?? false,
    titleCase: latin?.titleCase ?? false,
    titleish: false,
  };
}
