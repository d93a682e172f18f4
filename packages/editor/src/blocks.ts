import type { Node, ResolvedPos } from "prosemirror-model";

/**
 * Finding the page's structural pieces around a position. The page is at most three levels
 * deep: page → article → text block, or page → text block (a caption or furniture set apart).
 */

/** A text block found around a position: the node, its start position (before it) and depth. */
export interface FoundBlock {
  node: Node;
  /** Position directly before the block. */
  pos: number;
  depth: number;
  /** The node holding the block (an article or the page). */
  parent: Node;
  /** The block's index in `parent`. */
  index: number;
}

/** An article found around a position. */
export interface FoundArticle {
  node: Node;
  /** Position directly before the article. */
  pos: number;
  /** The article's index among the page's children. */
  index: number;
}

/** The innermost text block holding `$pos`, or null when `$pos` is not inside one. */
export function findBlock($pos: ResolvedPos): FoundBlock | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.isTextblock) {
      return {
        node,
        pos: $pos.before(depth),
        depth,
        parent: $pos.node(depth - 1),
        index: $pos.index(depth - 1),
      };
    }
  }
  return null;
}

/** The article holding `$pos`, or null when `$pos` is not inside an article. */
export function findArticle($pos: ResolvedPos): FoundArticle | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === "article") return { node, pos: $pos.before(depth), index: $pos.index(depth - 1) };
  }
  return null;
}

/** Positions before each of the page's children, in order, with the child. */
export function pageChildren(doc: Node): { node: Node; pos: number; index: number }[] {
  const out: { node: Node; pos: number; index: number }[] = [];
  doc.forEach((node, offset, index) => {
    out.push({ node, pos: offset, index });
  });
  return out;
}

/**
 * The nearest article before (`dir` -1) or after (`dir` 1) the page child at `index`, or null.
 * Captions and furniture set apart at page level are skipped.
 */
export function siblingArticle(doc: Node, index: number, dir: -1 | 1): FoundArticle | null {
  const children = pageChildren(doc);
  for (let i = index + dir; i >= 0 && i < children.length; i += dir) {
    const child = children[i]!;
    if (child.node.type.name === "article") return { node: child.node, pos: child.pos, index: i };
  }
  return null;
}

/** Every text block of the document with the position before it, in document order. */
export function textBlocks(doc: Node): { node: Node; pos: number }[] {
  const out: { node: Node; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ node, pos });
      return false;
    }
    return true;
  });
  return out;
}
