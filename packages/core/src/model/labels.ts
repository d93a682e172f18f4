import type { ReconstructedPage } from "../types.ts";

/**
 * A finished page's structure as the model's decisions on each line of a stream: outside
 * every article (`other`), opening an article in stream order (`begin`), a title line
 * (`title`). The same decisions the training labels from ground truth.
 */
export interface PageLabels {
  other: Uint8Array;
  begin: Uint8Array;
  title: Uint8Array;
}

/** Labels the lines `ids` (stream order) from a corrected page. */
export function pageLabels(truth: ReconstructedPage, ids: readonly string[]): PageLabels {
  const articleOf = new Map<string, number>();
  const titled = new Set<string>();
  truth.articles.forEach((a, k) => {
    const blocks = [a.kicker, a.headline, a.subheadline, a.dateline, a.byline, ...a.paragraphs];
    for (const b of blocks) for (const id of b?.lines ?? []) if (!articleOf.has(id)) articleOf.set(id, k);
    for (const b of [a.kicker, a.headline, a.subheadline]) for (const id of b?.lines ?? []) titled.add(id);
  });
  const n = ids.length;
  const labels: PageLabels = { other: new Uint8Array(n), begin: new Uint8Array(n), title: new Uint8Array(n) };
  let last = -1;
  ids.forEach((id, i) => {
    const k = articleOf.get(id);
    if (k === undefined) {
      labels.other[i] = 1;
      return;
    }
    if (k !== last) labels.begin[i] = 1;
    last = k;
    if (titled.has(id)) labels.title[i] = 1;
  });
  return labels;
}
