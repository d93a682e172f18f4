import { type AttributeSpec, type DOMOutputSpec, type NodeSpec, Schema } from "prosemirror-model";

/**
 * The page schema shared by the server (import, GET, export), the editor and the exporters.
 * It is DOM-free: `toDOM` returns output specs only.
 *
 * Shape: `page` → (`article` | `caption` | `furniture`)*; `article` → one or more of the eight
 * text blocks in any order (an editor's role change must never be a schema violation). Every
 * text block keeps the source line ids (`lines`) and the reconstruction's `confidence` as
 * attributes, so an edited page still says where each word came from.
 */

/** Roles a text block can have; each is a node type of the same name. */
export const blockRoles = [
  "kicker",
  "headline",
  "subheadline",
  "dateline",
  "byline",
  "paragraph",
  "caption",
  "furniture",
] as const;

/** One of `blockRoles`. */
export type BlockRole = (typeof blockRoles)[number];

/** Editorial status of an article. */
export const articleStatuses = ["needs-review", "corrected", "approved"] as const;

/** One of `articleStatuses`. */
export type ArticleStatus = (typeof articleStatuses)[number];

const blockAttrs: Record<string, AttributeSpec> = {
  lines: { default: [] },
  confidence: { default: null },
};

const tagOf: Record<BlockRole, string> = {
  kicker: "p",
  headline: "h2",
  subheadline: "h3",
  dateline: "p",
  byline: "p",
  paragraph: "p",
  caption: "figcaption",
  furniture: "aside",
};

function domAttrs(role: BlockRole, attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { "data-role": role };
  const lines = attrs.lines as string[] | undefined;
  if (lines?.length) out["data-lines"] = lines.join(" ");
  if (typeof attrs.confidence === "number") out["data-confidence"] = attrs.confidence.toFixed(2);
  return out;
}

function parseLines(dom: HTMLElement): string[] {
  const raw = dom.getAttribute("data-lines");
  return raw ? raw.split(" ").filter(Boolean) : [];
}

function parseConfidence(dom: HTMLElement): number | null {
  const raw = dom.getAttribute("data-confidence");
  return raw === null ? null : Number(raw);
}

function textBlock(role: BlockRole, extra: Record<string, AttributeSpec> = {}, marks = ""): NodeSpec {
  const group = role === "caption" || role === "furniture" ? "article_block page_block" : "article_block";
  return {
    group,
    content: "text*",
    marks,
    attrs: { ...blockAttrs, ...extra },
    defining: true,
    toDOM: (node): DOMOutputSpec => {
      const attrs = domAttrs(role, node.attrs);
      if (typeof node.attrs.kind === "string") attrs["data-kind"] = node.attrs.kind;
      if (typeof node.attrs.article === "string") attrs["data-article"] = node.attrs.article;
      if (typeof node.attrs.inline === "string") attrs["data-inline"] = node.attrs.inline;
      return [tagOf[role], attrs, 0];
    },
    parseDOM: [
      {
        tag: `[data-role="${role}"]`,
        getAttrs: (dom: HTMLElement) => ({
          lines: parseLines(dom),
          confidence: parseConfidence(dom),
          ...(extra.kind ? { kind: dom.getAttribute("data-kind") } : {}),
          ...(extra.article ? { article: dom.getAttribute("data-article") } : {}),
          ...(extra.inline ? { inline: dom.getAttribute("data-inline") } : {}),
        }),
      },
    ],
  };
}

/** The page schema. */
export const pageSchema = new Schema({
  topNode: "page",
  nodes: {
    page: {
      content: "(article | page_block)*",
      attrs: {
        format: { default: "text" },
        lineCount: { default: 0 },
        language: { default: null },
        width: { default: null },
        height: { default: null },
        columns: { default: [] },
      },
      toDOM: (): DOMOutputSpec => ["div", { class: "galley-page" }, 0],
    },
    article: {
      content: "article_block+",
      attrs: {
        id: { default: "" },
        status: { default: "needs-review" },
        confidence: { default: null },
      },
      defining: true,
      isolating: true,
      toDOM: (node): DOMOutputSpec => [
        "article",
        { "data-article-id": node.attrs.id, "data-status": node.attrs.status },
        0,
      ],
      parseDOM: [
        {
          tag: "article[data-article-id]",
          getAttrs: (dom: HTMLElement) => ({
            id: dom.getAttribute("data-article-id") ?? "",
            status: dom.getAttribute("data-status") ?? "needs-review",
          }),
        },
      ],
    },
    kicker: textBlock("kicker"),
    headline: textBlock("headline"),
    subheadline: textBlock("subheadline"),
    dateline: textBlock("dateline", { inline: { default: null } }),
    byline: textBlock("byline", { inline: { default: null } }),
    paragraph: textBlock("paragraph", {}, "dateline_span byline_span"),
    caption: textBlock("caption", { article: { default: null } }),
    furniture: textBlock("furniture", { kind: { default: null } }),
    text: {},
  },
  marks: {
    dateline_span: {
      attrs: { line: { default: null } },
      inclusive: false,
      toDOM: (mark): DOMOutputSpec => [
        "span",
        { "data-span": "dateline", "data-line": mark.attrs.line ?? "" },
        0,
      ],
      parseDOM: [
        {
          tag: 'span[data-span="dateline"]',
          getAttrs: (dom: HTMLElement) => ({ line: dom.getAttribute("data-line") || null }),
        },
      ],
    },
    byline_span: {
      attrs: { line: { default: null } },
      inclusive: false,
      toDOM: (mark): DOMOutputSpec => [
        "span",
        { "data-span": "byline", "data-line": mark.attrs.line ?? "" },
        0,
      ],
      parseDOM: [
        {
          tag: 'span[data-span="byline"]',
          getAttrs: (dom: HTMLElement) => ({ line: dom.getAttribute("data-line") || null }),
        },
      ],
    },
  },
});

/** Whether `name` is one of the eight block roles. */
export function isBlockRole(name: string): name is BlockRole {
  return (blockRoles as readonly string[]).includes(name);
}
