/**
 * Finds runs of lines set to one measure (column width) in a stream of line widths, by an
 * optimal segmentation (Viterbi over candidate measures): every run has one measure; a line
 * as wide as the measure costs nothing, a short line (paragraph end, title) a little, a line
 * wider than the measure a lot, and a change of measure a fixed price. A short run of short
 * lines therefore stays in its run, while a sustained change of width starts a new one.
 */

/** One run of lines set to one measure. */
export interface MeasureRun {
  /** Index of the first line of the run. */
  start: number;
  /** Index just past the last line. */
  end: number;
  /** The measure, in the widths' unit. */
  measure: number;
}

/** Tuning of `findMeasureRuns`; the defaults suit display cells of CJK and Latin text. */
export interface MeasureOptions {
  /** How far a full line may run past the measure (absolute, and relative to it). */
  overAbs?: number;
  overRel?: number;
  /** How far short of the measure a line still counts as full. */
  underAbs?: number;
  underRel?: number;
  /** Cost of a short line. */
  shortCost?: number;
  /** Cost of starting a new run. */
  switchCost?: number;
}

const defaults: Required<MeasureOptions> = {
  overAbs: 1,
  overRel: 0.05,
  underAbs: 2,
  underRel: 0.06,
  shortCost: 1,
  switchCost: 4,
};

/**
 * Segments `widths` (one per line, in reading order) into measure runs. Runs cover every
 * index exactly once, in order. Widths are quantised to halves of the unit.
 */
export function findMeasureRuns(widths: readonly number[], options: MeasureOptions = {}): MeasureRun[] {
  const o = { ...defaults, ...options };
  const n = widths.length;
  if (n === 0) return [];
  // A measure is a width at least two lines reach: one line alone does not set a column.
  const reached = new Map<number, number>();
  for (const w of widths) {
    const q = Math.round(w * 2) / 2;
    if (q > 0) reached.set(q, (reached.get(q) ?? 0) + 1);
  }
  let candidates = [...reached].filter(([, count]) => count >= 2).map(([m]) => m);
  if (candidates.length === 0) candidates = [...reached.keys()];
  candidates.sort((a, b) => a - b);
  if (candidates.length === 0) return [{ start: 0, end: n, measure: 0 }];
  const k = candidates.length;
  const over = Float64Array.from(candidates, (m) => Math.max(o.overAbs, o.overRel * m));
  const under = Float64Array.from(candidates, (m) => Math.max(o.underAbs, o.underRel * m));
  const measures = Float64Array.from(candidates);
  // score[j]: best cost of lines 0..i with line i in a run of measure candidates[j]; back[i*k+j]
  // the candidate line i-1 had on that best path. The cost of a line against a measure: nothing
  // when full, a little when short, a lot when wider than the measure.
  let score = new Float64Array(k);
  let next = new Float64Array(k);
  const back = new Int32Array(n * k);
  const shortCost = o.shortCost;
  const switchCost = o.switchCost;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestScore = score[0]!;
    for (let j = 1; j < k; j++) {
      const s = score[j]!;
      if (s < bestScore) {
        best = j;
        bestScore = s;
      }
    }
    // Line 0 starts where it likes: staying is free, since nothing came before.
    const jump = i === 0 ? Number.POSITIVE_INFINITY : bestScore + switchCost;
    const w = widths[i]!;
    const row = i * k;
    for (let j = 0; j < k; j++) {
      const d = w - measures[j]!;
      const ov = over[j]!;
      const c = d > ov ? 4 + (d - ov) : d >= -under[j]! ? 0.02 * Math.abs(d) : shortCost;
      const stay = score[j]!;
      if (stay <= jump) {
        next[j] = stay + c;
        back[row + j] = j;
      } else {
        next[j] = jump + c;
        back[row + j] = best;
      }
    }
    const swap = score;
    score = next;
    next = swap;
  }
  let j = 0;
  for (let t = 1; t < k; t++) if (score[t]! < score[j]!) j = t;
  const assigned = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    assigned[i] = j;
    j = back[i * k + j]!;
  }
  const runs: MeasureRun[] = [];
  for (let i = 0; i < n; i++) {
    const m = candidates[assigned[i]!]!;
    const last = runs.at(-1);
    if (last && last.measure === m && i === last.end) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, measure: m });
  }
  return runs;
}
