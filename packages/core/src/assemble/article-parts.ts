import type { LineInfo } from "../lines/line-info.ts";
import { matchDatelineRest } from "../lines/patterns.ts";
import type { Article, Block } from "../types.ts";
import { splitParagraphs } from "./paragraphs.ts";
import { blockOf, linesText, round, type TextOptions } from "./text-blocks.ts";
import type { TitleParts } from "./title-roles.ts";

/** Everything known of one article before it becomes a contract `Article`. */
export interface ArticleDraft {
  id: string;
  body: LineInfo[];
  title: TitleParts | null;
  titleConfidence: number;
  confidence: number;
}

/**
 * Brackets OCR reads for the full-width parentheses of a reporter credit ("〈记者 王建国)"),
 * normalised in dateline and byline text to the printed （）. Documented in the README.
 */
function normaliseCredit(text: string): string {
  return text
    .replace(openBrackets, "（")
    .replace(closeBrackets, "）")
    .replace(fullOpenHalfClose, "（$1）")
    .replace(halfOpenFullClose, "（$1）");
}

// Made once: a regular expression literal in a function body is a new object on every call.
const openBrackets = /[〈<［]/g;
const closeBrackets = /[〉>］]/g;
const fullOpenHalfClose = /（([^（）()]*)\)/g;
const halfOpenFullClose = /\(([^（）()]*)）/g;
const endsInCredit = /[（(〈<［[][^）)〉>］\]]*$/;
const endsInMark = /[电讯]$/;
const endsInDash = /[—–-]$/;

/** Builds the contract article: title parts, dateline, byline and paragraphs. */
export function buildArticle(draft: ArticleDraft, options: TextOptions): Article {
  let lines = [...draft.body];
  const title = draft.title;
  const titleBlock = (part: LineInfo[]) =>
    part.length ? blockOf(part, options, draft.titleConfidence) : null;

  let dateline: Block | null = null;
  const first = lines[0];
  if (first?.dateline) {
    // Datelines stay in their paragraph (also when OCR broke the line right after them).
    const span = first.dateline;
    dateline = { text: normaliseCredit(span.text), lines: [first.line.id], inline: "start" };
    const second = lines[1];
    if (span.rest !== undefined && second) {
      dateline = { text: span.text, lines: [first.line.id, second.line.id], inline: "start" };
    } else if (span.open && second) {
      const inCredit = endsInCredit.test(span.text);
      const wantsMark = !endsInMark.test(span.text) && !inCredit && !endsInDash.test(span.text);
      const rest = matchDatelineRest(second.text, wantsMark, inCredit);
      if (rest) {
        dateline = {
          text: normaliseCredit(linesText([span.text, rest.text], options)),
          lines: [first.line.id, second.line.id],
          inline: "start",
        };
      }
    }
  }

  let byline: Block | null = null;
  if (title?.byline.length) byline = blockOf(title.byline, options);
  else if (lines[0]?.bylineLine && lines.length > 1) {
    // A byline may run on over lines of its own ("By Jane" / "Doe", "By X" / "Staff Writer").
    const k = bylineRun(lines, 0, 1);
    byline = blockOf(lines.slice(0, k), options);
    lines = lines.slice(k);
  } else {
    const last = lines.at(-1);
    const prev = lines.at(-2);
    if (last && prev && last.bylineLine) {
      const k = bylineRun(lines, lines.length - 1, -1);
      byline = blockOf(lines.slice(lines.length - k), options);
      lines = lines.slice(0, lines.length - k);
    } else if (last && prev?.endsSentence && last.bareName && last.chars <= 12) {
      byline = blockOf([last], options);
      lines = lines.slice(0, -1);
    } else if (last?.bylineEnd) {
      // A credit broken inside its bracket names the line it opens on too.
      const from = last.bylineEnd.wrapped && prev ? [prev.line.id] : [];
      byline = { text: normaliseCredit(last.bylineEnd.text), lines: [...from, last.line.id], inline: "end" };
    }
  }

  const paragraphs = splitParagraphs(lines).map((p) => blockOf(p, options));
  return {
    id: draft.id,
    kicker: title ? titleBlock(title.kicker) : null,
    headline: title ? titleBlock(title.headline) : null,
    subheadline: title ? titleBlock(title.subheadline) : null,
    dateline,
    byline,
    paragraphs,
    confidence: round(draft.confidence),
  };
}

/** How many byline lines run from `from` in direction `step`: at most three, and never every line. */
function bylineRun(lines: readonly LineInfo[], from: number, step: 1 | -1): number {
  let k = 0;
  while (k < 3 && k < lines.length - 1 && lines[from + k * step]?.bylineLine) k++;
  return k;
}
