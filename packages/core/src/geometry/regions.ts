import type { Graphic } from "../ingest/ingest.ts";
import type { Box } from "../types.ts";
import type { LayoutBlock } from "./blocks.ts";
import { bottom, overlap, right } from "./box.ts";
import type { PreparedPage } from "./prepare.ts";

/**
 * What each block is, from geometry and the source's own labels: furniture in the page's
 * margins (above the top rule or in the top/bottom strip, or labelled header/footer/page
 * number), captions under pictures (or labelled so), headings (type well above body size, or
 * labelled), and text.
 */

/** A block's role as geometry sees it. */
export type BlockRole = "furniture" | "caption" | "heading" | "text";

const furnitureTypes = new Set([
  "header",
  "footer",
  "page-number",
  "catch-word",
  "signature-mark",
  "marginalia",
]);
const headingTypes = new Set(["heading", "title"]);
/**
 * PAGE region types that state running text: the source's word beats size and position (a
 * drop capital is set large but opens a paragraph; a list label numbers a list item).
 */
export const bodyTypes = new Set([
  "paragraph",
  "footnote",
  "footnote-continued",
  "endnote",
  "TOC-entry",
  "drop-capital",
  "list-label",
]);

/** The rules that run across most of the text area, horizontally. */
export function fullRules(page: PreparedPage, blocks: readonly LayoutBlock[]): Box[] {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  for (const b of blocks) {
    x0 = Math.min(x0, b.x0);
    x1 = Math.max(x1, b.x1);
  }
  return page.graphics
    .filter((g) => g.kind === "separator" && g.box.w > 4 * g.box.h && g.box.w >= 0.6 * (x1 - x0))
    .map((g) => g.box);
}

/** Decides every block's role (see the module comment). */
export function classifyBlocks(
  page: PreparedPage,
  blocks: readonly LayoutBlock[],
): Map<LayoutBlock, BlockRole> {
  const roles = new Map<LayoutBlock, BlockRole>();
  // The page's fields are read once, here: optimized code checks the object's shape at each read.
  const { height, graphics, bodySize } = page;
  const rules = fullRules(page, blocks);
  let contentTop = height;
  let contentBottom = 0;
  // Without a rule under the running head, furniture is what stands above every headline too.
  let headingTop = height;
  for (const b of blocks) {
    if (b.lines.length >= 3 && b.ratio > 0.8 && b.ratio < 1.2) {
      contentTop = Math.min(contentTop, b.y0);
      contentBottom = Math.max(contentBottom, b.y1);
    }
    if (b.ratio >= 1.25) headingTop = Math.min(headingTop, b.y0);
  }
  const topRule = rules.filter((r) => r.y < height * 0.15 && r.y < contentTop).sort((a, b) => b.y - a.y)[0];
  const bottomRule = rules
    .filter((r) => r.y > height * 0.85 && r.y > contentBottom)
    .sort((a, b) => a.y - b.y)[0];
  const images = graphics.filter((g) => g.kind === "image");
  // Separators are the same for every block: a caption test reads them from here.
  const separators = graphics.filter((g) => g.kind === "separator" && g.box.w > g.box.h).map((g) => g.box);
  for (const b of blocks) {
    const labels = countLabels(b);
    // More than half the block's lines labelled so.
    const half = b.lines.length / 2;
    const small = b.lines.length <= 2;
    if (labels.furniture > half) roles.set(b, "furniture");
    else if (topRule && b.y1 <= topRule.y + 2 && b.ratio < 2.5) roles.set(b, "furniture");
    else if (bottomRule && b.y0 >= bottom(bottomRule) - 2) roles.set(b, "furniture");
    else if (
      !topRule &&
      small &&
      b.ratio < 1.25 &&
      b.y1 < Math.min(contentTop, headingTop) &&
      b.y1 < height * 0.06
    ) {
      roles.set(b, "furniture");
    } else if (!bottomRule && small && b.ratio < 1.25 && b.y0 > contentBottom && b.y0 > height * 0.94) {
      roles.set(b, "furniture");
    } else if (labels.heading > half || (b.ratio >= 1.25 && !(labels.body > half))) roles.set(b, "heading");
    else if (!(labels.body > half) && isCaption(b, images, separators, bodySize, labels))
      roles.set(b, "caption");
    else roles.set(b, "text");
  }
  return roles;
}

/** How many of a block's lines the source labels with each kind of region type. */
interface Labels {
  furniture: number;
  heading: number;
  body: number;
  caption: number;
  ocrCaption: number;
}

function countLabels(b: LayoutBlock): Labels {
  const labels: Labels = { furniture: 0, heading: 0, body: 0, caption: 0, ocrCaption: 0 };
  for (const l of b.lines) {
    const t = l.regionType;
    // Most lines carry no label (hOCR and ALTO give none but Tesseract's caption).
    if (!t) continue;
    if (furnitureTypes.has(t)) labels.furniture++;
    if (headingTypes.has(t)) labels.heading++;
    if (bodyTypes.has(t)) labels.body++;
    if (t === "caption") labels.caption++;
    if (t === "ocr_caption") labels.ocrCaption++;
  }
  return labels;
}

function isCaption(
  b: LayoutBlock,
  images: readonly Graphic[],
  rules: readonly Box[],
  bodySize: number,
  labels: Labels,
): boolean {
  const share = (n: number) => n / b.lines.length;
  // PAGE's caption type is a human's (or a trained model's) word; take it as is.
  if (share(labels.caption) > 0.5 && b.ratio < 1.1) return true;
  const underPicture = images.some((g) => {
    const below = b.y0 >= bottom(g.box) - bodySize && b.y0 - bottom(g.box) <= 2 * bodySize;
    if (!below || overlap(g.box.x, right(g.box), b.x0, b.x1) < 0.6 * (b.x1 - b.x0)) return false;
    // A rule between the picture and the text closes the picture's module: the text starts another.
    return !rules.some(
      (r) => r.y >= bottom(g.box) - 2 && r.y <= b.y0 + 2 && overlap(r.x, right(r), b.x0, b.x1) > 0,
    );
  });
  if (!underPicture) return false;
  // Tesseract's ocr_caption says "near a picture"; under one, a block set smaller is its caption.
  return b.ratio < 0.95 || (share(labels.ocrCaption) > 0.5 && b.ratio < 1.05);
}
