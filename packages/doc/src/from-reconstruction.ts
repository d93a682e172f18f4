import type { Article, Block, ReconstructedPage } from "@galley/core";
import type { Mark, Node } from "prosemirror-model";
import { attrsForRole, type BlockRole, blockNodeName } from "./roles.ts";
import { type ArticleStatus, pageSchema } from "./schema.ts";

/**
 * Builds the page document from a reconstruction. Lossless: `toReconstruction` of the result
 * equals the input (see its tests). One `block` node per block, its role in the `role` attribute;
 * an inline dateline or byline (printed inside a body line) becomes a mark on its span in that
 * paragraph. The page's `other` blocks become furniture set apart, whatever their kind
 * (`unplaced` included).
 */
export function fromReconstruction(page: ReconstructedPage): Node {
  const children: Node[] = [];
  for (const article of page.articles) children.push(articleNode(article));
  for (const caption of page.captions)
    children.push(blockNode("caption", caption, { article: caption.article ?? null }));
  for (const other of page.other) children.push(blockNode("furniture", other, { kind: other.kind ?? null }));
  return pageSchema.node(
    "page",
    {
      format: page.source.format,
      lineCount: page.source.lineCount,
      language: page.source.language ?? null,
      width: page.source.width ?? null,
      height: page.source.height ?? null,
      columns: page.columns,
    },
    children,
  );
}

function blockNode(role: BlockRole, block: Block, extra: Record<string, unknown> = {}, marks?: Node[]): Node {
  const attrs = attrsForRole(role, {
    lines: [...block.lines],
    confidence: block.confidence ?? null,
    ...extra,
  });
  if (marks) return pageSchema.node(blockNodeName, attrs, marks);
  return pageSchema.node(blockNodeName, attrs, block.text ? pageSchema.text(block.text) : undefined);
}

interface Span {
  role: "dateline" | "byline";
  block: Block;
}

function articleNode(article: Article & { status?: ArticleStatus }): Node {
  const blocks: Node[] = [];
  const title: [BlockRole, Block | null][] = [
    ["kicker", article.kicker],
    ["headline", article.headline],
    ["subheadline", article.subheadline],
  ];
  for (const [role, block] of title) if (block) blocks.push(blockNode(role, block));

  const spans: Span[] = [];
  const separate: Span[] = [];
  for (const role of ["dateline", "byline"] as const) {
    const block = article[role];
    if (!block) continue;
    if (block.inline && block.lines.length === 1 && placeSpan(article.paragraphs, block))
      spans.push({ role, block });
    else separate.push({ role, block });
  }
  // A byline on lines of its own printed after the body (common in Chinese papers) stays there;
  // one before the body (English "By NAME") goes above it.
  const after = separate.filter((s) => s.role === "byline" && isAfterBody(s.block, article.paragraphs));
  for (const s of separate)
    if (!after.includes(s)) blocks.push(blockNode(s.role, s.block, { inline: s.block.inline ?? null }));
  for (const paragraph of article.paragraphs) blocks.push(paragraphNode(paragraph, spans));
  for (const s of after) blocks.push(blockNode(s.role, s.block, { inline: s.block.inline ?? null }));
  if (blocks.length === 0) blocks.push(pageSchema.node(blockNodeName, attrsForRole("paragraph", {})));
  return pageSchema.node(
    "article",
    { id: article.id, status: article.status ?? "needs-review", confidence: article.confidence },
    blocks,
  );
}

function isAfterBody(block: Block, paragraphs: Block[]): boolean {
  const last = paragraphs.at(-1)?.lines.at(-1);
  const first = block.lines[0];
  if (!last || !first) return false;
  const a = Number(last);
  const b = Number(first);
  return Number.isFinite(a) && Number.isFinite(b) && b > a;
}

/** Where an inline span sits in a paragraph's text: [from, to) offsets, or null. */
function spanRange(text: string, block: Block): [number, number] | null {
  const at = block.inline === "end" ? text.lastIndexOf(block.text) : text.indexOf(block.text);
  return at < 0 ? null : [at, at + block.text.length];
}

function placeSpan(paragraphs: Block[], block: Block): boolean {
  const line = block.lines[0];
  return paragraphs.some(
    (p) => line !== undefined && p.lines.includes(line) && spanRange(p.text, block) !== null,
  );
}

function paragraphNode(paragraph: Block, spans: Span[]): Node {
  const mine = spans
    .filter((s) => s.block.lines[0] !== undefined && paragraph.lines.includes(s.block.lines[0]))
    .map((s) => ({ span: s, range: spanRange(paragraph.text, s.block) }))
    .filter((x): x is { span: Span; range: [number, number] } => x.range !== null)
    .sort((x, y) => x.range[0] - y.range[0]);
  if (mine.length === 0) return blockNode("paragraph", paragraph);
  const pieces: Node[] = [];
  let at = 0;
  for (const { span, range } of mine) {
    if (range[0] < at) continue;
    if (range[0] > at) pieces.push(pageSchema.text(paragraph.text.slice(at, range[0])));
    const mark: Mark = pageSchema.marks[`${span.role}_span`]!.create({ line: span.block.lines[0] });
    pieces.push(pageSchema.text(paragraph.text.slice(range[0], range[1]), [mark]));
    at = range[1];
  }
  if (at < paragraph.text.length) pieces.push(pageSchema.text(paragraph.text.slice(at)));
  return blockNode("paragraph", paragraph, {}, pieces);
}
