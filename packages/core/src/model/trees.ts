import type { Router } from "./router.ts";

/**
 * Gradient-boosted regression trees, as fitted by `pnpm train` (the `training` package) and
 * shipped in `model.json`: each tree is flat arrays, a node is a leaf where `feature` is -1.
 * Prediction is pure arithmetic, so it runs the same in Node and in the browser.
 */

/** One tree: node `k` splits on `feature[k]` at `threshold[k]` (`<=` goes left). */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** A leaf's contribution to the margin (unused on split nodes). */
  value: number[];
}

/** A binary decision: the margin is `base` plus the leaves the row reaches. */
export interface Head {
  base: number;
  trees: Tree[];
}

/** The decisions the model makes about each line of a stream. */
export const headNames = ["other", "begin", "title"] as const;

/** One of the model's decisions. */
export type HeadName = (typeof headNames)[number];

/**
 * The probabilities above which decisions are taken: one per head, and `lead`, the lower bar an
 * article's opening line clears to be its title when no title run opens or closes it (a line
 * known to open an article is far likelier to be a title than a line anywhere: "ZWEEDEN.",
 * "Kerknieuws." over a paragraph). Chosen by the leave-one-paper-out means, like the fit.
 */
export interface Thresholds {
  other: number;
  begin: number;
  title: number;
  lead: number;
}

/** The fitted parameters: the feature names they were fitted on, and one head per decision. */
export interface LineModel {
  version: 1;
  features: string[];
  heads: Record<HeadName, Head>;
  /** The probability above which each decision is taken (0.5 where absent; `lead` as `title`). */
  thresholds?: Partial<Thresholds>;
  /** Which pages keep the rules' reading (see `route`); absent: every page takes the model's. */
  router?: Router;
}

/** The margin (log-odds) a head gives a row of features. */
export function headMargin(head: Head, row: ArrayLike<number>): number {
  let margin = head.base;
  for (const tree of head.trees) margin += treeValue(tree, row);
  return margin;
}

/** The leaf value a row reaches in one tree. */
export function treeValue(tree: Tree, row: ArrayLike<number>): number {
  let k = 0;
  while (tree.feature[k]! >= 0) {
    k = row[tree.feature[k]!]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
  }
  return tree.value[k]!;
}

/** The logistic function: a margin as a probability. */
export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}
