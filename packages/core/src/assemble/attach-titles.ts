import type { LineInfo } from "../lines/line-info.ts";
import { overlapScore, type Term, termsOf, termWeights } from "./overlap.ts";
import type { Unit } from "./units.ts";

/**
 * Decides which article each title block belongs to. Some streams set a title before its body,
 * others (the seed page) after it; the page's orientation is read from evidence, not assumed:
 * a title block at the very end of the stream can only follow its body, one at the start only
 * lead; a title shares vocabulary with its own body more than with its neighbour's; a "By" line
 * under a title leads into the body. The page's orientation then applies to every title block
 * unless the block's own vocabulary strongly says otherwise or its side is taken.
 */

/** For each unit index of a title block, the unit index of the body it belongs to (or null), and a confidence. */
export interface Attachment {
  body: number | null;
  confidence: number;
}

/** Whether the page's evidence says its titles follow their bodies. */
export function titlesFollow(infos: readonly LineInfo[], units: readonly Unit[]): boolean {
  return readOrientation(infos, units).evidence > 0;
}

/**
 * The orientation read from a page: positive `evidence` means titles follow their bodies;
 * `local` holds, for each title block between two bodies, how much more its vocabulary
 * shares with the body before it than with the one after.
 */
function readOrientation(
  infos: readonly LineInfo[],
  units: readonly Unit[],
): { evidence: number; local: Map<number, number> } {
  // A title echoes its body's lead more than anything else; the lead and the close are enough.
  const text = (u: Unit) => {
    const all = u.lines.map((i) => infos[i]!.text).join("");
    return all.length <= 500 ? all : `${all.slice(0, 350)} ${all.slice(-150)}`;
  };
  // Only the vocabulary of titles set between two bodies is ever weighed: bodies are read for it alone.
  const titleTerms = new Map<number, Set<Term>>();
  units.forEach((u, k) => {
    if (u.type !== "title" || units[k - 1]?.type !== "body" || units[k + 1]?.type !== "body") return;
    const words = u.lines.filter((i) => !infos[i]!.bylineLine).map((i) => infos[i]!.text);
    titleTerms.set(k, termsOf(words.join(" ")));
  });
  const wanted = new Set<Term>([...titleTerms.values()].flatMap((t) => [...t]));
  const bodyTerms = new Map<number, Set<Term>>();
  units.forEach((u, k) => {
    if (u.type === "body") bodyTerms.set(k, wanted.size ? termsOf(text(u), wanted) : new Set());
  });
  const weight = termWeights([...bodyTerms.values()]);
  const local = new Map<number, number>();
  let evidence = 0;
  units.forEach((u, k) => {
    if (u.type !== "title") return;
    const prev = units[k - 1]?.type === "body" ? k - 1 : null;
    const next = units[k + 1]?.type === "body" ? k + 1 : null;
    if (prev === null && next !== null) evidence -= 1;
    if (prev !== null && next === null) evidence += 1;
    if (prev !== null && next !== null) {
      const terms = titleTerms.get(k)!;
      const diff =
        overlapScore(terms, bodyTerms.get(prev)!, weight) - overlapScore(terms, bodyTerms.get(next)!, weight);
      local.set(k, diff);
      evidence += 2 * diff;
    }
    evidence += 0.5 * bylineSide(infos, u);
  });
  return { evidence, local };
}

/** Attaches each title block to a body (or none), by the page's orientation and its own vocabulary. */
export function attachTitles(infos: readonly LineInfo[], units: readonly Unit[]): Map<number, Attachment> {
  const { evidence, local } = readOrientation(infos, units);
  const after = evidence > 0;
  const strength = Math.min(1, Math.abs(evidence) / 2);
  const taken = new Set<number>();
  const result = new Map<number, Attachment>();
  units.forEach((u, k) => {
    if (u.type !== "title") return;
    const prev = units[k - 1]?.type === "body" ? k - 1 : null;
    const next = units[k + 1]?.type === "body" ? k + 1 : null;
    const diff = local.get(k) ?? 0;
    let prefer = after ? prev : next;
    let other = after ? next : prev;
    // The block's own vocabulary overrides the page only when it is unambiguous.
    if (prev !== null && next !== null && Math.abs(diff) >= 0.35 && diff > 0 !== after)
      [prefer, other] = [other, prefer];
    const free = (b: number | null): b is number => b !== null && !taken.has(b);
    const body = free(prefer) ? prefer : free(other) ? other : null;
    if (body !== null) taken.add(body);
    const single = prev === null || next === null;
    const confidence =
      body === null ? 0.3 : single ? 0.9 : 0.5 + 0.25 * strength + 0.25 * Math.min(1, Math.abs(diff) * 2);
    result.set(k, { body, confidence });
  });
  return result;
}

/**
 * Which way a Latin By line in a title block points: set under the title lines it leads into
 * the body below (-1); set before them, right after a body that closes a sentence, it closes
 * the article above and the title follows it (+1, "… the rest of the week." / "By Ellen Cho" /
 * "Storm knocks out power"); 0 without one.
 */
function bylineSide(infos: readonly LineInfo[], u: Unit): number {
  let side = 0;
  let titleSeen = false;
  for (const i of u.lines) {
    const x = infos[i]!;
    if (!x.bylineLine) titleSeen = true;
    else if (!x.cjk) {
      const closes = !titleSeen && infos[u.lines[0]! - 1]?.endsSentence === true;
      side = closes ? 1 : -1;
      if (!closes) break;
    }
  }
  return side;
}
