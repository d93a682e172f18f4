import { type Block, type Box, joinLines, type SourceLine, type SourceWord } from "@galley/core";

/**
 * Core's geometry path may cut a source line that OCR ran across a column gutter into pieces:
 * the largest piece keeps the line's id, the others get "ID+2", "ID+3", … (see core's
 * `geometry/prepare.ts`). The ingested source lines only know the whole line, so this module
 * gives each piece back its own words and box, for ALTO.
 *
 * Each "ID+k" piece claims, among the line's words not yet claimed, the longest run whose
 * text (white space ignored) occurs in the text of the block that holds the piece; the piece
 * that kept "ID" gets the words left over. A piece whose words cannot be found keeps no words
 * and is laid out from its block's text instead.
 */

function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

function lineOf(id: string, words: SourceWord[]): SourceLine {
  const line: SourceLine = { id, text: joinLines(words.map((w) => w.text)), words };
  if (words.length) line.box = union(words.map((w) => w.box));
  return line;
}

/** The longest run of unclaimed words whose squeezed text occurs in `haystack`. */
function claimRun(words: SourceWord[], claimed: boolean[], haystack: string): number[] {
  let best: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (claimed[i]) continue;
    let text = "";
    const run: number[] = [];
    for (let j = i; j < words.length && !claimed[j]; j++) {
      const next = text + squeeze(words[j]!.text);
      if (!haystack.includes(next)) break;
      text = next;
      run.push(j);
    }
    if (run.length > best.length) best = run;
  }
  return best;
}

/**
 * Source lines for the pieces of split lines referenced by `blocks`: a map from piece id (and
 * from the id of a line that was split) to a line with just that piece's words and box. Lines
 * that were not split are not in the map.
 */
export function resolveLinePieces(
  lines: readonly SourceLine[],
  blocks: readonly Block[],
): Map<string, SourceLine> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const pieces = new Map<string, { id: string; text: string }[]>();
  for (const block of blocks) {
    for (const id of block.lines) {
      const base = /^(.+)\+\d+$/.exec(id)?.[1];
      if (byId.has(id) || base === undefined || !byId.get(base)?.words?.length) continue;
      pieces.set(base, [...(pieces.get(base) ?? []), { id, text: squeeze(block.text) }]);
    }
  }
  const out = new Map<string, SourceLine>();
  for (const [baseId, parts] of pieces) {
    const base = byId.get(baseId)!;
    const words = base.words!;
    const claimed = words.map(() => false);
    for (const part of parts) {
      const run = claimRun(words, claimed, part.text);
      for (const i of run) claimed[i] = true;
      out.set(
        part.id,
        lineOf(
          part.id,
          run.map((i) => words[i]!),
        ),
      );
    }
    out.set(
      baseId,
      lineOf(
        baseId,
        words.filter((_, i) => !claimed[i]),
      ),
    );
  }
  return out;
}
