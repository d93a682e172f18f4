import { attrsForRole, type BlockRole, blockNodeName, pageSchema } from "@galley/doc";
import type { Attrs, Mark, Node } from "prosemirror-model";
import { EditorState, TextSelection } from "prosemirror-state";

/**
 * A small document builder over the page schema, for tests and examples:
 * `doc(article({ id: "a1" }, headline("Title"), p("Body <a>text")))`. Text may hold tags such
 * as `<a>` and `<b>`; the built node carries their positions in `tag` (document positions for
 * `doc`, offsets into the content for anything smaller).
 */

/** A node built by the builder, with the positions of the tags written in its text. */
export type TaggedNode = Node & { tag: Record<string, number> };

/** What a builder accepts as a child: text (with tags) or a built node. */
export type Child = string | TaggedNode;

const tagPattern = /<(\w+)>/g;

function isAttrs(value: unknown): value is Attrs {
  return typeof value === "object" && value !== null && !("type" in value && "nodeSize" in value);
}

function tagged(node: Node, tag: Record<string, number>): TaggedNode {
  return Object.assign(node, { tag });
}

/** Takes tags out of `text`: the plain text and each tag's offset in it. */
function untag(text: string): { plain: string; tag: Record<string, number> } {
  const tag: Record<string, number> = {};
  let plain = "";
  let last = 0;
  for (const m of text.matchAll(tagPattern)) {
    plain += text.slice(last, m.index);
    tag[m[1]!] = plain.length;
    last = (m.index ?? 0) + m[0].length;
  }
  return { plain: plain + text.slice(last), tag };
}

/** Builds a marked text node; its `tag` holds offsets into the text. */
function markedText(text: string, marks: readonly Mark[]): TaggedNode {
  const { plain, tag } = untag(text);
  if (!plain) throw new RangeError(`marked text must not be empty: ${JSON.stringify(text)}`);
  return tagged(pageSchema.text(plain, marks), tag);
}

/** Flattens children into nodes and tag offsets relative to the parent's content start. */
function collect(children: Child[]): { nodes: Node[]; tag: Record<string, number> } {
  const nodes: Node[] = [];
  const tag: Record<string, number> = {};
  let offset = 0;
  for (const child of children) {
    if (typeof child === "string") {
      const { plain, tag: own } = untag(child);
      for (const [name, at] of Object.entries(own)) tag[name] = offset + at;
      if (plain) {
        nodes.push(pageSchema.text(plain));
        offset += plain.length;
      }
      continue;
    }
    // Inside a non-text child, positions start one step in (past its opening token).
    const inner = child.isText ? 0 : 1;
    for (const [name, at] of Object.entries(child.tag)) tag[name] = offset + inner + at;
    nodes.push(child);
    offset += child.nodeSize;
  }
  return { nodes, tag };
}

/** A builder of text blocks of one role: a `block` node with that `role` attribute. */
function blockBuilder(role: BlockRole) {
  return (first?: Attrs | Child, ...rest: Child[]): TaggedNode => {
    const attrs: Attrs = isAttrs(first) ? (first as Attrs) : {};
    const children = isAttrs(first) ? rest : first === undefined ? rest : [first, ...rest];
    const { nodes, tag } = collect(children);
    return tagged(pageSchema.node(blockNodeName, attrsForRole(role, attrs), nodes), tag);
  };
}

/** Builds a page (the document). Its `tag` holds document positions. */
export function doc(first?: Attrs | TaggedNode, ...rest: TaggedNode[]): TaggedNode {
  const attrs = isAttrs(first) ? first : {};
  const children = isAttrs(first) ? rest : first === undefined ? rest : [first, ...rest];
  const { nodes, tag } = collect(children);
  return tagged(pageSchema.node("page", attrs, nodes), tag);
}

/** Builds an article; give `{ id }` (and `status`) as the first argument. */
export function article(first?: Attrs | TaggedNode, ...rest: TaggedNode[]): TaggedNode {
  const attrs = isAttrs(first) ? first : {};
  const children = isAttrs(first) ? rest : first === undefined ? rest : [first, ...rest];
  const { nodes, tag } = collect(children);
  return tagged(pageSchema.node("article", attrs, nodes), tag);
}

/**
 * Builds a paragraph (`p`); the builders below build the other roles. Each is a `block` node
 * with that `role`; optional attrs first (`lines`, `confidence`, and the role's own `inline`,
 * `kind` or `article`).
 */
export const p = blockBuilder("paragraph");
/** Builds a kicker. */
export const kicker = blockBuilder("kicker");
/** Builds a headline. */
export const headline = blockBuilder("headline");
/** Builds a subheadline. */
export const subheadline = blockBuilder("subheadline");
/** Builds a dateline block. */
export const dateline = blockBuilder("dateline");
/** Builds a byline block. */
export const byline = blockBuilder("byline");
/** Builds a caption. */
export const caption = blockBuilder("caption");
/** Builds a furniture block. */
export const furniture = blockBuilder("furniture");

/** Builds text marked as an inline byline span (inside a paragraph). */
export function bylineSpan(text: string): TaggedNode {
  return markedText(text, [pageSchema.marks.byline_span!.create()]);
}

/** Builds text marked as an inline dateline span (inside a paragraph). */
export function datelineSpan(text: string): TaggedNode {
  return markedText(text, [pageSchema.marks.dateline_span!.create()]);
}

/**
 * An editor state over a built document. The selection is `<a>`–`<b>` when both tags are
 * present, a cursor at `<a>` when only it is, else the start of the document.
 */
export function stateOf(node: TaggedNode): EditorState {
  const state = EditorState.create({ doc: node, schema: pageSchema });
  const { a, b } = node.tag;
  if (a === undefined) return state;
  const selection = TextSelection.create(state.doc, a, b ?? a);
  return state.apply(state.tr.setSelection(selection));
}
