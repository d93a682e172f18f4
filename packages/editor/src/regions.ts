import type { Box, SourceLine } from "@galley/core";
import { type BlockRole, roleOf } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { articleColor } from "./article-colors.ts";
import { articleHeadline } from "./titles.ts";

/**
 * Where each article is printed: its lines' boxes on the page image, grouped into areas (one
 * per column it runs through) so that an article reads as a coloured region, with its headline's
 * boxes apart so the headline can be marked. Coordinates in page pixels, origin top-left.
 */

/** One source line of an article, with its box and the role of the block it went into. */
export interface RegionLine {
  lineId: string;
  box: Box;
  role: BlockRole;
}

/** An article's region on the page image. */
export interface ArticleRegion {
  id: string;
  /** 1-based place among the page's articles (as on its card). */
  number: number;
  color: string;
  /** Position before the article in the document. */
  pos: number;
  headline: string | null;
  /** Every boxed line of the article, in document order. */
  lines: RegionLine[];
  /** The boxes of its headline lines. */
  headlineBoxes: Box[];
  /** Rectangles covering its lines, one per group of lines stacked in one column. */
  areas: Box[];
}

/** The regions of the page's articles, in page order (articles without boxed lines included, empty). */
export function articleRegions(doc: Node, lines: ReadonlyMap<string, SourceLine>): ArticleRegion[] {
  const out: ArticleRegion[] = [];
  doc.forEach((article, pos) => {
    if (article.type.name !== "article") return;
    const mine: RegionLine[] = [];
    const seen = new Set<string>();
    article.forEach((block) => {
      const role = roleOf(block);
      if (!role) return;
      for (const lineId of block.attrs.lines as string[]) {
        const box = lines.get(lineId)?.box;
        if (!box || seen.has(lineId)) continue;
        seen.add(lineId);
        mine.push({ lineId, box, role });
      }
    });
    out.push({
      id: article.attrs.id as string,
      number: out.length + 1,
      color: articleColor(out.length),
      pos,
      headline: articleHeadline(article),
      lines: mine,
      headlineBoxes: mine.filter((l) => l.role === "headline").map((l) => l.box),
      areas: groupBoxes(mine.map((l) => l.box)),
    });
  });
  return out;
}

/**
 * Groups boxes into rectangles: two boxes belong together when they overlap horizontally by at
 * least half the narrower one and the vertical gap between them is at most twice the taller
 * one's height (lines of one column, a headline over its text). Each group's bounding box.
 */
export function groupBoxes(boxes: readonly Box[]): Box[] {
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (belongTogether(boxes[i]!, boxes[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Box>();
  boxes.forEach((box, i) => {
    const root = find(i);
    const had = groups.get(root);
    if (!had) {
      groups.set(root, { ...box });
      return;
    }
    const x = Math.min(had.x, box.x);
    const y = Math.min(had.y, box.y);
    groups.set(root, {
      x,
      y,
      w: Math.max(had.x + had.w, box.x + box.w) - x,
      h: Math.max(had.y + had.h, box.y + box.h) - y,
    });
  });
  return [...groups.values()].sort((a, b) => a.x - b.x || a.y - b.y);
}

function belongTogether(a: Box, b: Box): boolean {
  const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  if (overlap < Math.min(a.w, b.w) / 2) return false;
  const gap = Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h);
  return gap <= 2 * Math.max(a.h, b.h);
}
