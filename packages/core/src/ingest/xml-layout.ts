import { isAt } from "./xml-chars.ts";

/**
 * Attribute layouts: the names, in order, an element has been seen with. OCR formats repeat one
 * element thousands of times with the same attributes in the same order (ALTO `String`:
 * `HPOS VPOS WIDTH HEIGHT WC CONTENT`; hOCR spans: `class id title`), so the scanner checks a
 * later tag's names against a remembered layout — a comparison of the name at the cached
 * position — instead of scanning each name and searching the tag for a duplicate. A layout's
 * names passed every check when it was recorded and are pairwise distinct, so a tag whose names
 * so far are a layout's first ones has no duplicate among them. Readers compare layouts by
 * identity to reuse what they found in the last tag (`AttributeSlots`).
 */
export interface AttributeLayout {
  /** Qualified names in document order, pairwise distinct. */
  readonly names: readonly string[];
  /** Per name, where its local part starts within it (after the prefix's colon; 0 without one). */
  readonly locals: readonly number[];
}

/** Layouts kept per element name, so alternating forms (with and without an attribute) each keep theirs. */
const kept = 4;

/**
 * Whether the attribute named `layout.names[index]` stands at `text[at..]`, directly followed
 * by `=`: then a full scan of the name there would read exactly that name.
 */
export function isNextName(layout: AttributeLayout, index: number, text: string, at: number): boolean {
  const name = layout.names[index];
  return name !== undefined && text.charCodeAt(at + name.length) === 0x3d && isAt(text, at, name);
}

/**
 * Among `layouts`, one that shares `current`'s first `index` names and whose next name stands at
 * `text[at..]` (see `isNextName`), or null: for a tag that leaves its layout at `index`.
 */
export function switchLayout(
  layouts: readonly AttributeLayout[],
  current: AttributeLayout,
  index: number,
  text: string,
  at: number,
): AttributeLayout | null {
  for (const layout of layouts) {
    if (layout !== current && sharesNames(layout, current, index) && isNextName(layout, index, text, at))
      return layout;
  }
  return null;
}

/**
 * The layout of a tag whose `count` attributes were read: `current` when the tag followed it to
 * its end, else a kept one with these names (`nameAt(i)` reads the tag's `i`-th name), else a
 * new one, recorded. The layout returned goes to the front of `layouts`.
 */
export function settleLayout(
  layouts: AttributeLayout[],
  current: AttributeLayout | null,
  count: number,
  nameAt: (i: number) => string,
): AttributeLayout {
  let found = current !== null && current.names.length === count ? current : null;
  if (found === null && current !== null) {
    // The tag followed `current` but stopped short of its end.
    for (const layout of layouts)
      if (layout.names.length === count && sharesNames(layout, current, count)) found = layout;
  }
  if (found === null) {
    const names: string[] = [];
    const locals: number[] = [];
    for (let i = 0; i < count; i++) {
      const name = nameAt(i);
      names.push(name);
      locals.push(name.indexOf(":") + 1);
    }
    found = { names, locals };
  }
  if (layouts[0] !== found) {
    const at = layouts.indexOf(found);
    if (at >= 0) layouts.splice(at, 1);
    layouts.unshift(found);
    if (layouts.length > kept) layouts.length = kept;
  }
  return found;
}

/** Whether `a` and `b` have the same first `count` names (both have that many). */
function sharesNames(a: AttributeLayout, b: AttributeLayout, count: number): boolean {
  if (a.names.length < count || b.names.length < count) return false;
  for (let i = 0; i < count; i++) if (a.names[i] !== b.names[i]) return false;
  return true;
}
