import { isHan } from "../text/script.ts";

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

/** The terms of a text: Han bigrams and lower-cased, crudely stemmed Latin content words. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  const han = [...text].filter((ch) => isHan(ch));
  for (let i = 0; i + 1 < han.length; i++) terms.add(han[i]! + han[i + 1]!);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
    if (/\p{Script=Han}/u.test(word) || stopwords.has(word)) continue;
    terms.add(word.replace(/(?:ies|es|s|ing|ed)$/, "") || word);
  }
  return terms;
}

/** Term weights from document frequencies over a set of bodies (inverse document frequency). */
export function termWeights(bodies: readonly Set<string>[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const body of bodies) for (const t of body) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bodies.length;
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5));
}

/**
 * Share of the title's term weight found in the body, in [0, 1]. Empty titles score 0.
 */
export function overlapScore(
  title: Set<string>,
  body: Set<string>,
  weight: (term: string) => number,
): number {
  let all = 0;
  let hit = 0;
  for (const t of title) {
    const w = Math.max(weight(t), 0.05);
    all += w;
    if (body.has(t)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}
