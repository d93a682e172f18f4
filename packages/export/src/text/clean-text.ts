/**
 * Text cleaning shared by every format that is not JSON. XML 1.0 forbids most control
 * characters, HTML treats them and noncharacters as parse errors, and UTF-8 cannot encode a
 * lone surrogate. So, before escaping:
 *
 * - C0 controls other than tab, line feed and carriage return, DEL and the C1 controls
 *   (U+0080–U+009F) are dropped;
 * - Unicode noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane) are dropped;
 * - a lone surrogate (half of a broken UTF-16 pair) becomes U+FFFD, so the reader sees that
 *   something was there.
 *
 * Everything else, including markup-like text such as `<script>`, is kept as text and escaped
 * by the writer of each format. The JSON export does not clean: it keeps the edited text as is.
 */

/** Controls (C0 but tab/LF/CR, DEL, C1) and BMP noncharacters, as a character-class body. */
const bmpDropped = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF";

/** Plane 1–16 noncharacters: U+xFFFE and U+xFFFF. */
const astralDropped = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join("");

const dropped = new RegExp(`[${bmpDropped}${astralDropped}]`, "gu");

/** Fast check: only text with one of these needs the full pass (surrogates cover every astral character). */
const suspicious = new RegExp(`[${bmpDropped}\\uD800-\\uDFFF]`);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Returns `text` without the characters no XML/HTML/UTF-8 output may carry (see the module note). */
export function cleanText(text: string): string {
  if (!suspicious.test(text)) return text;
  return text.replace(loneSurrogate, "\uFFFD").replace(dropped, "");
}

/** `cleanText`, then runs of white space (including line breaks) folded to one space and trimmed. */
export function cleanInline(text: string): string {
  return cleanText(text).replace(/\s+/g, " ").trim();
}
