import type { Block } from "@galley/core";

/**
 * Removes an inline dateline or byline (a `Block` with `inline` set, printed inside a body
 * line) from the paragraph that prints it, for formats that carry the span as an element of
 * its own (NITF `dateline`/`byline`, JSON-LD, the HTML and EPUB article pages, Markdown front
 * matter). The paragraph is the one whose `lines` hold the span's line; the span is matched at
 * the paragraph's start (`inline: "start"`) or end (`"end"`), ignoring white space. When it is
 * not found there (an editor changed the text), the paragraph is left whole: nothing is lost.
 *
 * Returns new paragraph texts, in order; a paragraph left empty is dropped.
 */
export function stripInlineSpans(paragraphs: readonly Block[], spans: readonly (Block | null)[]): string[] {
  const texts = paragraphs.map((p) => p.text);
  for (const span of spans) {
    if (!span?.inline || !span.text.trim()) continue;
    const line = span.lines[0];
    const index = paragraphs.findIndex((p) => line !== undefined && p.lines.includes(line));
    const at = index >= 0 ? index : span.inline === "start" ? 0 : paragraphs.length - 1;
    const text = texts[at];
    if (text === undefined) continue;
    texts[at] = span.inline === "start" ? cutStart(text, span.text) : cutEnd(text, span.text);
  }
  return texts.map((t) => t.trim()).filter((t) => t.length > 0);
}

/** Punctuation a dateline is often followed by before the story starts ("WASHINGTON (AP) —"). */
const joiners = /^[\s—–\-:：,，]*/u;

function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Index just past the first `n` non-space characters of `text`. */
function pastNonSpace(text: string, n: number): number {
  let seen = 0;
  let i = 0;
  for (const ch of text) {
    if (seen === n) break;
    if (!/\s/.test(ch)) seen++;
    i += ch.length;
  }
  return i;
}

function cutStart(text: string, span: string): string {
  const want = squeeze(span);
  if (!squeeze(text).startsWith(want)) return text;
  const rest = text.slice(pastNonSpace(text, [...want].length));
  return rest.replace(joiners, "");
}

function cutEnd(text: string, span: string): string {
  const want = squeeze(span);
  const all = squeeze(text);
  if (!all.endsWith(want)) return text;
  const keep = [...all].length - [...want].length;
  return text.slice(0, pastNonSpace(text, keep)).trimEnd();
}
