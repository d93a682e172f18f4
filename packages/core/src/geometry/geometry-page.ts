import { type AssembledContent, assembleStream } from "../assemble/assemble-stream.ts";
import type { StreamLine } from "../assemble/stream.ts";
import { guessLanguage } from "../assemble/text-page.ts";
import type { IngestedPage } from "../ingest/ingest.ts";
import type { Article, Block, ReconstructedPage } from "../types.ts";
import { layoutPage } from "./layout.ts";

/** Options for `assembleGeometryPage`. */
export interface GeometryPageOptions {
  language?: string;
  digitSpacing?: "keep" | "normalize";
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
  const layout = layoutPage(page);
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
  const language = options.language ?? guessLanguage(page.lines) ?? page.language;
  const source: ReconstructedPage["source"] = { format: page.format, lineCount: page.lines.length };
  if (language) source.language = language;
  if (page.width !== undefined && page.height !== undefined) {
    source.width = page.width;
    source.height = page.height;
  }
  return { source, columns: layout.columns, articles, captions, other };
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
