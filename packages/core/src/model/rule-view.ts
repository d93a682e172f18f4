import type { ReconstructedPage } from "../types.ts";

/** What the rules made of a line. */
export const RuleRole = {
  Body: 0,
  Kicker: 1,
  Headline: 2,
  Subheadline: 3,
  Dateline: 4,
  Byline: 5,
  Caption: 6,
  Other: 7,
} as const;

/** One of `RuleRole`'s values. */
export type RuleRole = (typeof RuleRole)[keyof typeof RuleRole];

/** The rules' page, line by line in stream order: article index (-1 outside) and role. */
export interface RuleView {
  article: Int32Array;
  role: Uint8Array;
  /** Lines of the rules' article each line is in (0 outside). */
  articleSize: Int32Array;
  /** The article of the nearest article line before (-1: none). */
  previous: Int32Array;
  /** The article of the nearest article line after (-1: none). */
  next: Int32Array;
  /** Lines of the same article before this one. */
  position: Int32Array;
  /** Share of the rules' titled articles whose title follows the body in the stream. */
  titlesFollow: number;
}

/** Reads the rules' reconstruction back onto the stream's lines. */
export function ruleView(page: ReconstructedPage, ids: readonly string[]): RuleView {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const n = ids.length;
  const article = new Int32Array(n).fill(-1);
  const role = new Uint8Array(n).fill(RuleRole.Other);
  const put = (lines: readonly string[] | undefined, r: RuleRole, k: number) => {
    for (const id of lines ?? []) {
      const i = index.get(id);
      if (i === undefined) continue;
      role[i] = r;
      article[i] = k;
    }
  };
  let titled = 0;
  let following = 0;
  page.articles.forEach((a, k) => {
    for (const p of a.paragraphs) put(p.lines, RuleRole.Body, k);
    put(a.kicker?.lines, RuleRole.Kicker, k);
    put(a.headline?.lines, RuleRole.Headline, k);
    put(a.subheadline?.lines, RuleRole.Subheadline, k);
    if (a.dateline && !a.dateline.inline) put(a.dateline.lines, RuleRole.Dateline, k);
    if (a.byline && !a.byline.inline) put(a.byline.lines, RuleRole.Byline, k);
    const title = [a.kicker, a.headline, a.subheadline].flatMap((b) => b?.lines ?? []);
    const body = a.paragraphs.flatMap((p) => p.lines);
    if (title.length && body.length) {
      titled++;
      if ((index.get(title[0]!) ?? 0) > (index.get(body[0]!) ?? 0)) following++;
    }
  });
  for (const c of page.captions) put(c.lines, RuleRole.Caption, -1);
  const articleSize = new Int32Array(n);
  const sizes = new Map<number, number>();
  for (const k of article) if (k >= 0) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  article.forEach((k, i) => {
    articleSize[i] = k >= 0 ? sizes.get(k)! : 0;
  });
  const previous = new Int32Array(n);
  const next = new Int32Array(n);
  const position = new Int32Array(n);
  const seen = new Map<number, number>();
  let last = -1;
  for (let i = 0; i < n; i++) {
    previous[i] = last;
    const k = article[i]!;
    if (k >= 0) {
      position[i] = seen.get(k) ?? 0;
      seen.set(k, position[i]! + 1);
      last = k;
    }
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    if (article[i]! >= 0) last = article[i]!;
  }
  return {
    article,
    role,
    articleSize,
    previous,
    next,
    position,
    titlesFollow: titled ? following / titled : 0.5,
  };
}
