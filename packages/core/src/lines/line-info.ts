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

const smallWord = /^(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|with|vs\.?)$/;
const capitalStart = /^[\p{Lu}\p{N}"“‘'(]/u;
const hasLetter = /\p{L}/u;

/** Word-level facts of a Latin line: its word count, all capitals, title case. */
function latinFacts(text: string): { words: number; allCaps: boolean; titleCase: boolean } {
  const tokens = text.split(/\s+/).filter((t) => hasLetter.test(t));
  let capitalised = 0;
  let small = 0;
  for (const t of tokens) {
    if (capitalStart.test(t)) capitalised++;
    else if (smallWord.test(t)) small++;
  }
  const letters = text.replace(/[^\p{L}]/gu, "");
  return {
    words: tokens.length,
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
    titleCase: tokens.length > 0 && capitalised + small >= tokens.length && capitalised >= 1,
  };
}

/** See `LineInfo.junk`. */
function isJunk(text: string, line: StreamLine, cjk: boolean): boolean {
  if (!cjk) {
    let letters = 0;
    let all = 0;
    for (const ch of text) {
      if (ch === " ") continue;
      all++;
      if (/\p{L}/u.test(ch)) letters++;
    }
    if (all >= 6 && letters / all < 0.5) return true;
  }
  const confs = line.words?.map((w) => w.conf).filter((c): c is number => c !== undefined) ?? [];
  if (confs.length >= 2) {
    const mean = confs.reduce((a, b) => a + b, 0) / confs.length;
    if (mean < 0.45) return true;
  }
  return false;
}

function describeLine(line: StreamLine, index: number): LineInfo {
  const text = line.text.trim();
  const cjk = cjkShare(text) >= 0.3;
  const latin = cjk ? { words: 1, allCaps: false, titleCase: false } : latinFacts(text);
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
    words: latin.words,
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
    junk: isJunk(text, line, cjk),
    allCaps: latin.allCaps,
    titleCase: latin.titleCase,
  };
}
