import { expandLines, type GroundTruth } from "./ground-truth.ts";

/**
 * What the truth says of each line of a stream, as the model's decisions: outside every
 * article (`other`), opening an article in stream order (`begin`: its article is not the one
 * of the article line before it), a title line (`title`: kicker, headline or deck). Truth
 * that marks only which article a line is in (`rolesAnnotated: false`) teaches no titles.
 */
export interface LineLabels {
  other: Uint8Array;
  begin: Uint8Array;
  title: Uint8Array;
  /** Whether the title label is known for the line's page. */
  titleKnown: boolean;
}

/** Labels the lines `ids` (stream order) from `gt`. */
export function labelLines(
  gt: GroundTruth & { rolesAnnotated?: boolean },
  ids: readonly string[],
): LineLabels {
  const ex = (list: Parameters<typeof expandLines>[0]) => expandLines(list, () => false);
  const articleOf = new Map<string, number>();
  const titled = new Set<string>();
  gt.articles.forEach((a, k) => {
    for (const list of [
      a.body,
      a.kicker,
      a.headline,
      a.subheadline,
      a.bylineLines,
      a.datelineLines,
      a.jump,
    ]) {
      for (const id of ex(list)) if (!articleOf.has(id)) articleOf.set(id, k);
    }
    for (const list of [a.kicker, a.headline, a.subheadline]) for (const id of ex(list)) titled.add(id);
  });
  const n = ids.length;
  const other = new Uint8Array(n);
  const begin = new Uint8Array(n);
  const title = new Uint8Array(n);
  let last = -1;
  ids.forEach((id, i) => {
    const k = articleOf.get(id);
    if (k === undefined) {
      other[i] = 1;
      return;
    }
    if (k !== last) begin[i] = 1;
    last = k;
    if (titled.has(id)) title[i] = 1;
  });
  return { other, begin, title, titleKnown: gt.rolesAnnotated !== false };
}
