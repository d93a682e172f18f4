import { isCjk } from "@galley/core";

function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Whether a block's (possibly corrected) text is still the text of its source lines: equal
 * once white space is ignored, with or without the line-end hyphens that joining removed.
 */
export function isUnedited(blockText: string, lineTexts: readonly string[]): boolean {
  const block = squeeze(blockText);
  if (block === squeeze(lineTexts.join(""))) return true;
  return block === squeeze(lineTexts.map((t) => t.trimEnd().replace(/[-\u00AD\u2010]$/, "")).join(""));
}

/**
 * Splits a block's text into `weights.length` line texts whose non-space lengths follow the
 * weights (usually the source lines' lengths), cutting only at white space or next to a CJK
 * character, so no Latin word is split. Used to lay corrected text over the source lines; a
 * line can come out empty when the text got much shorter.
 */
export function splitByWeights(text: string, weights: readonly number[]): string[] {
  const chars = [...text.trim()];
  if (weights.length <= 1) return [chars.join("")];
  const total = weights.reduce((a, b) => a + Math.max(b, 0), 0) || weights.length;
  const nonSpace = chars.filter((c) => !/\s/.test(c)).length;
  // Candidate cuts: [index in chars, non-space characters before it].
  const cuts: [number, number][] = [];
  let seen = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    if (i > 0 && (/\s/.test(ch) || isCjk(ch) || isCjk(prev)) && !/\s/.test(prev ?? "")) cuts.push([i, seen]);
    if (!/\s/.test(ch)) seen++;
  }
  const out: string[] = [];
  let from = 0;
  let acc = 0;
  let c = 0;
  for (let k = 0; k < weights.length - 1; k++) {
    acc += Math.max(weights[k]!, 0);
    const target = (acc / total) * nonSpace;
    while (c + 1 < cuts.length && cuts[c]![0] <= from) c++;
    while (c + 1 < cuts.length && Math.abs(cuts[c + 1]![1] - target) <= Math.abs(cuts[c]![1] - target)) c++;
    const cut = cuts[c];
    if (!cut || cut[0] <= from || Math.abs(cut[1] - target) > Math.abs(nonSpace - target) + 1) {
      out.push("");
      continue;
    }
    out.push(chars.slice(from, cut[0]).join("").trim());
    from = cut[0];
  }
  out.push(chars.slice(from).join("").trim());
  return out;
}
