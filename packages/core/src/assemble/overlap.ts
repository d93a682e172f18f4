/**
 * Content overlap between a title and a body: how much of the title's vocabulary the body
 * uses. CJK titles are read as character bigrams, Latin ones as content words; each term is
 * weighted by its rarity across the page's bodies, so "开发区" shared by every article says
 * little while "管运分离" says a lot.
 */

const stopwords = new Set(
  "the a an and or of in on at to for from by with as is are was were be been its it this that these those into over after before new says said will has have had not but than more most".split(
    " ",
  ),
);

/** A term: a Han bigram (as a number: two code points) or a Latin content word. */
export type Term = number | string;

/** The terms of a text: Han bigrams and lower-cased, crudely stemmed Latin content words. */
export function termsOf(text: string, only?: ReadonlySet<Term>): Set<Term> {
  const found = new Set<Term>();
  // With `only`, just the terms it holds (all a caller weighing some titles needs from a body).
  const add = (t: Term): void => {
    if (!only || only.has(t)) found.add(t);
  };
  let prev = -1;
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(i) ?? code;
      i++;
    }
    if (isHanCode(code)) {
      // Unified ideographs pack into one small integer per bigram; others are spelled out.
      if (prev >= 0)
        add(code < 0xa000 && prev < 0xa000 ? (prev - 0x3400) * 0x6c00 + (code - 0x3400) : `${prev}:${code}`);
      prev = code;
    } else {
      // Punctuation and spaces do not break a bigram chain; Latin letters and digits do.
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0xc0) {
        latin = true;
        prev = -1;
      } else if (code >= 0x30 && code <= 0x39) prev = -1;
    }
  }
  if (!latin) return found;
  forEachWord(text.toLowerCase(), (word) => {
    if (!stopwords.has(word)) add(word.replace(suffix, "") || word);
  });
  return found;
}

/** The inflection `termsOf` strips, crudely, from a Latin word. */
const suffix = /(?:ies|es|s|ing|ed)$/;
const wordChar = /[\p{L}\p{N}]/u;
const hanScript = /\p{Script=Han}/u;

/**
 * Calls `visit` with every run of three or more letters and digits (`[\p{L}\p{N}]{3,}`) that
 * holds no Han character: the Latin (and other alphabetic) words of a text. Read by code, so a
 * CJK text's ideographs cost a comparison each, not a Unicode class test.
 */
function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  let length = 0;
  let han = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    let width = 1;
    let inWord = false;
    let isHan = false;
    if (code < 0) inWord = false;
    else if (code < 0x80)
      inWord =
        (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    else if (code >= 0x4e00 && code <= 0x9fcc) {
      // Unified ideographs up to Unicode 6.1: letters of the Han script, every one.
      inWord = true;
      isHan = true;
    } else {
      width = (text.codePointAt(i) ?? code) > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + width);
      inWord = wordChar.test(ch);
      isHan = inWord && hanScript.test(ch);
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        length = 0;
        han = false;
      }
      length++;
      if (isHan) han = true;
    } else if (start >= 0) {
      if (length >= 3 && !han) visit(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
}

function isHanCode(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/** Term weights from document frequencies over a set of bodies (inverse document frequency). */
export function termWeights(bodies: readonly Set<Term>[]): (term: Term) => number {
  const df = new Map<Term, number>();
  for (const body of bodies) for (const t of body) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bodies.length;
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5));
}

/**
 * Share of the title's term weight found in the body, in [0, 1]. Empty titles score 0.
 */
export function overlapScore(title: Set<Term>, body: Set<Term>, weight: (term: Term) => number): number {
  let all = 0;
  let hit = 0;
  for (const t of title) {
    const w = Math.max(weight(t), 0.05);
    all += w;
    if (body.has(t)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}
