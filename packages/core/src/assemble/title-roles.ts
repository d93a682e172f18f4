import type { LineInfo } from "../lines/line-info.ts";

/** A title block split into its parts (each a list of lines, possibly empty). */
export interface TitleParts {
  kicker: LineInfo[];
  headline: LineInfo[];
  subheadline: LineInfo[];
  byline: LineInfo[];
}

const deckStart = /^\s*(?:——|—|一一|－－|--|-\s|–)/;
const opensBracket = /^[(（]/;
const connectorEnd = /(?:\s(?:and|or|of|the|for|to|in|on|with|at|by|as|a|an|from)|[-,:])$/i;

/**
 * Splits a title block into kicker, headline and subheadline. Lines are grouped where the
 * source separates them (blank lines, gaps, a change of type size); with type sizes known the
 * largest group is the headline, groups above it the kicker, below it the deck. Without sizes:
 * one group is the headline; two are kicker + headline, unless the second reads as a deck (it
 * opens with a dash, or in Latin script runs much longer than a first line that is not set in
 * capitals); three are kicker, headline, deck.
 */
export function splitTitle(lines: readonly LineInfo[]): TitleParts {
  const byline = lines.filter((x) => x.bylineLine);
  const groups = mergeContinuations(groupTitleLines(lines.filter((x) => !x.bylineLine)));
  const parts: TitleParts = { kicker: [], headline: [], subheadline: [], byline };
  if (groups.length === 0) return parts;
  const sizes = groups.map((g) => average(g.map((x) => x.line.sizeRatio ?? 0)));
  const sized = sizes.every((s) => s > 0) && Math.max(...sizes) / Math.min(...sizes) >= 1.12;
  if (sized) {
    let h = 0;
    sizes.forEach((s, k) => {
      if (s > sizes[h]! * 1.05) h = k;
    });
    parts.headline = groups[h]!;
    // With coordinates, above the headline is the kicker and below it the deck, whatever the
    // reading order put first.
    const top = (g: readonly LineInfo[]) => Math.min(...g.map((x) => x.line.box?.y ?? Number.NaN));
    const headTop = top(parts.headline);
    const others = groups.filter((_, k) => k !== h);
    if (!Number.isNaN(headTop) && others.every((g) => !Number.isNaN(top(g)))) {
      parts.kicker = others.filter((g) => top(g) < headTop).flat();
      parts.subheadline = others.filter((g) => top(g) >= headTop).flat();
    } else {
      parts.kicker = groups.slice(0, h).flat();
      parts.subheadline = groups.slice(h + 1).flat();
    }
    return parts;
  }
  if (groups.length === 1) {
    const only = groups[0]!;
    const first = only[0]!;
    let head = only;
    if (only.length >= 2 && first.allCaps && !only.slice(1).every((x) => x.allCaps)) {
      parts.kicker = [first];
      head = only.slice(1);
    }
    const deck = deckInside(head);
    parts.headline = head.slice(0, deck);
    parts.subheadline = head.slice(deck);
    return parts;
  }
  const [g1, g2] = [groups[0]!, groups[1]!];
  if (groups.length === 2) {
    if (isDeck(g2, g1)) {
      parts.headline = g1;
      parts.subheadline = g2;
    } else {
      parts.kicker = g1;
      parts.headline = g2;
    }
    return parts;
  }
  if (isDeck(g2, g1)) {
    parts.headline = g1;
    parts.subheadline = groups.slice(1).flat();
    return parts;
  }
  parts.kicker = g1;
  parts.headline = g2;
  parts.subheadline = groups.slice(2).flat();
  return parts;
}

/**
 * Whether `group`, set under `before`, is a deck rather than the headline under a kicker: it
 * opens with a dash; or it is set in smaller type than the group above (it fits more
 * characters on a line than the group above wraps at); or, in Latin script, it reads as a
 * sentence under a title-case or capitalised line.
 */
function isDeck(group: readonly LineInfo[], before: readonly LineInfo[]): boolean {
  const first = group[0]!;
  if (deckStart.test(first.text)) return true;
  const smaller = compareType(before, group);
  if (smaller !== 0) return smaller > 0;
  if (first.cjk) return false;
  // A word or two alone above a longer group is a section label, not a headline over its deck.
  if (before.length === 1 && before[0]!.words <= 2 && wordCount(group) > 2 * before[0]!.words) return false;
  if (before.every((x) => x.allCaps) && !group.every((x) => x.allCaps)) return false;
  const sentenceCase = !group.every((x) => x.titleCase || x.allCaps);
  return sentenceCase && before.every((x) => x.titleCase || x.allCaps);
}

/**
 * Compares the type size of two title groups from how they wrap: a group broken over several
 * lines holds as many characters per line as its type allows, so a group with a longer line
 * than that is set smaller. Returns 1 when `b` is smaller than `a`, -1 when `a` is smaller,
 * 0 when the wrapping says nothing.
 */
function compareType(a: readonly LineInfo[], b: readonly LineInfo[]): number {
  const longest = (g: readonly LineInfo[]) => Math.max(...g.map((x) => x.chars));
  const capacity = (g: readonly LineInfo[]) => (g.length >= 2 ? longest(g.slice(0, -1)) : null);
  const ca = capacity(a);
  const cb = capacity(b);
  if (ca !== null && longest(b) > ca * 1.15) return 1;
  if (cb !== null && longest(a) > cb * 1.15) return -1;
  return 0;
}

/**
 * Where a deck starts inside title lines set with no space between them (their length when
 * there is none): at a line opening with a dash ("——装备制造业利润增长较快"), or at a Latin
 * line opening afresh that runs well past every headline line above it — a deck is set in
 * smaller type, so it fits more on a line than the headline does.
 */
function deckInside(lines: readonly LineInfo[]): number {
  let widest = 0;
  for (let k = 0; k < lines.length; k++) {
    const x = lines[k]!;
    if (k > 0) {
      if (deckStart.test(x.text)) return k;
      const opensAfresh = !x.cjk && !x.startsLower && !connectorEnd.test(lines[k - 1]!.text);
      if (opensAfresh && x.chars >= 1.3 * widest && x.chars - widest >= 8) return k;
    }
    widest = Math.max(widest, x.chars);
  }
  return lines.length;
}

/** Joins a group to the one above when it continues it ("(NASP)", "and Tests", a line ending in "of"). */
function mergeContinuations(groups: LineInfo[][]): LineInfo[][] {
  const out: LineInfo[][] = [];
  for (const g of groups) {
    const last = out.at(-1);
    const tail = last?.at(-1);
    const head = g[0]!;
    if (
      last &&
      tail &&
      !head.cjk &&
      (opensBracket.test(head.text) || head.startsLower || connectorEnd.test(tail.text))
    ) {
      last.push(...g);
    } else out.push([...g]);
  }
  return out;
}

/** Groups title lines where the source sets them apart. */
function groupTitleLines(lines: readonly LineInfo[]): LineInfo[][] {
  const groups: LineInfo[][] = [];
  for (const x of lines) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    const apart =
      !prev ||
      (x.line.blankBefore ?? 0) > 0 ||
      x.line.gapBefore === "paragraph" ||
      x.line.gapBefore === "block" ||
      x.index !== prev.index + 1 ||
      sizeJump(prev, x);
    if (apart || !last) groups.push([x]);
    else last.push(x);
  }
  return groups;
}

function sizeJump(a: LineInfo, b: LineInfo): boolean {
  const s = a.line.sizeRatio;
  const t = b.line.sizeRatio;
  return s !== undefined && t !== undefined && Math.max(s, t) / Math.min(s, t) >= 1.12;
}

function wordCount(group: readonly LineInfo[]): number {
  let n = 0;
  for (const x of group) n += x.words;
  return n;
}

function average(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}
