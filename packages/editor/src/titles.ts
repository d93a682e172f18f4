import { type BlockRole, roleOf } from "@galley/doc";
import type { Node } from "prosemirror-model";

/**
 * An article's title: its kicker, headline and subheadline (deck), printed in that order at the
 * top. Helpers to read it from an article node and to say when it is wrong.
 */

/** The title roles, in the order they stand at the top of an article. */
export const titleRoles: readonly BlockRole[] = ["kicker", "headline", "subheadline"];

/** Whether `node` is a text block with a title role. */
export function isTitleBlock(node: Node): boolean {
  const role = roleOf(node);
  return role !== null && titleRoles.includes(role);
}

/** The place of a title block in the kicker → headline → subheadline order (-1 for others). */
export function titleRank(node: Node): number {
  const role = roleOf(node);
  return role === null ? -1 : titleRoles.indexOf(role);
}

/** What is wrong with an article's headline: none at all, more than one, or nothing (null). */
export type TitleFlag = "none" | "several";

/** The article's headline blocks, in document order. */
export function headlinesOf(article: Node): Node[] {
  const out: Node[] = [];
  article.forEach((child) => {
    if (roleOf(child) === "headline") out.push(child);
  });
  return out;
}

/** `"none"` for an article with no headline (or only empty ones), `"several"` for two or more, else null. */
export function titleFlagOf(article: Node): TitleFlag | null {
  const headlines = headlinesOf(article).filter((h) => h.textContent.trim() !== "");
  if (headlines.length === 0) return "none";
  return headlines.length > 1 ? "several" : null;
}

/** The article's name as people read it: its first non-empty headline, else null. */
export function articleHeadline(article: Node): string | null {
  for (const headline of headlinesOf(article)) {
    const text = headline.textContent.trim();
    if (text) return text;
  }
  return null;
}
