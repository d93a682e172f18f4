import { lineJoint } from "@galley/core/text";

/**
 * Keeping a block's source line ids sensible when its text is cut in two or two blocks are
 * joined. A block's text is its lines joined by the script's rules, so a character offset maps
 * back to the line it came from; when the lines' texts are unknown, lines are assumed to be of
 * equal length.
 */

/**
 * Splits `lines` at character `offset` of a block whose text is `length` long. The line cut
 * mid-way goes to both halves (it printed words of both); a cut exactly between two lines gives
 * each half its own. `lineTexts` maps line ids to their source text, when known.
 */
export function splitLineIds(
  lines: readonly string[],
  offset: number,
  length: number,
  lineTexts?: ReadonlyMap<string, string>,
): [string[], string[]] {
  if (lines.length === 0) return [[], []];
  if (offset <= 0) return [[], [...lines]];
  if (offset >= length) return [[...lines], []];
  const starts = lineStarts(lines, length, lineTexts);
  let at = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) at = i;
  // `at` is the line holding the cut; if the cut falls on its very start it belongs after.
  if (starts[at] === offset) return [lines.slice(0, at), lines.slice(at)];
  return [lines.slice(0, at + 1), lines.slice(at)];
}

/**
 * The id of the line that printed the character at `offset` of a block whose text is `length`
 * long (the last line for the very end), or null for a block without lines.
 */
export function lineAtOffset(
  lines: readonly string[],
  offset: number,
  length: number,
  lineTexts?: ReadonlyMap<string, string>,
): string | null {
  if (lines.length === 0) return null;
  const starts = lineStarts(lines, length, lineTexts);
  let at = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) at = i;
  return lines[at]!;
}

/** Start offsets of each line within the joined block text. */
function lineStarts(
  lines: readonly string[],
  length: number,
  lineTexts?: ReadonlyMap<string, string>,
): number[] {
  const texts = lines.map((id) => lineTexts?.get(id));
  if (texts.every((t): t is string => typeof t === "string")) {
    const starts: number[] = [];
    let joined = "";
    for (const text of texts) {
      const line = text.trim();
      if (joined && line) {
        const joint = lineJoint(joined, line);
        joined = joint === "hyphen" ? joined.slice(0, -1) : joined + joint;
      }
      starts.push(joined.length);
      joined += line;
    }
    // Scale to the block's current length: edits since reconstruction shift the text a little.
    const scale = joined.length > 0 ? length / joined.length : 1;
    return starts.map((s) => Math.round(s * scale));
  }
  return lines.map((_, i) => Math.round((i * length) / lines.length));
}

/** Joins two blocks' line ids in order, dropping a line both halves shared. */
export function mergeLineIds(first: readonly string[], second: readonly string[]): string[] {
  const out = [...first];
  for (const id of second) if (!out.includes(id)) out.push(id);
  return out;
}

/** The confidence of a block made from two: the lower of the two known values, else null. */
export function mergeConfidence(a: unknown, b: unknown): number | null {
  const known = [a, b].filter((c): c is number => typeof c === "number");
  return known.length ? Math.min(...known) : null;
}

/**
 * What goes between two texts joined into one block: a space between Latin words, nothing
 * around CJK text or where either side already has whitespace.
 */
export function joinSeparator(before: string, after: string): string {
  if (!before || !after || /\s$/u.test(before) || /^\s/u.test(after)) return "";
  return lineJoint(before, after) === " " ? " " : "";
}
