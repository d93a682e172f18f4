import {
  binRows,
  defaultFit,
  type FitSettings,
  featureNames,
  fitHead,
  type HeadName,
  headNames,
  type LineModel,
  type Rows,
} from "@galley/core/model";
import type { ReadPage } from "./dataset.ts";
import { lineWeight } from "./dataset.ts";

/**
 * Fits the model's heads on read pages: `other` on every line, `begin` on the lines the truth
 * puts in articles, `title` on those lines of pages whose truth marks titles.
 */
export function fitModel(pages: readonly ReadPage[], settings: FitSettings = defaultFit): LineModel {
  const width = featureNames.length;
  let count = 0;
  for (const p of pages) count += p.features.count;
  const data = new Float32Array(count * width);
  const weight = new Float32Array(count);
  const labels: Record<HeadName, Uint8Array> = {
    other: new Uint8Array(count),
    begin: new Uint8Array(count),
    title: new Uint8Array(count),
  };
  const use: Record<HeadName, Uint8Array> = {
    other: new Uint8Array(count).fill(1),
    begin: new Uint8Array(count),
    title: new Uint8Array(count),
  };
  let at = 0;
  for (const p of pages) {
    data.set(p.features.data, at * width);
    const w =
      lineWeight(p.page, settings.realWeight) * (settings.pageNorm ? 400 / Math.max(1, p.features.count) : 1);
    for (let i = 0; i < p.features.count; i++) {
      const r = at + i;
      weight[r] = w;
      labels.other[r] = p.labels.other[i]!;
      labels.begin[r] = p.labels.begin[i]!;
      labels.title[r] = p.labels.title[i]!;
      const inArticle = p.labels.other[i] === 0;
      use.begin[r] = inArticle ? 1 : 0;
      use.title[r] = inArticle && p.labels.titleKnown ? 1 : 0;
    }
    at += p.features.count;
  }
  const heads = {} as LineModel["heads"];
  const rows: Rows = { count, width, data, label: labels.other, weight };
  const binned = binRows(rows, settings.bins);
  for (const name of headNames) {
    binned.rows = { ...rows, label: labels[name] };
    heads[name] = fitHead(binned, settings, use[name]);
  }
  return { version: 1, features: [...featureNames], heads, thresholds: { ...settings.thresholds } };
}
