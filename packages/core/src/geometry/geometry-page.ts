import { type AssembledContent, assembleStream } from "../assemble/assemble-stream.ts";
import type { StreamLine } from "../assemble/stream.ts";
import { guessLanguage } from "../assemble/text-page.ts";
import type { IngestedPage } from "../ingest/ingest.ts";
import type { Article, Block, ReconstructedPage } from "../types.ts";
import { type GeometryLayout, layoutPage, layoutStages } from "./layout.ts";

/** The stages of `assembleGeometryPage` in the order it runs them: the layout's, then its own. */
export const geometryStages = [...layoutStages, "assembleStream", "fold stray articles", "language"] as const;

/** A stage of `assembleGeometryPage`. */
export type GeometryStage = (typeof geometryStages)[number];

/** Options for `assembleGeometryPage`. */
export interface GeometryPageOptions {
  language?: string;
  digitSpacing?: "keep" | "normalize";
  /** Called as each stage ends (see `LayoutOptions.onStage`); benchmarks time the stages with it. */
  onStage?: (stage: GeometryStage) => void;
  /** The page's layout when the caller already made it (`layoutPage` of the same page). */
  layout?: GeometryLayout;
}

/**
 * Reconstructs a page with geometry (hOCR, ALTO, PAGE XML). The geometry layout decides the
 * reading order and which lines were laid out together as one article; the shared line-level
 * rules (`assembleStream`) then decide every role inside each article — kicker, headline,
 * deck, dateline, byline, captions, furniture, jump lines, paragraphs — run on that article's
 * lines alone, so a title is never attached across a boundary that geometry saw. Where the
 * rules would still cut one laid-out article in two, the pieces are kept as one article and
 * the later piece's title lines read as paragraphs. `source` carries the page size.
 */
export function assembleGeometryPage(
  page: IngestedPage,
  options: GeometryPageOptions = {},
): ReconstructedPage {
  const { onStage } = options;
  const layout = options.layout ?? layoutPage(page, { onStage });
  const normalizeDigitSpacing = options.digitSpacing === "normalize";
  const articles: Article[] = [];
  const captions: Block[] = [];
  const other: Block[] = [];
  for (const segment of segments(layout.stream)) {
    const content = assembleStream(segment, { normalizeDigitSpacing });
    const merged = mergeArticles(content.articles);
    const id = merged ? `a${articles.length + 1}` : undefined;
    if (merged && id) articles.push({ id, ...merged });
    for (const c of content.captions) captions.push(id ? { ...c, article: id } : c);
    other.push(...content.other);
  }
  onStage?.("assembleStream");
  foldStrayArticles(articles, layout.stream);
  onStage?.("fold stray articles");
  const language = options.language ?? guessLanguage(page.lines) ?? page.language;
  const source: ReconstructedPage["source"] = { format: page.format, lineCount: page.lines.length };
  if (language) source.language = language;
  if (page.width !== undefined && page.height !== undefined) {
    source.width = page.width;
    source.height = page.height;
  }
  onStage?.("language");
  return { source, columns: layout.columns, articles, captions, other };
}

/**
 * Whether a line's text reads as OCR debris rather than words: a few Latin words lifted out of
 * a neighbouring column ("subsonic", "tests of a") or specks read as letters ("/ i j ay '").
 */
function isStray(text: string): boolean {
  const t = text.trim();
  if (!t || /[\u3400-\u9fff]/.test(t)) return false;
  const visible = t.replace(/\s/g, "");
  const letters = visible.replace(/[^\p{L}]/gu, "").length;
  if (visible.length >= 3 && letters / visible.length < 0.6) return true;
  return t.split(/\s+/).length <= 4 && /^\p{Ll}/u.test(t) && !/[.!?]$/.test(t);
}

/**
 * Laid-out "articles" that are only debris — no credible title, no dateline or byline, and
 * nothing but stray lines (or a debris title over at most three lines) — are pieces of the
 * article before them in reading order (the first goes to the next), not articles.
 */
function foldStrayArticles(articles: Article[], stream: readonly StreamLine[]): void {
  // Built only when an article is in doubt: most pages have none, and it holds every line.
  let lines: Map<string, StreamLine> | null = null;
  const lineOf = (): Map<string, StreamLine> => {
    if (lines === null) {
      lines = new Map();
      for (const l of stream) lines.set(l.id, l);
    }
    return lines;
  };
  // Lines are tested again as their articles grow: each line's answer is kept.
  const strayById = new Map<string, boolean>();
  const strayLine = (id: string): boolean => {
    let stray = strayById.get(id);
    if (stray === undefined) {
      stray = isStray(lineOf().get(id)?.text ?? "");
      strayById.set(id, stray);
    }
    return stray;
  };
  for (let k = 0; k < articles.length; k++) {
    const a = articles[k]!;
    if (articles.length < 2 || credible(a.kicker) || credible(a.headline) || a.dateline || a.byline) continue;
    const title = [a.kicker, a.headline, a.subheadline].filter((b): b is Block => b !== null);
    let lineCount = 0;
    for (const p of a.paragraphs) lineCount += p.lines.length;
    // The cheap tests first; each test reads only the lines it needs.
    const debris =
      (title.length > 0 && lineCount <= 3) ||
      a.paragraphs.every((p) => p.lines.every(strayLine)) ||
      (title.length === 0 && lineCount <= 6 && strayCount(a.paragraphs, strayLine) * 2 >= lineCount);
    if (!debris) continue;
    const host = nearestArticle(articles, a, lineOf()) ?? articles[k > 0 ? k - 1 : k + 1]!;
    const moved = [...title, ...a.paragraphs];
    if (k > 0) host.paragraphs.push(...moved);
    else host.paragraphs.unshift(...moved);
    articles.splice(k, 1);
    k--;
  }
  articles.forEach((a, i) => {
    a.id = `a${i + 1}`;
  });
}

/** Whether a title block reads as words (see `isStray`). */
function credible(b: Block | null): boolean {
  return b !== null && !isStray(b.text);
}

/** How many lines of the paragraphs are stray. */
function strayCount(paragraphs: readonly Block[], strayLine: (id: string) => boolean): number {
  let n = 0;
  for (const p of paragraphs) for (const id of p.lines) if (strayLine(id)) n++;
  return n;
}

/**
 * The article whose lines stand nearest above the debris in the same column (debris lifted out
 * of a line belongs to the text around it), or null when no other article shares its column.
 */
function nearestArticle(
  articles: readonly Article[],
  debris: Article,
  lineOf: ReadonlyMap<string, StreamLine>,
): Article | null {
  const own: StreamLine[] = [];
  for (const p of debris.paragraphs) {
    for (const id of p.lines) {
      const l = lineOf.get(id);
      if (l?.box) own.push(l);
    }
  }
  if (own.length === 0) return null;
  let best: Article | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const other of articles) {
    if (other === debris) continue;
    for (const p of other.paragraphs) {
      for (const id of p.lines) {
        const l = lineOf.get(id);
        if (!l?.box) continue;
        for (const d of own) {
          if (l.column !== d.column) continue;
          const distance = Math.abs(l.box.y - d.box!.y);
          if (distance < bestDistance) {
            bestDistance = distance;
            best = other;
          }
        }
      }
    }
  }
  return best;
}

/** Runs of the stream with one article hint; lines without a hint (furniture) run on their own. */
function segments(stream: readonly StreamLine[]): StreamLine[][] {
  const out: StreamLine[][] = [];
  let current: StreamLine[] = [];
  for (const line of stream) {
    const prev = current[current.length - 1];
    if (prev && prev.articleHint !== line.articleHint) {
      out.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * One article from the articles the rules found in one laid-out article: the first with a
 * headline keeps its title, dateline and byline; every other line goes into the paragraphs in
 * stream order. Null when there is no article at all (a segment of furniture or captions).
 */
function mergeArticles(found: AssembledContent["articles"]): Omit<Article, "id"> | null {
  if (found.length === 0) return null;
  if (found.length === 1) {
    const { id: _id, ...only } = found[0]!;
    return only;
  }
  const base = found.find((a) => a.headline) ?? found[0]!;
  const paragraphs: Block[] = [];
  let dateline = base.dateline;
  let byline = base.byline;
  for (const a of found) {
    if (a !== base) {
      for (const b of [a.kicker, a.headline, a.subheadline]) if (b) paragraphs.push(b);
      if (a.dateline && !dateline) dateline = a.dateline;
      else if (a.dateline && !a.dateline.inline) paragraphs.push(a.dateline);
      if (a.byline && !byline) byline = a.byline;
      else if (a.byline && !a.byline.inline) paragraphs.push(a.byline);
    }
    paragraphs.push(...a.paragraphs);
  }
  return {
    kicker: base.kicker,
    headline: base.headline,
    subheadline: base.subheadline,
    dateline,
    byline,
    paragraphs,
    confidence: Math.min(...found.map((a) => a.confidence)) * 0.9,
  };
}
