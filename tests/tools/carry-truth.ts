import type { GeoLine } from "@galley/core";
import type { CorpusPage, GroundTruth } from "@galley/training";

/**
 * Carrying a real page's truth over to the lines another OCR made of the same page
 * (`retess-real.ts`): by the overlap of their boxes.
 */

/** Each truth line id's article (or caption / other cluster) and role. */
function truthOf(gt: GroundTruth): Map<string, { cluster: string; role: string; start: boolean }> {
  const out = new Map<string, { cluster: string; role: string; start: boolean }>();
  const ids = (list: unknown) => (Array.isArray(list) ? list.map(String) : []);
  gt.other?.forEach((c, i) => {
    for (const id of ids(c.lines)) out.set(id, { cluster: `other${i}`, role: "other", start: false });
  });
  gt.captions?.forEach((c, i) => {
    for (const id of ids(c.lines)) out.set(id, { cluster: `caption${i}`, role: "caption", start: false });
  });
  for (const a of gt.articles) {
    const starts = new Set(ids(a.paragraphStarts));
    for (const id of ids(a.body)) out.set(id, { cluster: a.id, role: "body", start: starts.has(id) });
    for (const role of ["kicker", "headline", "subheadline", "bylineLines", "datelineLines", "jump"] as const)
      for (const id of ids(a[role])) out.set(id, { cluster: a.id, role, start: false });
  }
  return out;
}

/**
 * The truth of Tesseract's lines: each goes to the source line whose box (times `scale`, the
 * image's pixels per source unit) it overlaps most, taking its article or outside cluster, its
 * role, and its paragraph start (only the first Tesseract line a source line gives). A line
 * that overlaps no source line with truth is left out of the truth.
 */
export function carryTruth(
  page: CorpusPage,
  source: readonly GeoLine[],
  tess: readonly GeoLine[],
  scale: number,
): GroundTruth & { rolesAnnotated?: boolean; derivedFrom?: string } {
  const truth = truthOf(page.gt);
  const claimed = new Set<string>();
  const articles = new Map<string, Record<string, string[]>>();
  const other = new Map<string, string[]>();
  const captions = new Map<string, string[]>();
  for (const t of tess) {
    const tb = t.box;
    if (!tb || !t.text.trim()) continue;
    let best: GeoLine | undefined;
    let bestArea = 0;
    for (const s of source) {
      const sb = s.box;
      if (!sb) continue;
      const w = Math.min(tb.x + tb.w, (sb.x + sb.w) * scale) - Math.max(tb.x, sb.x * scale);
      const h = Math.min(tb.y + tb.h, (sb.y + sb.h) * scale) - Math.max(tb.y, sb.y * scale);
      if (w > 0 && h > 0 && w * h > bestArea) {
        bestArea = w * h;
        best = s;
      }
    }
    const known = best ? truth.get(best.id) : undefined;
    if (!best || !known) continue;
    if (known.role === "other") other.set(known.cluster, [...(other.get(known.cluster) ?? []), t.id]);
    else if (known.role === "caption")
      captions.set(known.cluster, [...(captions.get(known.cluster) ?? []), t.id]);
    else {
      const a = articles.get(known.cluster) ?? {};
      a[known.role] = [...(a[known.role] ?? []), t.id];
      // The first Tesseract line of a source line that opens a paragraph opens it too.
      if (known.start && !claimed.has(best.id)) a.paragraphStarts = [...(a.paragraphStarts ?? []), t.id];
      articles.set(known.cluster, a);
    }
    claimed.add(best.id);
  }
  const gt = page.gt as GroundTruth & { rolesAnnotated?: boolean };
  return {
    page: `${page.name}.tess.hocr`,
    format: "hocr",
    derivedFrom: `${page.name}, its lines drawn at their boxes and OCR'd by Tesseract (tests/tools/retess-real.ts)`,
    ...(gt.rolesAnnotated === false ? { rolesAnnotated: false } : {}),
    captions: [...captions.values()].map((lines) => ({ lines })),
    other: [...other.values()].map((lines) => ({ lines })),
    articles: gt.articles
      .filter((a) => articles.has(a.id))
      .map((a) => {
        const got = articles.get(a.id)!;
        return {
          id: a.id,
          body: got.body ?? [],
          paragraphStarts: got.paragraphStarts ?? [],
          kicker: got.kicker ?? null,
          headline: got.headline ?? null,
          subheadline: got.subheadline ?? null,
          byline: a.byline ?? null,
          dateline: a.dateline ?? null,
          bylineLines: got.bylineLines ?? null,
          datelineLines: got.datelineLines ?? null,
          jump: got.jump ?? null,
        };
      }),
  };
}
