import type { ReconstructOptions } from "../reconstruct.ts";
import type { ReconstructedPage } from "../types.ts";
import { featureNames, pageFeatures } from "./features.ts";
import { binRows, defaultFit, fitHead, type Rows } from "./fit-trees.ts";
import { pageLabels } from "./labels.ts";
import { readPage } from "./reading.ts";
import { type HeadName, headNames, type LineModel } from "./trees.ts";

/** A page of one publication as its editors approved it: the OCR source and the finished page. */
export interface ApprovedPage {
  input: string | Uint8Array;
  format?: ReconstructOptions["format"];
  truth: ReconstructedPage;
}

/**
 * How adaptation fits: trees added per decision, their leaf penalty and rate; and the bars the
 * adapted model decides with. The base model's low bars for an article's opening make up for
 * papers it has never seen; adapted to a publication, it has seen it, and decides at 0.5.
 */
export const adaptSettings = { rounds: 30, lambda: 5, learningRate: 0.2, begin: 0.5, lead: 0.5 } as const;

/**
 * A model adapted to one publication from pages its editors approved: each decision keeps the
 * base model's trees and adds a few fitted to what they get wrong on those pages (the house
 * style: where titles stand, what opens an article, what is furniture). Where the rules
 * already read every approved page as approved, the adapted model keeps the rules' page for
 * the publication; otherwise it decides every page of it. Deterministic; runs in milliseconds
 * for a few pages.
 */
export function adaptModel(
  base: LineModel,
  pages: readonly ApprovedPage[],
  tuning: Partial<typeof adaptSettings> = {},
): LineModel {
  if (pages.length === 0) return base;
  const width = featureNames.length;
  const parts: { data: Float32Array; labels: ReturnType<typeof pageLabels> }[] = [];
  let rulesRight = true;
  for (const page of pages) {
    const reading = readPage(page.input, page.format ? { format: page.format } : {});
    const ids = reading.stream.map((l) => l.id);
    const features = pageFeatures(reading);
    const labels = pageLabels(page.truth, ids);
    if (rulesRight) rulesRight = sameDecisions(pageLabels(reading.rules, ids), labels);
    parts.push({ data: features.data, labels });
  }
  const count = parts.reduce((n, p) => n + p.labels.other.length, 0);
  const data = new Float32Array(count * width);
  const label: Record<HeadName, Uint8Array> = {
    other: new Uint8Array(count),
    begin: new Uint8Array(count),
    title: new Uint8Array(count),
  };
  let at = 0;
  for (const p of parts) {
    data.set(p.data, at * width);
    for (const name of headNames) label[name].set(p.labels[name], at);
    at += p.labels.other.length;
  }
  const inArticle = label.other.map((o) => 1 - o);
  const rows: Rows = { count, width, data, label: label.other, weight: new Float32Array(count).fill(1) };
  const binned = binRows(rows);
  const settings = { ...defaultFit, ...adaptSettings, ...tuning };
  const heads = {} as LineModel["heads"];
  for (const name of headNames) {
    binned.rows = { ...rows, label: label[name] };
    const use = name === "other" ? undefined : inArticle;
    heads[name] = fitHead(binned, settings, use, aligned(base, name));
  }
  const keep = rulesRight ? "rules" : "model";
  return {
    ...base,
    features: [...featureNames],
    heads,
    thresholds: { ...base.thresholds, begin: settings.begin, lead: settings.lead },
    router: { signal: "geometry", threshold: -1, above: keep, below: keep },
  };
}

/** The base model's head, with feature indices of this version's feature order. */
function aligned(base: LineModel, name: HeadName): LineModel["heads"][HeadName] {
  const map = base.features.map((f) => featureNames.indexOf(f));
  if (map.some((c) => c < 0)) throw new Error("the base model reads features this version does not");
  const head = base.heads[name];
  return {
    base: head.base,
    trees: head.trees.map((t) => ({ ...t, feature: t.feature.map((f) => (f < 0 ? f : map[f]!)) })),
  };
}

function sameDecisions(a: ReturnType<typeof pageLabels>, b: ReturnType<typeof pageLabels>): boolean {
  for (let i = 0; i < a.other.length; i++) {
    if (a.other[i] !== b.other[i]) return false;
    if (!a.other[i] && (a.begin[i] !== b.begin[i] || a.title[i] !== b.title[i])) return false;
  }
  return true;
}
