import type { SourceLine } from "@galley/core";
import type { Node } from "prosemirror-model";
import {
  type Command,
  type EditorState,
  Plugin,
  PluginKey,
  TextSelection,
  type Transaction,
} from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { textBlocks } from "../blocks.ts";
import { format, type Messages } from "../i18n/messages.ts";
import { type TitleFlag, titleFlagOf } from "../titles.ts";
import { sourceKey } from "./source.ts";
import { uiStateKey } from "./ui-state.ts";

/**
 * Doubt made visible. Blocks whose reconstruction `confidence` is below a threshold get the node
 * decoration class `galley-doubt-block`; words the OCR engine was unsure of (source words with
 * `conf` below a threshold) get the inline class `galley-doubt-word`, found by their text in the
 * block the line went into, with the confidence in `data-conf` (shown on hover); articles with
 * no headline or two get `galley-title-doubt` and `data-title-flag`. Decorations only: nothing
 * is stored in the document. Must come after `sourcePlugin` in the plugin list (it reads the
 * source lines from it).
 */

/**
 * A doubtful place: document positions and why. `block`: a block of low reconstruction
 * confidence; `word`: a word of low OCR confidence (`conf` in [0, 1]); `title`: an article with
 * no headline or several (`flag`), placed at the start of its first block.
 */
export interface DoubtPlace {
  from: number;
  to: number;
  kind: "block" | "word" | "title";
  conf?: number;
  flag?: TitleFlag;
  /** For `title`: the position before the article. */
  article?: number;
}

/** Thresholds below which a block or a word counts as doubtful; both in [0, 1]. */
export interface DoubtOptions {
  /** Reconstruction confidence of a block (default 0.5). */
  blockThreshold?: number;
  /** OCR confidence of a word (default 0.6). */
  wordThreshold?: number;
}

/** The doubt plugin's state. */
export interface DoubtState {
  places: DoubtPlace[];
  decorations: DecorationSet;
}

/** Key of the doubt plugin. */
export const doubtKey = new PluginKey<DoubtState>("galley-doubt");

/** Every doubtful place of `doc`, in document order. */
export function findDoubts(
  doc: Node,
  lines: ReadonlyMap<string, SourceLine>,
  { blockThreshold = 0.5, wordThreshold = 0.6 }: DoubtOptions = {},
): DoubtPlace[] {
  const places: DoubtPlace[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name !== "article") return;
    const flag = titleFlagOf(node);
    if (flag) places.push({ from: pos + 2, to: pos + 2, kind: "title", flag, article: pos });
  });
  for (const { node, pos } of textBlocks(doc)) {
    const start = pos + 1;
    const confidence = node.attrs.confidence;
    if (typeof confidence === "number" && confidence < blockThreshold) {
      places.push({ from: start, to: start + node.content.size, kind: "block" });
    }
    if (lines.size === 0) continue;
    const text = node.textContent;
    let searchFrom = 0;
    for (const id of node.attrs.lines as string[]) {
      for (const word of lines.get(id)?.words ?? []) {
        if (!word.text) continue;
        const at = text.indexOf(word.text, searchFrom);
        if (at < 0) continue;
        searchFrom = at + word.text.length;
        if (typeof word.conf === "number" && word.conf < wordThreshold) {
          places.push({
            from: start + at,
            to: start + at + word.text.length,
            kind: "word",
            conf: word.conf,
          });
        }
      }
    }
  }
  return places.sort((a, b) => a.from - b.from || a.to - b.to);
}

function decorate(doc: Node, places: DoubtPlace[], messages: Messages | undefined): DecorationSet {
  if (places.length === 0) return DecorationSet.empty;
  return DecorationSet.create(
    doc,
    places.map((place) => {
      if (place.kind === "title") {
        const article = doc.nodeAt(place.article!)!;
        return Decoration.node(place.article!, place.article! + article.nodeSize, {
          class: "galley-title-doubt",
          "data-title-flag": place.flag!,
        });
      }
      if (place.kind === "block")
        return Decoration.node(place.from - 1, place.to + 1, { class: "galley-doubt-block" });
      const percent = String(Math.round((place.conf ?? 0) * 100));
      return Decoration.inline(place.from, place.to, {
        class: "galley-doubt-word",
        "data-conf": percent,
        ...(messages ? { title: format(messages["doubt.wordConfidence"], { percent }) } : {}),
      });
    }),
  );
}

/** The doubt plugin (see `doubtKey`). */
export function doubtPlugin(options: DoubtOptions = {}): Plugin<DoubtState> {
  const compute = (state: EditorState): DoubtState => {
    const places = findDoubts(state.doc, sourceKey.getState(state)?.lines ?? new Map(), options);
    return { places, decorations: decorate(state.doc, places, uiStateKey.getState(state)?.messages) };
  };
  return new Plugin<DoubtState>({
    key: doubtKey,
    state: {
      init: (_config, state) => compute(state),
      apply(tr, value, _old, state) {
        if (!tr.docChanged && !tr.getMeta(sourceKey) && !tr.getMeta(uiStateKey)) return value;
        return compute(state);
      },
    },
    props: {
      decorations: (state) => doubtKey.getState(state)?.decorations,
    },
  });
}

function goTo(
  state: EditorState,
  dispatch: ((tr: Transaction) => void) | undefined,
  place: DoubtPlace,
): boolean {
  if (dispatch) {
    const selection =
      place.kind === "word"
        ? TextSelection.create(state.doc, place.from, place.to)
        : TextSelection.create(state.doc, place.from);
    dispatch(state.tr.setSelection(selection).scrollIntoView());
  }
  return true;
}

/** Moves the selection to the next doubtful place after it (wrapping around). False if none. */
export const goToNextDoubt: Command = (state, dispatch) => {
  const places = doubtKey.getState(state)?.places ?? [];
  if (places.length === 0) return false;
  const { from, to } = state.selection;
  const next =
    places.find((p) => p.from > from || (p.from === from && p.to > to && p.kind === "word")) ?? places[0]!;
  return goTo(state, dispatch, next);
};

/** Moves the selection to the doubtful place before it (wrapping around). False if none. */
export const goToPreviousDoubt: Command = (state, dispatch) => {
  const places = doubtKey.getState(state)?.places ?? [];
  if (places.length === 0) return false;
  const previous = [...places].reverse().find((p) => p.from < state.selection.from) ?? places.at(-1)!;
  return goTo(state, dispatch, previous);
};
