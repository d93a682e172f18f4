import { cleanText } from "./clean-text.ts";

const textSpecial = /[&<>]/g;
/** Anything escaping or cleaning could change: markup characters, controls, surrogates, noncharacters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what this looks for
const needsTextWork = /[&<>\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what this looks for
const needsAttrWork = /[&<>"\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const attrSpecial = /[&<>"\t\n\r]/g;
const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Escapes text content for XML 1.0 and HTML5 (`&`, `<`, `>`), after `cleanText` has removed
 * the characters neither may carry. A carriage return is written as `&#13;` so that a parser's
 * line-end normalisation does not change the text.
 */
export function escapeText(text: string): string {
  if (!needsTextWork.test(text)) return text;
  return cleanText(text)
    .replace(textSpecial, (ch) => entities[ch]!)
    .replace(/\r/g, "&#13;");
}

/**
 * Escapes a double-quoted attribute value for XML 1.0 and HTML5: `&`, `<`, `>`, `"`, and tab,
 * line feed and carriage return as character references (attribute-value normalisation would
 * otherwise turn them into spaces).
 */
export function escapeAttr(text: string): string {
  if (!needsAttrWork.test(text)) return text;
  return cleanText(text).replace(attrSpecial, (ch) => entities[ch]!);
}

/**
 * Turns any string into a valid XML `ID` (an NCName): characters outside `[A-Za-z0-9._-]`
 * become `_`, and a `prefix` is prepended (it must itself start with a letter).
 */
export function toXmlId(prefix: string, value: string): string {
  return `${prefix}${value.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}
