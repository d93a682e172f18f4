import { type Head, headMargin, type Thresholds, type Tree } from "./trees.ts";

/**
 * A deterministic gradient-boosted tree fitter for binary decisions (logistic loss, second
 * order, histogram splits): the same rows, labels and weights give the same trees, bit for bit.
 */

/** Settings of `fitHead`. */
export interface FitSettings {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Least hessian weight a child may hold. */
  minChildWeight: number;
  /** Most bins a feature's values are cut into. */
  bins: number;
  /** How much a line of a real page weighs against one of the project's fixtures (weight 1). */
  realWeight: number;
  /** Weigh every page alike (a line weighs 400 / the page's lines) instead of every line alike. */
  pageNorm: boolean;
  /** The probability above which each decision is taken. */
  thresholds: Thresholds;
}

/** The settings `pnpm train` uses. */
export const defaultFit: FitSettings = {
  rounds: 100,
  depth: 3,
  learningRate: 0.2,
  lambda: 2,
  minChildWeight: 2,
  bins: 48,
  realWeight: 20,
  pageNorm: true,
  thresholds: { other: 0.5, begin: 0.15, title: 0.5, lead: 0.1 },
};

/** Training rows: `count` rows of `width` features, row-major, with labels and weights. */
export interface Rows {
  count: number;
  width: number;
  data: Float32Array;
  label: Uint8Array;
  weight: Float32Array;
}

/** Rows binned once for every head fitted on them. */
export interface BinnedRows {
  rows: Rows;
  edges: Float32Array[];
  bins: Uint8Array;
}

/** Cuts each feature's values into at most `bins` bins at its quantiles. */
export function binRows(rows: Rows, bins = defaultFit.bins): BinnedRows {
  const { count, width, data } = rows;
  const edges: Float32Array[] = [];
  const out = new Uint8Array(count * width);
  const column = new Float32Array(count);
  for (let f = 0; f < width; f++) {
    for (let i = 0; i < count; i++) column[i] = data[i * width + f]!;
    const sorted = Float32Array.from(column).sort();
    const distinct: number[] = [];
    for (const v of sorted) if (distinct.length === 0 || distinct.at(-1) !== v) distinct.push(v);
    let cut: number[];
    if (distinct.length <= bins) cut = distinct;
    else {
      cut = [];
      for (let b = 1; b <= bins; b++) {
        const v = sorted[Math.min(count - 1, Math.floor((b * count) / bins) - 1)]!;
        if (cut.length === 0 || cut.at(-1)! < v) cut.push(v);
      }
      if (cut.at(-1)! < distinct.at(-1)!) cut.push(distinct.at(-1)!);
    }
    const e = Float32Array.from(cut);
    edges.push(e);
    for (let i = 0; i < count; i++) out[i * width + f] = binOf(e, column[i]!);
  }
  return { rows, edges, bins: out };
}

function binOf(edges: Float32Array, v: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Fits one head on the rows where `use` is 1 (all rows when absent). Returns the base margin
 * and the trees; thresholds are the features' own values, so prediction needs no bins.
 */
export function fitHead(
  binned: BinnedRows,
  settings: FitSettings = defaultFit,
  use?: Uint8Array,
  start?: Head,
): Head {
  const { rows, edges, bins } = binned;
  const { width, label, weight } = rows;
  const index: number[] = [];
  for (let i = 0; i < rows.count; i++) if (!use || use[i]) index.push(i);
  const n = index.length;
  let wsum = 0;
  let psum = 0;
  for (const i of index) {
    wsum += weight[i]!;
    psum += weight[i]! * label[i]!;
  }
  const prior = Math.min(0.999, Math.max(0.001, wsum ? psum / wsum : 0.5));
  // A start head (adapting a fitted model): its trees stay, new trees fit what it gets wrong.
  const base = start ? start.base : Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(base);
  if (start) {
    for (let k = 0; k < n; k++) {
      const row = rows.data.subarray(index[k]! * width, (index[k]! + 1) * width);
      margin[k] = headMargin(start, row);
    }
  }
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: Tree[] = start ? [...start.trees] : [];
  const maxBins = Math.max(1, ...edges.map((e) => e.length));
  const histG = new Float64Array(width * maxBins);
  const histH = new Float64Array(width * maxBins);
  for (let round = 0; round < settings.rounds; round++) {
    for (let k = 0; k < n; k++) {
      const i = index[k]!;
      const p = 1 / (1 + Math.exp(-margin[k]!));
      grad[k] = (p - label[i]!) * weight[i]!;
      hess[k] = Math.max(p * (1 - p), 1e-6) * weight[i]!;
    }
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const leafOf = new Int32Array(n);
    const grow = (members: Int32Array, depth: number): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      let G = 0;
      let H = 0;
      for (const k of members) {
        G += grad[k]!;
        H += hess[k]!;
      }
      const leaf = () => {
        tree.value[node] = (-G / (H + settings.lambda)) * settings.learningRate;
        for (const k of members) leafOf[k] = node;
        return node;
      };
      if (depth >= settings.depth || H < 2 * settings.minChildWeight) return leaf();
      histG.fill(0);
      histH.fill(0);
      for (const k of members) {
        const at = index[k]! * width;
        for (let f = 0; f < width; f++) {
          const slot = f * maxBins + bins[at + f]!;
          histG[slot]! += grad[k]!;
          histH[slot]! += hess[k]!;
        }
      }
      const parentScore = (G * G) / (H + settings.lambda);
      let bestGain = 1e-9;
      let bestF = -1;
      let bestB = -1;
      for (let f = 0; f < width; f++) {
        let gl = 0;
        let hl = 0;
        const nb = edges[f]!.length;
        for (let b = 0; b < nb - 1; b++) {
          gl += histG[f * maxBins + b]!;
          hl += histH[f * maxBins + b]!;
          const hr = H - hl;
          if (hl < settings.minChildWeight || hr < settings.minChildWeight) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + settings.lambda) + (gr * gr) / (hr + settings.lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestB = b;
          }
        }
      }
      if (bestF < 0) return leaf();
      const leftMembers: number[] = [];
      const rightMembers: number[] = [];
      for (const k of members) {
        if (bins[index[k]! * width + bestF]! <= bestB) leftMembers.push(k);
        else rightMembers.push(k);
      }
      tree.feature[node] = bestF;
      tree.threshold[node] = edges[bestF]![bestB]!;
      tree.left[node] = grow(Int32Array.from(leftMembers), depth + 1);
      tree.right[node] = grow(Int32Array.from(rightMembers), depth + 1);
      return node;
    };
    const all = new Int32Array(n);
    for (let k = 0; k < n; k++) all[k] = k;
    grow(all, 0);
    for (let k = 0; k < n; k++) margin[k]! += tree.value[leafOf[k]!]!;
    trees.push(tree);
  }
  return { base, trees };
}
