import type { LineInfo } from "../lines/line-info.ts";
import { type JoinOptions, joinLines } from "../text/join.ts";
import type { Block } from "../types.ts";

/** How block text is made from line text. */
export interface TextOptions extends JoinOptions {
  /** Remove the spaces OCR puts between CJK and digits or Latin words. */
  normalizeDigitSpacing?: boolean;
}

const cjkDigitSpace =
  /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]+(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}%])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** Text of a run of lines, joined by the script's rules. */
export function linesText(lines: readonly string[], options: TextOptions): string {
  const text = joinLines(lines, options);
  return options.normalizeDigitSpacing ? text.replace(cjkDigitSpace, "") : text;
}

/** A block from lines, with an optional confidence. */
export function blockOf(lines: readonly LineInfo[], options: TextOptions, confidence?: number): Block {
  const block: Block = {
    text: linesText(
      lines.map((x) => x.text),
      options,
    ),
    lines: lines.map((x) => x.line.id),
  };
  if (confidence !== undefined) block.confidence = round(confidence);
  return block;
}

/** Rounds a confidence to two decimals. */
export function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
