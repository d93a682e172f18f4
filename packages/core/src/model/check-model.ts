import { signalNames } from "./router.ts";
import { headNames, type LineModel, type Thresholds, type Tree } from "./trees.ts";

/**
 * Reads a model from parsed JSON, checking its shape: every head present, every tree's arrays
 * of one length with children inside the tree, the router on a known page fact at a number,
 * each side "rules" or "model". Throws on a model this version cannot run; a missing router or
 * thresholds read as absent, and each bar given must be a known one and a probability strictly
 * between 0 and 1.
 */
export function checkModel(value: unknown): LineModel {
  const fail = (what: string): never => {
    throw new Error(`not a Galley model: ${what}`);
  };
  const v = value as Partial<Record<keyof LineModel, unknown>> | null;
  if (!v || typeof v !== "object" || v.version !== 1) fail("version 1 expected");
  if (!Array.isArray(v!.features) || !v!.features.every((f) => typeof f === "string")) fail("features");
  const heads = v!.heads as Record<string, { base: unknown; trees: unknown }> | undefined;
  for (const name of headNames) {
    const head = heads?.[name];
    if (!head || typeof head.base !== "number" || !Array.isArray(head.trees)) fail(`head ${name}`);
    for (const t of head!.trees as Tree[]) checkTree(t, (v!.features as string[]).length, fail);
  }
  const model: LineModel = {
    version: 1,
    features: v!.features as string[],
    heads: heads as unknown as LineModel["heads"],
  };
  if (v!.thresholds) model.thresholds = checkThresholds(v!.thresholds, fail);
  const router = v!.router as LineModel["router"] | null | undefined;
  if (router) {
    const side = (s: unknown) => s === "rules" || s === "model";
    const known = signalNames.includes(router.signal) && typeof router.threshold === "number";
    if (!known || Number.isNaN(router.threshold) || !side(router.above) || !side(router.below))
      fail("router");
    model.router = {
      signal: router.signal,
      threshold: router.threshold,
      above: router.above,
      below: router.below,
    };
  }
  return model;
}

function checkTree(t: Tree, width: number, fail: (what: string) => never): void {
  const n = t?.feature?.length ?? 0;
  if (!n || [t.threshold, t.left, t.right, t.value].some((a) => !Array.isArray(a) || a.length !== n))
    fail("tree");
  for (let k = 0; k < n; k++) {
    const f = t.feature[k]!;
    if (f >= width) fail("tree feature");
    if (f >= 0 && !(t.left[k]! > k && t.left[k]! < n && t.right[k]! > k && t.right[k]! < n))
      fail("tree node");
  }
}

const barNames: readonly (keyof Thresholds)[] = ["other", "begin", "title", "lead"];

function checkThresholds(value: unknown, fail: (what: string) => never): Partial<Thresholds> {
  if (typeof value !== "object" || Array.isArray(value)) fail("thresholds");
  const bars: Partial<Thresholds> = {};
  for (const [name, bar] of Object.entries(value as Record<string, unknown>)) {
    if (!barNames.includes(name as keyof Thresholds)) fail(`threshold ${name}`);
    if (typeof bar !== "number" || !(bar > 0 && bar < 1)) fail(`threshold ${name}`);
    bars[name as keyof Thresholds] = bar as number;
  }
  return bars;
}
