import type { Node } from "prosemirror-model";
import { type Command, type EditorState, Plugin, PluginKey, TextSelection } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { textBlocks } from "../blocks.ts";

/**
 * Find and replace over the page's text. The query lives in plugin state (set by `setSearch`),
 * matches are shown as inline decorations (`galley-match`, the one at the selection also
 * `galley-match-current`) and recomputed as the document changes. A match never spans two
 * blocks. Replacing goes through ordinary transactions, so it is collaborative and undoable.
 */

/** One match: document positions, `from` inclusive, `to` exclusive. */
export interface Match {
  from: number;
  to: number;
}

/** The search plugin's state. */
export interface SearchState {
  query: string;
  caseSensitive: boolean;
  matches: Match[];
  decorations: DecorationSet;
}

interface SearchMeta {
  query: string;
  caseSensitive?: boolean;
}

/** Key of the search plugin. */
export const searchKey = new PluginKey<SearchState>("galley-search");

/** Every match of `query` in the text blocks of `doc`, in document order. */
export function findMatches(doc: Node, query: string, caseSensitive = false): Match[] {
  if (!query) return [];
  const out: Match[] = [];
  for (const { node, pos } of textBlocks(doc)) {
    const raw = node.textContent;
    const lower = caseSensitive ? raw : raw.toLocaleLowerCase();
    // Lower-casing changes lengths in a few scripts; such text is matched as written.
    const folded = !caseSensitive && lower.length === raw.length;
    const hay = folded ? lower : raw;
    const needle = folded ? query.toLocaleLowerCase() : query;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      out.push({ from: pos + 1 + at, to: pos + 1 + at + needle.length });
    }
  }
  return out;
}

function decorate(doc: Node, matches: Match[], state?: EditorState): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  const sel = state?.selection;
  return DecorationSet.create(
    doc,
    matches.map((m) => {
      const current = sel && sel.from === m.from && sel.to === m.to;
      return Decoration.inline(m.from, m.to, {
        class: current ? "galley-match galley-match-current" : "galley-match",
      });
    }),
  );
}

/** The search plugin (see `searchKey`). */
export function searchPlugin(): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchKey,
    state: {
      init: () => ({ query: "", caseSensitive: false, matches: [], decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(searchKey) as SearchMeta | undefined;
        if (!meta && !tr.docChanged && !tr.selectionSet) return value;
        const query = meta ? meta.query : value.query;
        const caseSensitive = meta?.caseSensitive ?? value.caseSensitive;
        if (!query) return { query, caseSensitive, matches: [], decorations: DecorationSet.empty };
        const matches = meta || tr.docChanged ? findMatches(tr.doc, query, caseSensitive) : value.matches;
        return { query, caseSensitive, matches, decorations: decorate(tr.doc, matches, state) };
      },
    },
    props: {
      decorations: (state) => searchKey.getState(state)?.decorations,
    },
  });
}

/** Sets (or with `""` clears) the search query. Always applicable. */
export function setSearch(query: string, caseSensitive = false): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.setMeta(searchKey, { query, caseSensitive } satisfies SearchMeta));
    return true;
  };
}

function matchesOf(state: EditorState): Match[] {
  return searchKey.getState(state)?.matches ?? [];
}

/** Selects the next match after the selection (wrapping around). False when nothing matches. */
export const findNext: Command = (state, dispatch) => {
  const matches = matchesOf(state);
  if (matches.length === 0) return false;
  const next = matches.find((m) => m.from >= state.selection.to) ?? matches[0]!;
  if (dispatch)
    dispatch(state.tr.setSelection(TextSelection.create(state.doc, next.from, next.to)).scrollIntoView());
  return true;
};

/** Selects the match before the selection (wrapping around). False when nothing matches. */
export const findPrevious: Command = (state, dispatch) => {
  const matches = matchesOf(state);
  if (matches.length === 0) return false;
  const previous = [...matches].reverse().find((m) => m.to <= state.selection.from) ?? matches.at(-1)!;
  if (dispatch) {
    dispatch(
      state.tr.setSelection(TextSelection.create(state.doc, previous.from, previous.to)).scrollIntoView(),
    );
  }
  return true;
};

/**
 * Replaces the match that is selected with `replacement` and selects the next one; when the
 * selection is not a match, only selects the next match (so a first press shows what will
 * change). False when nothing matches.
 */
export function replaceNext(replacement: string): Command {
  return (state, dispatch) => {
    const matches = matchesOf(state);
    if (matches.length === 0) return false;
    const { from, to } = state.selection;
    const current = matches.find((m) => m.from === from && m.to === to);
    if (!current) return findNext(state, dispatch);
    if (!dispatch) return true;
    const tr = state.tr.insertText(replacement, current.from, current.to);
    const after = current.from + replacement.length;
    const query = searchKey.getState(state)!;
    const rest = findMatches(tr.doc, query.query, query.caseSensitive);
    const next = rest.find((m) => m.from >= after) ?? rest[0];
    tr.setSelection(
      next ? TextSelection.create(tr.doc, next.from, next.to) : TextSelection.create(tr.doc, after),
    );
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Replaces every match with `replacement` in one undoable step. False when nothing matches. */
export function replaceAll(replacement: string): Command {
  return (state, dispatch) => {
    const matches = matchesOf(state);
    if (matches.length === 0) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    for (const m of [...matches].reverse()) tr.insertText(replacement, m.from, m.to);
    dispatch(tr);
    return true;
  };
}
