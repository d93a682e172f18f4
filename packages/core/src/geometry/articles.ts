import type { Box } from "../types.ts";
import type { LayoutBlock } from "./blocks.ts";
import { bottom, right } from "./box.ts";
import { nearBlocks } from "./near-blocks.ts";
import type { PreparedPage } from "./prepare.ts";
import type { BlockRole } from "./regions.ts";

/**
 * Spatial article grouping. Every heading opens an article; a short block sitting right on a
 * heading (kicker, or a byline set above it) joins that heading's article. Every other block
 * belongs to what stands directly above it in its own column — a heading, text, a caption or a
 * picture (whose article is what stands above the picture) — unless a rule separates them.
 * A block with nothing above it in its band continues the article of the column to its left at
 * the same height: that is how a body runs on from one column into the next under a headline
 * that spans them, and why a headline spanning two columns never reaches a third. Where the
 * source gives a reading order (PAGE `ReadingOrder`), such a block continues the article of
 * the block read just before it instead: the source says where the text runs on from.
 */

/** The article of every non-furniture block, numbered from 0 in no particular order. */
export function groupArticles(
  page: PreparedPage,
  blocks: readonly LayoutBlock[],
  roles: ReadonlyMap<LayoutBlock, BlockRole>,
  regionRank?: ReadonlyMap<string, number>,
): Map<LayoutBlock, number> {
  const article = new Map<LayoutBlock, number>();
  const rules = page.graphics
    .filter((g) => g.kind === "separator" && g.box.w > 4 * g.box.h)
    .map((g) => g.box);
  const images = page.graphics.filter((g) => g.kind === "image").map((g) => g.box);
  const content = blocks.filter((b) => roles.get(b) !== "furniture");
  const near = nearBlocks(content, images, rules);
  let next = 0;
  const headings = content.filter((b) => roles.get(b) === "heading").sort((a, b) => a.y0 - b.y0);
  for (const h of headings) {
    const up = near.above(h, h.x0, h.x1);
    const upBlock = up && "lines" in up ? up : null;
    // A heading right under another heading (headline over a second deck line in big type) is one title.
    if (
      upBlock &&
      roles.get(upBlock) === "heading" &&
      h.y0 - upBlock.y1 < 1.2 * h.size &&
      article.has(upBlock)
    ) {
      article.set(h, article.get(upBlock)!);
    } else article.set(h, next++);
  }
  // Short blocks stacked on a heading (a byline over a kicker over the headline) join it, the
  // nearest first.
  const onTitle = new Set<LayoutBlock>();
  // What stands below a block does not change from pass to pass.
  const belowOf = new Map<LayoutBlock, LayoutBlock | null>();
  for (let pass = 0; pass < 3; pass++) {
    for (const b of content) {
      if (article.has(b) || roles.get(b) !== "text" || b.lines.length > 3) continue;
      let below = belowOf.get(b);
      if (below === undefined) {
        below = near.below(b);
        belowOf.set(b, below);
      }
      const titled = below && (roles.get(below) === "heading" || onTitle.has(below));
      if (below && titled && below.y0 - b.y1 < 1.5 * Math.max(b.size, page.bodySize)) {
        article.set(b, article.get(below)!);
        onTitle.add(b);
      }
    }
  }
  const pictureArticle = (g: Box): number | undefined => {
    const over = near.above({ y0: g.y }, g.x, right(g));
    return over && "lines" in over ? assign(over) : undefined;
  };
  const readBefore = regionRank ? precedingInOrder(content, regionRank) : null;
  const visiting = new Set<LayoutBlock>();
  const assign = (b: LayoutBlock): number => {
    const known = article.get(b);
    if (known !== undefined) return known;
    if (visiting.has(b)) return next++;
    visiting.add(b);
    let id: number | undefined;
    const up = near.above(b, b.x0, b.x1);
    if (up && "lines" in up) id = assign(up);
    else if (up) {
      const overPicture = near.above({ y0: up.y }, up.x, right(up));
      if (overPicture && "lines" in overPicture) id = assign(overPicture);
      else id = fromLeft(b.y0, up.x, content, images, pictureArticle, assign, page.bodySize);
    } else {
      const before = readBefore?.get(b);
      id = before
        ? assign(before)
        : fromLeft(b.y0, b.x0, content, images, pictureArticle, assign, page.bodySize);
    }
    const result = id ?? next++;
    article.set(b, result);
    visiting.delete(b);
    return result;
  };
  for (const b of [...content].sort((a, c) => a.y0 - c.y0 || a.x0 - c.x0)) assign(b);
  return article;
}

/**
 * For each block, the block the source's reading order reads just before it: the last block of
 * the region ranked before its own (of several, the lowest on the page). Blocks of regions
 * outside the order have none.
 */
function precedingInOrder(
  blocks: readonly LayoutBlock[],
  regionRank: ReadonlyMap<string, number>,
): Map<LayoutBlock, LayoutBlock> {
  const ranked: Array<{ block: LayoutBlock; rank: number }> = [];
  for (const b of blocks) {
    let rank = Number.POSITIVE_INFINITY;
    for (const l of b.lines)
      rank = Math.min(rank, regionRank.get(l.region ?? "") ?? Number.POSITIVE_INFINITY);
    if (rank < Number.POSITIVE_INFINITY) ranked.push({ block: b, rank });
  }
  ranked.sort((a, c) => a.rank - c.rank || a.block.y1 - c.block.y1);
  const out = new Map<LayoutBlock, LayoutBlock>();
  for (let i = 1; i < ranked.length; i++) {
    // The last block of the nearest lower rank: a region's blocks sort together, lowest last.
    let j = i - 1;
    while (j >= 0 && ranked[j]!.rank === ranked[i]!.rank) j--;
    if (j < 0) continue;
    out.set(ranked[i]!.block, ranked[j]!.block);
  }
  return out;
}

/**
 * The article of the block in the column to the left that stands at height `y`: the body
 * continuing from that column. Undefined when there is none.
 */
function fromLeft(
  y: number,
  x: number,
  blocks: readonly LayoutBlock[],
  images: readonly Box[],
  pictureArticle: (g: Box) => number | undefined,
  assign: (b: LayoutBlock) => number,
  bodySize: number,
): number | undefined {
  let best: LayoutBlock | null = null;
  for (const c of blocks) {
    if (c.x1 > x + bodySize) continue;
    if (c.y0 > y + 1.5 * bodySize || c.y1 < y - 0.5 * bodySize) continue;
    if (!best || c.x1 > best.x1 || (c.x1 === best.x1 && c.lines.length > best.lines.length)) best = c;
  }
  // A picture standing in the column to the left is nearer than text beyond it.
  const picture = images
    .filter((g) => right(g) <= x + bodySize && g.y <= y + 1.5 * bodySize && bottom(g) >= y - 0.5 * bodySize)
    .sort((a, b) => right(b) - right(a))[0];
  if (picture && (!best || right(picture) > best.x1)) {
    const id = pictureArticle(picture);
    if (id !== undefined) return id;
  }
  return best ? assign(best) : undefined;
}
