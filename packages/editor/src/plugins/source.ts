import type { SourceLine } from "@galley/core";
import type { Node } from "prosemirror-model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { textBlocks } from "../blocks.ts";

/**
 * Holds the page's source lines (the original OCR, fetched from the server) and the set of line
 * ids the host has asked to highlight. Blocks that came from a highlighted line get the node
 * decoration class `galley-linked`; blocks are never changed. Source lines reach the state by a
 * transaction meta (`setSourceLines`), so they take no part in collaboration or undo.
 */

/** The source plugin's state. */
export interface SourceState {
  /** Source lines by id, in source order. */
  lines: ReadonlyMap<string, SourceLine>;
  /** Line ids currently highlighted. */
  highlighted: ReadonlySet<string>;
  decorations: DecorationSet;
}

interface SourceMeta {
  lines?: readonly SourceLine[];
  highlighted?: readonly string[];
}

/** Key of the source plugin. */
export const sourceKey = new PluginKey<SourceState>("galley-source");

/** Sets the page's source lines on a transaction (not added to undo history). */
export function setSourceLines(tr: Transaction, lines: readonly SourceLine[]): Transaction {
  return tr.setMeta(sourceKey, { lines } satisfies SourceMeta).setMeta("addToHistory", false);
}

/** Highlights the blocks that came from any of `lineIds` (an empty list clears). */
export function setHighlightedLines(tr: Transaction, lineIds: readonly string[]): Transaction {
  return tr.setMeta(sourceKey, { highlighted: lineIds } satisfies SourceMeta).setMeta("addToHistory", false);
}

/** Line texts by id, when the source is known; used to cut a block's lines where its text is cut. */
export function lineTextsOf(state: EditorState): Map<string, string> | undefined {
  const lines = sourceKey.getState(state)?.lines;
  if (!lines || lines.size === 0) return undefined;
  const out = new Map<string, string>();
  for (const [id, line] of lines) out.set(id, line.text);
  return out;
}

function decorate(doc: Node, highlighted: ReadonlySet<string>): DecorationSet {
  if (highlighted.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const { node, pos } of textBlocks(doc)) {
    const lines = node.attrs.lines as string[];
    if (lines.some((id) => highlighted.has(id))) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: "galley-linked" }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** The source plugin (see `sourceKey`). */
export function sourcePlugin(): Plugin<SourceState> {
  return new Plugin<SourceState>({
    key: sourceKey,
    state: {
      init: () => ({ lines: new Map(), highlighted: new Set(), decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(sourceKey) as SourceMeta | undefined;
        if (!meta) {
          if (!tr.docChanged || value.highlighted.size === 0) return value;
          return { ...value, decorations: decorate(tr.doc, value.highlighted) };
        }
        const lines = meta.lines ? new Map(meta.lines.map((l) => [l.id, l])) : value.lines;
        const highlighted = meta.highlighted ? new Set(meta.highlighted) : value.highlighted;
        return { lines, highlighted, decorations: decorate(tr.doc, highlighted) };
      },
    },
    props: {
      decorations: (state) => sourceKey.getState(state)?.decorations,
    },
  });
}
