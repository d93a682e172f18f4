import { joinLines } from "../text/join.ts";
import type { Block, ReconstructedPage, SourceLine } from "../types.ts";

/** Options for `assembleTextPage`. */
export interface TextPageOptions {
  lineCount: number;
  language?: string;
  digitSpacing?: "keep" | "normalize";
}

/** Reconstructs a plain-text stream's lines into a page. */
export function assembleTextPage(lines: SourceLine[], options: TextPageOptions): ReconstructedPage {
  const paragraphs: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length) paragraphs.push({ text: joinLines(current.map((l) => l.text)), lines: current.map((l) => l.id) });
    current = [];
  };
  for (const line of lines) {
    if (line.blankBefore) flush();
    current.push(line);
  }
  flush();
  return {
    source: { format: "text", lineCount: options.lineCount },
    columns: [],
    articles: [
      {
        id: "a1",
        kicker: null,
        headline: null,
        subheadline: null,
        dateline: null,
        byline: null,
        paragraphs,
        confidence: 0,
      },
    ],
    captions: [],
    other: [],
  };
}
