import { type AttributeSpec, type DOMOutputSpec, type NodeSpec, Schema } from "prosemirror-model";
import { type BlockRole, blockNodeName, isBlockRole, roleOf, roleSpecificAttrs } from "./roles.ts";

/**
 * The page schema shared by the server (import, GET, export), the editor and the exporters.
 * It is DOM-free: `toDOM` returns output specs only.
 *
 * Shape: `page` → (`article` | `block`)*; `article` → one or more `block`s in any order. Every
 * text block is one node type, `block`, whose `role` attribute (one of `blockRoles`) says what
 * it is, so a role change is an attribute change that merges with concurrent typing (see
 * `roles.ts`). Every block keeps the source line ids (`lines`) and the reconstruction's
 * `confidence` as attributes, so an edited page still says where each word came from; datelines
 * and bylines keep `inline`, captions `article`, furniture `kind`. A block cut in two by the
 * editor carries the same random id in the first half's `cutAfter` and the second half's
 * `cutBefore` (see `cutMarks`), so joining them again restores the text exactly. The DOM is the same as one
 * element per role would give: `data-role`, and the tag of the role (h2 for a headline …).
 */

/** Editorial status of an article. */
export const articleStatuses = ["needs-review", "corrected", "approved"] as const;

/** One of `articleStatuses`. */
export type ArticleStatus = (typeof articleStatuses)[number];

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

/** The DOM attribute each role-specific attribute is written to. */
const domNameOf = { inline: "data-inline", kind: "data-kind", article: "data-article" } as const;

function domAttrs(role: BlockRole, attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { "data-role": role };
  const lines = attrs.lines as string[] | undefined;
  if (lines?.length) out["data-lines"] = lines.join(" ");
  if (typeof attrs.confidence === "number") out["data-confidence"] = attrs.confidence.toFixed(2);
  for (const name of roleSpecificAttrs[role]) {
    const value = attrs[name];
    if (typeof value === "string") out[domNameOf[name]] = value;
  }
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

function parseBlock(dom: HTMLElement): Record<string, unknown> | false {
  const role = dom.getAttribute("data-role");
  if (!isBlockRole(role)) return false;
  const attrs: Record<string, unknown> = { role, lines: parseLines(dom), confidence: parseConfidence(dom) };
  for (const name of roleSpecificAttrs[role]) attrs[name] = dom.getAttribute(domNameOf[name]);
  return attrs;
}

const blockSpec: NodeSpec = {
  content: "text*",
  // Only paragraph-role blocks carry spans (see `allowsInlineSpans`); a role change removes them.
  marks: "dateline_span byline_span",
  attrs: {
    role: { default: "paragraph" },
    lines: { default: [] },
    confidence: { default: null },
    inline: { default: null },
    kind: { default: null },
    article: { default: null },
    cutBefore: { default: null },
    cutAfter: { default: null },
  } satisfies Record<string, AttributeSpec>,
  defining: true,
  toDOM: (node): DOMOutputSpec => {
    const role = roleOf(node) ?? "paragraph";
    return [tagOf[role], domAttrs(role, node.attrs), 0];
  },
  parseDOM: [{ tag: "[data-role]", getAttrs: (dom: HTMLElement) => parseBlock(dom) }],
};

/** The page schema. */
export const pageSchema = new Schema({
  topNode: "page",
  nodes: {
    page: {
      content: "(article | block)*",
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
      content: "block+",
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
    [blockNodeName]: blockSpec,
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
