import type { Node } from "prosemirror-model";

/**
 * Block roles. Every text block of a page is one node type, `block`, whose `role` attribute
 * says what it is. A role change is therefore an attribute change, which y-prosemirror syncs in
 * place (`Y.XmlElement.setAttribute`) and which merges with text another editor types into the
 * same block at the same moment; a node type per role would replace the Yjs element and lose
 * that text.
 */

/** Roles a text block can have (the value of a `block` node's `role` attribute). */
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

/** Name of the node type of every text block. */
export const blockNodeName = "block";

/** The attributes only some roles use; each is null on a block of any other role. */
export type RoleSpecificAttr = "inline" | "kind" | "article";

/** Which role-specific attributes each role uses. */
export const roleSpecificAttrs: Readonly<Record<BlockRole, readonly RoleSpecificAttr[]>> = {
  kicker: [],
  headline: [],
  subheadline: [],
  dateline: ["inline"],
  byline: ["inline"],
  paragraph: [],
  caption: ["article"],
  furniture: ["kind"],
};

const allRoleSpecific: readonly RoleSpecificAttr[] = ["inline", "kind", "article"];

/** Whether `name` is one of the eight block roles. */
export function isBlockRole(name: unknown): name is BlockRole {
  return typeof name === "string" && (blockRoles as readonly string[]).includes(name);
}

/**
 * The role of a text block, or null when `node` is not a `block` (the page, an article, text).
 * A block whose stored role is not a known one (written by another client) reads as a
 * paragraph, so its text is still shown and exported rather than dropped.
 */
export function roleOf(node: Node): BlockRole | null {
  if (node.type.name !== blockNodeName) return null;
  const role: unknown = node.attrs.role;
  return isBlockRole(role) ? role : "paragraph";
}

/**
 * Whether a block of `role` may stand at page level, outside any article: only captions and
 * furniture are set apart there. (The schema allows any block at page level, so that a
 * concurrent edit can never make a page invalid; `toReconstruction` reads other roles found
 * there as unplaced text.)
 */
export function isPageLevelRole(role: BlockRole): boolean {
  return role === "caption" || role === "furniture";
}

/**
 * Whether a block of `role` carries inline spans (the marks `dateline_span`, `byline_span`):
 * only paragraphs do, since a dateline or byline printed inside a body line is read from them.
 */
export function allowsInlineSpans(role: BlockRole): boolean {
  return role === "paragraph";
}

/**
 * The attributes a block keeps when it takes `role`: `role` itself, `lines`, `confidence` and
 * the cut marks (`cutBefore`, `cutAfter`) unchanged, the role-specific attributes `role` uses
 * unchanged, and the others set to null.
 */
export function attrsForRole(
  role: BlockRole,
  attrs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (!isBlockRole(role)) throw new RangeError(`unknown block role: ${String(role)}`);
  const out: Record<string, unknown> = {
    role,
    lines: attrs.lines ?? [],
    confidence: attrs.confidence ?? null,
    cutBefore: attrs.cutBefore ?? null,
    cutAfter: attrs.cutAfter ?? null,
  };
  for (const name of allRoleSpecific) {
    out[name] = roleSpecificAttrs[role].includes(name) ? (attrs[name] ?? null) : null;
  }
  return out;
}
