import { type GeoLine, ingest } from "@galley/core";
import type { RenderedElement, RenderedPage } from "./render-page.ts";

/**
 * Derives ground truth from the rendered elements' boxes and Tesseract's lines: each OCR line
 * goes to the element holding most of its words' centres (by characters), and the element's
 * role decides where the line belongs. One truth per format (hOCR, ALTO, txt) with that
 * format's line ids; the three come from one recognition, so they map line for line.
 */

/** Ground truth in the format of the shared `*.gt.json` files. */
export interface Truth {
  page: string;
  format: "hocr" | "alto" | "page" | "text";
  columns: Array<{ id: string; lines: string[] }>;
  captions: Array<{ id: string; article: string | null; lines: string[] }>;
  other: Array<{ id: string; role: string; lines: string[] }>;
  articles: TruthArticle[];
  straddling: string[];
  unaligned: string[];
  [extra: string]: unknown;
}

/** One article of the ground truth. */
export interface TruthArticle {
  id: string;
  body: string[];
  paragraphStarts: string[];
  dateline: string | null;
  byline: string | null;
  kicker: string[] | null;
  headline: string[] | null;
  subheadline: string[] | null;
  bylineLines?: string[];
  jump?: string[];
  source?: string;
}

interface Assigned {
  line: GeoLine;
  element: RenderedElement | null;
  straddles: boolean;
}

function assign(lines: GeoLine[], elements: RenderedElement[]): Assigned[] {
  const texty = elements.filter((e) => e.role !== "photo");
  return lines.map((line) => {
    const votes = new Map<RenderedElement, number>();
    const words = line.words?.length ? line.words : [{ text: line.text, box: line.box! }];
    for (const w of words) {
      const cx = w.box.x + w.box.w / 2;
      const cy = w.box.y + w.box.h / 2;
      let best: RenderedElement | null = null;
      let bestDist = 40;
      for (const e of texty) {
        for (const [x0, y0, x1, y1] of e.rects) {
          const dx = Math.max(x0 - 8 - cx, 0, cx - x1 - 8);
          const dy = Math.max(y0 - 6 - cy, 0, cy - y1 - 6);
          const d = Math.hypot(dx, dy);
          if (d < bestDist || (d === 0 && bestDist === 0 && best && area(e) < area(best))) {
            best = e;
            bestDist = d;
          }
        }
      }
      if (best) votes.set(best, (votes.get(best) ?? 0) + [...w.text].length);
    }
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((s, [, n]) => s + n, 0);
    return {
      line,
      element: ranked[0]?.[0] ?? null,
      straddles: ranked.length > 1 && (ranked[1]?.[1] ?? 0) > total * 0.2,
    };
  });
}

function area(e: RenderedElement): number {
  return e.rects.reduce((s, [x0, y0, x1, y1]) => s + (x1 - x0) * (y1 - y0), 0);
}

/** Truth for hOCR ids; `idMap` then renames ids for the ALTO and txt truths. */
export function deriveTruth(
  id: string,
  rendered: Pick<RenderedPage, "elements" | "layout">,
  hocr: string,
  meta: Record<string, unknown>,
): Truth {
  const page = ingest(hocr, "hocr");
  const assigned = assign(page.lines, rendered.elements);
  const byElement = new Map<RenderedElement, GeoLine[]>();
  for (const a of assigned)
    if (a.element) byElement.set(a.element, [...(byElement.get(a.element) ?? []), a.line]);
  const ids = (e: RenderedElement | undefined) => (e ? (byElement.get(e) ?? []).map((l) => l.id) : []);
  const orNull = (xs: string[]) => (xs.length ? xs : null);
  const arts = [...new Set(rendered.elements.map((e) => e.art).filter((a): a is string => !!a))];
  const articles: TruthArticle[] = [];
  const columnOf = (l: GeoLine) => {
    const cx = l.box!.x + l.box!.w / 2;
    let best = 0;
    let dist = Number.POSITIVE_INFINITY;
    rendered.layout.colX.forEach(([x0, x1], i) => {
      const d = cx < x0 ? x0 - cx : cx > x1 ? cx - x1 : 0;
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    return best;
  };
  const columns = rendered.layout.colX.map((_, i) => ({ id: `c${i + 1}`, lines: [] as string[] }));
  for (const art of arts) {
    const els = rendered.elements.filter((e) => e.art === art);
    const find = (role: string) => els.find((e) => e.role === role);
    const paras = els.filter((e) => e.role === "para");
    const bodyLines = paras.flatMap((p) => byElement.get(p) ?? []);
    for (const l of bodyLines) columns[columnOf(l)]!.lines.push(l.id);
    const starts: string[] = [];
    for (const p of paras) {
      const first = p.rects[0];
      const mine = byElement.get(p) ?? [];
      if (!first || mine.length === 0) continue;
      const hit = mine.map((l) => ({ l, o: overlapArea(l, first) })).sort((a, b) => b.o - a.o)[0];
      if (hit && hit.o > 0) starts.push(hit.l.id);
    }
    const byline = find("byline");
    const first = paras[0];
    const a: TruthArticle = {
      id: art,
      body: bodyLines.map((l) => l.id),
      paragraphStarts: starts,
      dateline: first?.dateline ?? null,
      byline: byline && ids(byline).length ? byline.text : null,
      kicker: orNull(ids(find("kicker"))),
      headline: orNull(ids(find("headline"))),
      subheadline: orNull(ids(find("deck"))),
    };
    if (byline && ids(byline).length) a.bylineLines = ids(byline);
    const jump = ids(find("jump"));
    if (jump.length) a.jump = jump;
    articles.push(a);
  }
  const captions = rendered.elements
    .filter((e) => e.role === "caption" && ids(e).length)
    .map((e) => ({ id: e.id, article: e.art, lines: ids(e) }));
  const other = rendered.elements
    .filter((e) => e.role === "furniture" && ids(e).length)
    .map((e) => ({ id: e.id, role: "furniture", lines: ids(e) }));
  const unaligned = assigned.filter((a) => !a.element).map((a) => a.line.id);
  if (unaligned.length) other.push({ id: "unaligned", role: "unplaced", lines: unaligned });
  return {
    page: `${id}.hocr`,
    format: "hocr",
    columns: columns.filter((c) => c.lines.length),
    captions,
    other,
    articles,
    straddling: assigned.filter((a) => a.straddles).map((a) => a.line.id),
    unaligned,
    ...meta,
  };
}

function overlapArea(l: GeoLine, [x0, y0, x1, y1]: [number, number, number, number]): number {
  const b = l.box!;
  const w = Math.min(b.x + b.w, x1) - Math.max(b.x, x0);
  const h = Math.min(b.y + b.h, y1) - Math.max(b.y, y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Maps hOCR line ids to the ALTO's and the txt's: the n-th hOCR line with text is the n-th
 * ALTO line and the n-th non-blank txt line (1-based line number). Throws when they disagree.
 */
export function lineIdMaps(
  hocr: string,
  alto: string,
  txt: string,
): { alto: Map<string, string>; txt: Map<string, string> } {
  const h = ingest(hocr, "hocr").lines;
  const a = ingest(alto, "alto").lines;
  if (h.length !== a.length) throw new Error(`hOCR has ${h.length} lines, ALTO ${a.length}`);
  const squash = (s: string) => s.replace(/\s+/g, "");
  const altoMap = new Map<string, string>();
  h.forEach((l, i) => {
    const other = a[i]!;
    if (squash(other.text) !== squash(l.text))
      throw new Error(`line ${i}: "${l.text}" vs ALTO "${other.text}"`);
    altoMap.set(l.id, other.id);
  });
  const txtMap = new Map<string, string>();
  let k = 0;
  txt.split("\n").forEach((t, i) => {
    if (!t.trim()) return;
    const l = h[k++];
    if (!l || squash(l.text) !== squash(t)) throw new Error(`txt line ${i + 1}: "${t}" vs hOCR "${l?.text}"`);
    txtMap.set(l.id, String(i + 1));
  });
  return { alto: altoMap, txt: txtMap };
}

/** The truth with every line id renamed through `map`, for another format. */
export function renameTruth(
  truth: Truth,
  map: Map<string, string>,
  format: "alto" | "text",
  page: string,
): Truth {
  const r = (xs: string[]) => xs.map((x) => map.get(x) ?? x);
  const rn = (xs: string[] | null) => (xs ? r(xs) : null);
  return {
    ...truth,
    page,
    format,
    columns: truth.columns.map((c) => ({ ...c, lines: r(c.lines) })),
    captions: truth.captions.map((c) => ({ ...c, lines: r(c.lines) })),
    other: truth.other.map((c) => ({ ...c, lines: r(c.lines) })),
    articles: truth.articles.map((a) => ({
      ...a,
      body: r(a.body),
      paragraphStarts: r(a.paragraphStarts),
      kicker: rn(a.kicker),
      headline: rn(a.headline),
      subheadline: rn(a.subheadline),
      ...(a.bylineLines ? { bylineLines: r(a.bylineLines) } : {}),
      ...(a.jump ? { jump: r(a.jump) } : {}),
    })),
    straddling: r(truth.straddling),
    unaligned: r(truth.unaligned),
  };
}
