import { cleanInline } from "./clean-text.ts";

/** Characters that can start or end inline Markdown anywhere in a line. */
const inlineSpecial = /[\\`*_[\]<>&|~]/g;

/**
 * Escapes one paragraph of text for CommonMark (and GFM) so that it renders as the same text:
 * white space is folded to single spaces (a paragraph is one line), every character that can
 * open inline markup (`\ \` * _ [ ] < > & | ~`; `!` needs no escape once `[` has one) is backslash-escaped, and so is whatever
 * would make the line a block of another kind (`#` heading, `>` quote, `-`/`+`/`*` or `1.`/`1)`
 * list item, `=`/`-` setext underline, fenced code). Markup-like OCR text (`<script>`) is
 * therefore shown, never interpreted.
 */
export function escapeMarkdown(text: string): string {
  const line = cleanInline(text).replace(inlineSpecial, (ch) => `\\${ch}`);
  return line
    .replace(/^(\s*)([#>+=-])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")
    .replace(/^(\s*)(~~~|```)/, "$1\\$2");
}
