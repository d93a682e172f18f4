import type { Article, Block, OtherKind, ReconstructedPage } from "@galley/core";
import { joinLines } from "@galley/core/text";
import type { Node } from "prosemirror-model";
import { roleOf } from "./roles.ts";
import type { ArticleStatus } from "./schema.ts";

/** An article as edited: the contract's fields plus its editorial status. */
export interface EditedArticle extends Article {
  status: ArticleStatus;
}

/** A page as edited: the contract, with each article's status. */
export interface EditedPage extends ReconstructedPage {
  articles: EditedArticle[];
}

/**
 * Reads the page document back into the reconstruction contract, so an edited page can be
 * scored and exported. Several nodes of one title role in an article (an editor turned two
 * lines into headline) are joined into one block in document order; captions and furniture
 * inside an article go to the page's `captions` (with `article` set) and `other`. A block of
 * another role standing at page level (the editor never puts one there, but a concurrent edit
 * or another client might) goes to `other` with kind `unplaced`, so its text is never lost.
 */
export function toReconstruction(doc: Node): EditedPage {
  const page: EditedPage = {
    source: {
      format: doc.attrs.format,
      lineCount: doc.attrs.lineCount,
      ...(doc.attrs.language ? { language: doc.attrs.language } : {}),
      ...(doc.attrs.width ? { width: doc.attrs.width } : {}),
      ...(doc.attrs.height ? { height: doc.attrs.height } : {}),
    },
    columns: (doc.attrs.columns as Block[]) ?? [],
    articles: [],
    captions: [],
    other: [],
  };
  doc.forEach((child) => {
    const role = roleOf(child);
    if (child.type.name === "article") page.articles.push(readArticle(child, page));
    else if (role === "caption") page.captions.push(captionBlock(child, null));
    else if (role === "furniture") page.other.push(otherBlock(child));
    else if (role) page.other.push({ ...block(child), kind: "unplaced" });
  });
  return page;
}

function block(node: Node): Block {
  const out: Block = { text: node.textContent, lines: [...(node.attrs.lines as string[])] };
  if (typeof node.attrs.confidence === "number") out.confidence = node.attrs.confidence;
  const role = roleOf(node);
  if ((role === "dateline" || role === "byline") && typeof node.attrs.inline === "string")
    out.inline = node.attrs.inline as "start" | "end";
  return out;
}

function captionBlock(node: Node, articleId: string | null): Block {
  const out = block(node);
  const article = (typeof node.attrs.article === "string" ? node.attrs.article : null) ?? articleId;
  if (article) out.article = article;
  return out;
}

function otherBlock(node: Node): Block {
  const out = block(node);
  if (node.attrs.kind) out.kind = node.attrs.kind as OtherKind;
  return out;
}

function merge(blocks: Block[]): Block | null {
  if (blocks.length === 0) return null;
  if (blocks.length === 1) return blocks[0]!;
  const out: Block = {
    text: joinLines(blocks.map((b) => b.text)),
    lines: blocks.flatMap((b) => b.lines),
  };
  const confidences = blocks.map((b) => b.confidence).filter((c): c is number => typeof c === "number");
  if (confidences.length) out.confidence = Math.min(...confidences);
  return out;
}

function readArticle(node: Node, page: EditedPage): EditedArticle {
  const byRole = new Map<string, Block[]>();
  const paragraphs: Block[] = [];
  const spans: { role: "dateline" | "byline"; block: Block }[] = [];
  const id = node.attrs.id as string;
  node.forEach((child) => {
    const role = roleOf(child);
    if (!role) return;
    if (role === "paragraph") {
      const paragraph = block(child);
      paragraphs.push(paragraph);
      spans.push(...inlineSpans(child, paragraph));
    } else if (role === "caption") page.captions.push(captionBlock(child, id));
    else if (role === "furniture") page.other.push(otherBlock(child));
    else byRole.set(role, [...(byRole.get(role) ?? []), block(child)]);
  });
  const pick = (role: "dateline" | "byline"): Block | null =>
    merge(byRole.get(role) ?? []) ?? spans.find((s) => s.role === role)?.block ?? null;
  return {
    id,
    kicker: merge(byRole.get("kicker") ?? []),
    headline: merge(byRole.get("headline") ?? []),
    subheadline: merge(byRole.get("subheadline") ?? []),
    dateline: pick("dateline"),
    byline: pick("byline"),
    paragraphs,
    confidence: typeof node.attrs.confidence === "number" ? node.attrs.confidence : 1,
    status: node.attrs.status as ArticleStatus,
  };
}

function inlineSpans(node: Node, paragraph: Block): { role: "dateline" | "byline"; block: Block }[] {
  const found: { role: "dateline" | "byline"; from: number; to: number; line: string | null }[] = [];
  node.forEach((text, offset) => {
    for (const mark of text.marks) {
      const role =
        mark.type.name === "dateline_span" ? "dateline" : mark.type.name === "byline_span" ? "byline" : null;
      if (!role) continue;
      const prev = found.at(-1);
      if (prev && prev.role === role && prev.to === offset) prev.to = offset + text.nodeSize;
      else
        found.push({
          role,
          from: offset,
          to: offset + text.nodeSize,
          line: mark.attrs.line as string | null,
        });
    }
  });
  const size = paragraph.text.length;
  return found.map((f) => {
    const line =
      f.line ??
      (f.from === 0 ? paragraph.lines[0] : f.to === size ? paragraph.lines.at(-1) : paragraph.lines[0]);
    const out: Block = { text: paragraph.text.slice(f.from, f.to).trim(), lines: line ? [line] : [] };
    out.inline = f.from === 0 ? "start" : "end";
    return { role: f.role, block: out };
  });
}
