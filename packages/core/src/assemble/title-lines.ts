import { isJunkLine, type LineInfo } from "../lines/line-info.ts";
import { isBreakGap, isFragment, type LineKind } from "./line-kind.ts";
import { isClosingName } from "./units.ts";

/**
 * Title lines (kicker, headline, deck) and the byline lines set with them. A line may be a
 * title by its own text (short of the measure or larger, no closing punctuation, not a
 * dateline); it is accepted only where the text around it breaks — the body before it has
 * ended and the one after starts afresh — with evidence that an article boundary is there.
 */

/** Whether the line is set in headline type (the source says heading, or it is much larger than body text). */
function isHeadingType(x: LineInfo): boolean {
  return x.line.roleHint === "heading" || (x.line.sizeRatio ?? 1) >= 1.25;
}

/** Whether a titleish line also stands out from body text: short, larger, or set apart. */
function standsOut(infos: readonly LineInfo[], i: number): boolean {
  const x = infos[i]!;
  if (x.line.roleHint === "heading" || (x.line.sizeRatio ?? 1) >= 1.2) return true;
  if ((x.line.fill ?? 1) <= 0.85) return true;
  return inTitleGroup(infos, i);
}

/**
 * Whether the line belongs to a small group set apart by whitespace whose lines all read as
 * title lines and whose last line closes no sentence — a body paragraph set apart the same
 * way ends with a full stop.
 */
function inTitleGroup(infos: readonly LineInfo[], i: number): boolean {
  let a = i;
  while (a > 0 && !isBreakGap(infos[a]) && i - a < 4) a--;
  let b = i;
  while (b + 1 < infos.length && !isBreakGap(infos[b + 1]) && b - i < 4) b++;
  if (!isBreakGap(infos[a]) && a > 0) return false;
  if (b + 1 < infos.length && !isBreakGap(infos[b + 1])) return false;
  if (b - a >= 4) return false;
  for (let k = a; k <= b; k++) {
    const y = infos[k]!;
    const continuation = k > a && y.startsLower && !y.endsSentence && y.words <= 8;
    if (!y.titleish && !continuation) return false;
  }
  return !infos[b]!.endsSentence;
}

/** Marks accepted title lines as "title" and their byline lines as "byline" in `kinds`. */
export function markTitles(infos: readonly LineInfo[], kinds: LineKind[]): void {
  const n = infos.length;
  const candidate = infos.map(
    (x, i) => kinds[i] === "body" && x.titleish && standsOut(infos, i) && !isClosingName(infos, i),
  );
  // A headline's next line set tight under it (no whitespace but the stream's ordinary
  // leading) may open in lower case ("to national finals").
  const runOn: boolean[] = new Array(n).fill(false);
  for (let i = 1; i < n; i++) {
    const x = infos[i]!;
    if (candidate[i] || !candidate[i - 1] || kinds[i] !== "body" || isBreakGap(x)) continue;
    if (x.startsLower && !x.endsSentence && !x.endsHyphen && x.words <= 8 && (x.line.fill ?? 1) <= 0.85)
      candidate[i] = runOn[i] = true;
  }
  // Such a run-on ends on a whole phrase: one ending on "the", "an" or "to" is text going on.
  for (let i = n - 1; i > 0; i--)
    if (runOn[i] && !candidate[i + 1] && connectorEnd.test(infos[i]!.text)) candidate[i] = false;
  // OCR noise is no title by itself, but a garbled line set tight within a title is part of it.
  for (let i = 0; i < n; i++) {
    const x = infos[i]!;
    if (kinds[i] !== "body" || candidate[i]) continue;
    const tightBefore =
      i > 0 && candidate[i - 1] && x.line.gapBefore !== "block" && x.line.gapBefore !== "paragraph";
    const next = infos[i + 1];
    const tightAfter =
      next !== undefined &&
      candidate[i + 1] &&
      next.line.gapBefore !== "block" &&
      next.line.gapBefore !== "paragraph";
    if ((tightBefore || tightAfter) && !x.endsSentence && isJunkLine(x)) candidate[i] = true;
  }
  markAnchoredTitles(infos, kinds, candidate);
  markDecks(infos, kinds, candidate);
  markRunOnDecks(infos, kinds, candidate);
  dropIndentedAfterByline(infos, candidate);
  const bylineLike = (i: number) => kinds[i] === "body" && infos[i]!.bylineLine !== null;
  let i = 0;
  while (i < n) {
    if (!candidate[i]) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && bylineLike(start - 1)) start--;
    start = extendBack(infos, kinds, start);
    while (start > 0 && bylineLike(start - 1)) start--;
    let end = i;
    // A title block: candidates and byline lines, skipping captions or furniture set among them.
    while (
      end < n &&
      (candidate[end] ||
        bylineLike(end) ||
        (kinds[end] !== "body" && kinds[end] !== "title" && candidate[end + 1]))
    )
      end++;
    // The longest run of the block that reads as a title where it stands.
    let accepted = end;
    while (accepted > i && !acceptTitleBlock(infos, kinds, start, accepted)) accepted--;
    if (accepted > i) {
      for (let t = start; t < accepted; t++) {
        if (kinds[t] === "body") kinds[t] = infos[t]!.bylineLine ? "byline" : "title";
      }
    }
    i = Math.max(accepted, i + 1);
  }
}

/**
 * A title over its byline is set flush or centred; the line under the byline set at the
 * stream's paragraph indent opens the body, however short it runs ("By Thomas Reid" /
 * "  Margaret Ellis, who has died aged").
 */
function dropIndentedAfterByline(infos: readonly LineInfo[], candidate: boolean[]): void {
  const indent = paragraphIndent(infos);
  if (indent === undefined) return;
  for (let i = 1; i < infos.length; i++)
    if (candidate[i] && infos[i - 1]!.bylineLine !== null && infos[i]!.line.indent === indent)
      candidate[i] = false;
}

/**
 * The indent the stream sets paragraphs at: the one most indented lines share, where at
 * least three lines share it and it is small (a centred line sits further in), else none.
 */
function paragraphIndent(infos: readonly LineInfo[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of infos) {
    const d = x.line.indent;
    if (d !== undefined && d > 0 && d <= 3) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: number | undefined;
  let most = 2;
  for (const [d, c] of counts) if (c > most) [best, most] = [d, c];
  return best;
}

/**
 * Between a body that closes with a byline and the next that opens with a dateline, the
 * lines in between are titles whatever their width (the seed page's headline-after pattern).
 */
function markAnchoredTitles(
  infos: readonly LineInfo[],
  kinds: readonly LineKind[],
  candidate: boolean[],
): void {
  const n = infos.length;
  for (let i = 0; i < n; i++) {
    const x = infos[i]!;
    const closes = x.bylineEnd !== null || x.bylineLine !== null || (i > 0 && x.bareName);
    if (kinds[i] !== "body" || !closes) continue;
    let j = i + 1;
    while (j < n && kinds[j] !== "body") j++;
    let k = j;
    while (k < n && k - j < 6 && kinds[k] === "body" && !infos[k]!.dateline && infos[k]!.titleish) k++;
    // Captions and furniture set after the title are passed over, as the body runs on across them.
    let m = k;
    while (m < n && kinds[m] !== "body") m++;
    if (k > j && (m === n || (infos[m]!.dateline && kinds[m] === "body")))
      for (let t = j; t < k; t++) candidate[t] = true;
    else if (x.bylineLine !== null && !x.cjk && infos[i - 1]?.endsSentence && kinds[i - 1] === "body") {
      // The credit may run on over lines of its own ("By Sarah Klein" / "Staff Writer"): the
      // title opens after its last.
      let c = j;
      while (c < n && kinds[c] === "body" && c - j < 2 && infos[c]!.bylineLine !== null && !infos[c]!.cjk)
        c++;
      markTitleAfterCredit(infos, kinds, candidate, c);
    }
  }
  // Working back from where a body visibly starts (a dateline, or a byline line over it), the
  // titleish lines up to a closed sentence or a title line are the title, deck included.
  for (let a = 1; a < n; a++) {
    const anchor = infos[a]!;
    if (kinds[a] !== "body" || !(anchor.dateline || anchor.bylineLine)) continue;
    // Walk back over titleish lines; captions and furniture set among them are passed over. A
    // title wrapped in sentence case goes on in lower case ("Congress faces crowded" /
    // "calendar as funding"), and a kicker, a wrapped headline and a wrapped deck make six lines.
    const walked: number[] = [];
    let r = a - 1;
    while (r >= 0 && walked.length < 6) {
      if (kinds[r] === "caption" || kinds[r] === "furniture") {
        r--;
        continue;
      }
      const y = infos[r]!;
      if (
        kinds[r] !== "body" ||
        candidate[r] ||
        !(y.titleish || continuesTitle(y)) ||
        isClosingName(infos, r)
      )
        break;
      walked.push(r);
      r--;
    }
    // The walk's top line opens the title: a line that only goes on from the one above opens nothing.
    while (walked.length > 0 && !infos[walked.at(-1)!]!.titleish) r = walked.pop()!;
    if (walked.length === 0) continue;
    const before = r >= 0 ? infos[r] : undefined;
    const bounded =
      !before ||
      kinds[r] !== "body" ||
      candidate[r] ||
      before.endsSentence ||
      before.bylineEnd?.spaced === true ||
      before.bylineLine !== null ||
      isClosingName(infos, r);
    // Body lines fill their measure; unless furniture, a caption, a byline or a title closes
    // the walk, at least one of the walked lines must not.
    const closedByOther =
      !before || kinds[r] !== "body" || candidate[r] || before.bylineLine !== null || isClosingName(infos, r);
    const short = closedByOther || walked.some((t) => (infos[t]!.line.fill ?? 1) <= 0.9);
    if (bounded && short) for (const t of walked) candidate[t] = true;
  }
}

/**
 * A credit line closing a body ("… the weekend." / "By Ellen Cho") ends an article, so what
 * follows it opens a title — this article's, set after its body, or the next one's — even
 * where no dateline marks the text after it: titleish lines from `j` (up to four, later ones
 * may go on in lower case) to the first that closes no clause or phrase ("… struggle to" is
 * no end) and is followed by a line opening a sentence with a capital, at least one of them
 * short of the measure as a title's last line is. The text that follows runs to the measure.
 */
function markTitleAfterCredit(
  infos: readonly LineInfo[],
  kinds: readonly LineKind[],
  candidate: boolean[],
  j: number,
): void {
  const n = infos.length;
  if (j >= n || kinds[j] !== "body" || !infos[j]!.titleish) return;
  let short = false;
  for (let b = j; b < n && b - j < 4 && kinds[b] === "body"; b++) {
    const y = infos[b]!;
    if (b > j && !(y.titleish || continuesTitle(y))) return;
    if ((y.line.fill ?? 1) <= 0.9) short = true;
    if (connectorEnd.test(y.text)) continue;
    const next = infos[b + 1];
    const opens =
      !next ||
      kinds[b + 1] !== "body" ||
      next.dateline !== null ||
      (next.startsSentence && !next.startsLower && !next.cjk);
    if (!opens) continue;
    if (short) for (let t = j; t <= b; t++) candidate[t] = true;
    return;
  }
}

/**
 * The title group ending the stream after a closed body, on a page whose titles follow their
 * bodies (the caller knows the page's orientation): up to four lines at the very end (captions
 * and furniture after them passed over), the first a title line and the others title lines or
 * lines going on from one in lower case, right after a line that closes a sentence or a
 * credit; the group closes no sentence, ends on a whole phrase and runs short of the measure
 * somewhere ("… attention to the league." / "Underdogs reach cup final" / "with late winner").
 * Empty where there is none.
 */
export function closingTitleGroup(infos: readonly LineInfo[], kinds: readonly LineKind[]): number[] {
  let end = infos.length - 1;
  while (end >= 0 && (kinds[end] === "caption" || kinds[end] === "furniture")) end--;
  const group: number[] = [];
  let r = end;
  while (
    r >= 0 &&
    group.length < 4 &&
    kinds[r] === "body" &&
    (infos[r]!.titleish || continuesTitle(infos[r]!))
  ) {
    group.push(r);
    r--;
  }
  while (group.length > 0 && !infos[group.at(-1)!]!.titleish) r = group.pop()!;
  if (group.length === 0 || r < 0 || kinds[r] !== "body") return [];
  const before = infos[r]!;
  const closed =
    before.endsSentence || before.bylineEnd !== null || before.bylineLine !== null || isClosingName(infos, r);
  const last = infos[end]!;
  if (!closed || last.endsSentence || connectorEnd.test(last.text)) return [];
  if (!group.some((t) => (infos[t]!.line.fill ?? 1) <= 0.9)) return [];
  return group.reverse();
}

/** A line that may go on a title line above it: lower case, few words, closing no sentence or clause. */
function continuesTitle(x: LineInfo): boolean {
  return (
    x.startsLower &&
    !x.endsSentence &&
    !x.endsHyphen &&
    x.words <= 8 &&
    !endsInClause.test(x.text) &&
    !x.dateline &&
    !x.bylineLine &&
    !x.jump
  );
}

const endsInClause = /[,;:，；：]$/;
const connectorEnd = /\s(?:and|or|of|the|for|to|in|on|with|at|by|as|a|an|from)$/i;

/**
 * A deck set apart under a title, right before the byline or dateline that opens the body:
 * up to four lines with whitespace on both sides, closing no sentence, between a title line
 * and a line that opens an article. Its lines may wrap at commas as body text does ("…
 * Cemetery, Nov. 19," / "1863"), so it is found by where it stands rather than by its text.
 */
function markDecks(infos: readonly LineInfo[], kinds: readonly LineKind[], candidate: boolean[]): void {
  const n = infos.length;
  // Set apart: a gap, or a blank line even where the stream's rhythm makes it ordinary leading.
  const apart = (x: LineInfo) => isBreakGap(x) || (x.line.blankBefore ?? 0) > 0;
  for (let a = 1; a < n; a++) {
    if (!candidate[a - 1] || kinds[a] !== "body" || !apart(infos[a]!)) continue;
    let b = a;
    while (b + 1 < n && b - a < 4 && kinds[b + 1] === "body" && !apart(infos[b + 1]!)) b++;
    const next = infos[b + 1];
    if (b - a >= 4 || !next || !apart(next) || kinds[b + 1] !== "body") continue;
    const opens = next.dateline !== null || (next.bylineLine !== null && !next.cjk);
    if (!opens || infos[b]!.endsSentence) continue;
    let plain = true;
    for (let k = a; k <= b; k++) {
      const y = infos[k]!;
      if (y.dateline || y.bylineLine || y.jump || y.bylineEnd || y.furniture || isJunkLine(y)) plain = false;
    }
    if (plain) for (let k = a; k <= b; k++) candidate[k] = true;
  }
}

/**
 * A line set off the body measure: well short of it, or running past it (a deck set in
 * smaller type on a wider measure). Running text fills its measure but for a paragraph's last
 * line, which closes a sentence.
 */
function offMeasure(x: LineInfo): boolean {
  const fill = x.line.fill ?? 1;
  return fill <= 0.7 || fill >= 1.08;
}

/**
 * A title line's run-on and deck set tight under it, with no whitespace to tell them from the
 * text: up to three lines closing no sentence, clause or word, the last of them off the body
 * measure or followed by whitespace or the end of the stream, and then a line that opens a
 * sentence, a dateline or a byline (or nothing). A paragraph's line stops short of the measure, or ends
 * its block, only where it closes a sentence: a line that does so closing nothing ends no
 * running text ("Utility crews from six states help" / "restore service"). The group's first
 * line may go on from the title line in lower case ("Storm knocks out power to" / "thousands
 * across the Midwest"), and its last ends on a whole phrase, never on "the", "an" or "to".
 * A deck set to a wider measure than the text ("Leaders in both parties say a short-term" /
 * "spending bill is the likeliest outcome") may end full: its first line ran past the measure.
 */
function markRunOnDecks(infos: readonly LineInfo[], kinds: readonly LineKind[], candidate: boolean[]): void {
  const n = infos.length;
  for (let a = 1; a < n; a++) {
    if (candidate[a] || !candidate[a - 1] || kinds[a] !== "body" || isBreakGap(infos[a])) continue;
    let past = false;
    for (let b = a; b < n && b - a < 3; b++) {
      const y = infos[b]!;
      if (kinds[b] !== "body" || (b > a && isBreakGap(y)) || !(y.titleish || continuesTitle(y))) break;
      // A line running past the measure is set to another one: no running text ends there.
      if ((y.line.fill ?? 1) >= 1.08) past = true;
      const next = infos[b + 1];
      // A title group ends on a whole phrase, never on "the", "an" or "to".
      if ((!offMeasure(y) && !past && next && !isBreakGap(next)) || connectorEnd.test(y.text)) continue;
      const opens =
        !next ||
        next.dateline !== null ||
        next.bylineLine !== null ||
        (next.startsSentence && !next.startsLower && !next.cjk);
      if (!opens) continue;
      for (let k = a; k <= b; k++) candidate[k] = true;
      a = b;
      break;
    }
  }
}

/**
 * The first lines of a multi-line title fill the measure like body text; only the last is
 * short. Up to two titleish lines without clause punctuation directly above a title block
 * join it when the text above them has ended.
 */
function extendBack(infos: readonly LineInfo[], kinds: readonly LineKind[], start: number): number {
  let s = start;
  for (let k = 0; k < 2; k++) {
    const j = s - 1;
    const y = infos[j];
    // A block break stops the walk, except over a kicker set right above big headline type.
    const overHeading = isHeadingType(infos[s]!) && !isHeadingType(y ?? infos[s]!) && (y?.words ?? 99) <= 8;
    if (!y || kinds[j] !== "body" || !y.titleish || y.clauses > 0 || (isBreakGap(infos[s]) && !overHeading))
      break;
    if (isClosingName(infos, j)) break;
    s = j;
  }
  if (s === start) return start;
  const p = neighbourBody(kinds, s - 1, -1);
  const prev = p >= 0 ? infos[p] : undefined;
  const ended = !prev || prev.endsSentence || prev.bylineEnd !== null || prev.bylineLine !== null;
  return ended &&
    (p < s - 1 || !prev || isBreakGap(infos[s]) || prev.endsSentence || prev.bylineLine !== null)
    ? s
    : start;
}

function neighbourBody(
  kinds: readonly LineKind[],
  from: number,
  step: 1 | -1,
  infos?: readonly LineInfo[],
): number {
  let j = from;
  while (j >= 0 && j < kinds.length && (kinds[j] !== "body" || (infos && isFragment(infos, j)))) j += step;
  return j;
}

function acceptTitleBlock(
  infos: readonly LineInfo[],
  kinds: readonly LineKind[],
  start: number,
  end: number,
): boolean {
  const lines: LineInfo[] = [];
  for (let t = start; t < end; t++) if (kinds[t] === "body") lines.push(infos[t]!);
  const titles = lines.filter((x) => !x.bylineLine);
  if (titles.length === 0) return false;
  const p = neighbourBody(kinds, start - 1, -1, infos);
  const q = neighbourBody(kinds, end, 1, infos);
  const prev = p >= 0 ? infos[p] : undefined;
  const next = q < infos.length ? infos[q] : undefined;
  const prevEnded =
    !prev ||
    prev.endsSentence ||
    prev.endsColon ||
    prev.bylineEnd !== null ||
    prev.bylineLine !== null ||
    isClosingName(infos, p);
  const nextStarts =
    !next || next.dateline !== null || next.bylineLine !== null || (next.startsSentence && !next.startsLower);
  if (!prevEnded || !nextStarts) return false;
  // Where the stream marks blocks with whitespace, a title is set apart from the body under it.
  if (
    next &&
    gapsInformative(infos) &&
    next.line.gapBefore === "none" &&
    !next.dateline &&
    !next.bylineLine
  ) {
    const last = infos[end - 1]!;
    // A byline closing the block may be set tight over the text ("By X" / "Staff Writer").
    if ((last.line.sizeRatio ?? 1) < 1.2 && last.line.roleHint !== "heading" && !last.bylineLine)
      return false;
  }
  if (!prev || !next) return true;
  const hasByline = lines.some((x) => x.bylineLine) || next.bylineLine !== null;
  const bigger = titles.some((x) => (x.line.sizeRatio ?? 1) >= 1.25 || x.line.roleHint === "heading");
  const afterNonBody = p < start - 1 && (kinds[start - 1] === "furniture" || kinds[start - 1] === "jump");
  // A title set directly over a caption (the photo sits between headline and text).
  const overCaption = kinds[end] === "caption" && q > end;
  const measureChange = relativeChange(prev.line.measure, next.line.measure) >= 0.2;
  const spatial = prev.line.articleHint !== undefined && prev.line.articleHint !== next.line.articleHint;
  if (
    prev.bylineEnd ||
    prev.bylineLine ||
    next.dateline ||
    hasByline ||
    bigger ||
    afterNonBody ||
    overCaption ||
    measureChange ||
    spatial
  ) {
    return true;
  }
  // Two lines off the body measure with no sentence closed among them are no running text.
  let off = 0;
  for (const x of titles) if (offMeasure(x)) off++;
  if (off >= 2) return true;
  // Set apart by whitespace only: accept what reads as a title — several lines, or one line
  // of real title length (in title case for Latin script).
  const apart = isBreakGap(infos[start]) && (isBreakGap(next) || next.line.gapBefore === "line");
  if (!apart) return false;
  if (titles.length >= 2) return true;
  const only = titles[0]!;
  return only.cjk ? only.chars >= 5 : only.words >= 2 && (only.titleCase || only.allCaps);
}

const informative = new WeakMap<readonly LineInfo[], boolean>();

/** Whether the stream uses whitespace between blocks at all (some blank lines or gaps, not every line). */
function gapsInformative(infos: readonly LineInfo[]): boolean {
  let known = informative.get(infos);
  if (known === undefined) {
    const gaps = infos.filter((x) => x.line.gapBefore === "paragraph" || x.line.gapBefore === "block").length;
    known = gaps >= Math.max(2, infos.length * 0.03);
    informative.set(infos, known);
  }
  return known;
}

function relativeChange(a: number | undefined, b: number | undefined): number {
  if (!a || !b) return 0;
  return Math.abs(a - b) / Math.max(a, b);
}
