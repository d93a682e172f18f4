import type { Box } from "@galley/core";
import { type EditorState, Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { findBlock } from "../blocks.ts";
import { format } from "../i18n/messages.ts";
import { lineAtOffset } from "../lines.ts";
import { lineTextsOf, sourceKey } from "./source.ts";
import { uiStateKey } from "./ui-state.ts";

/**
 * Above the block being corrected, a strip of the page image showing the printed line the caret
 * is in (as Transkribus and eScriptorium do), so a word can be checked against the print without
 * looking away. Drawn as a widget (not part of the document) before the caret's block, only
 * while the editor has the focus, the page has an image (`setPageImage`) and the caret's line
 * has a box. The crop is the page image itself, scaled and shifted by CSS percentages of the
 * strip's width, so it needs no canvas and no size measured in JavaScript.
 */

/** The page image the strips are cut from: its URL and size in pixels. */
export interface PageImage {
  url: string;
  width: number;
  height: number;
}

interface StripState {
  image: PageImage | null;
  focused: boolean;
}

/** Key of the line-strip plugin. */
export const lineStripKey = new PluginKey<StripState>("galley-line-strip");

/** Sets (or with null removes) the page image strips are cut from. */
export function setPageImage(tr: Transaction, image: PageImage | null): Transaction {
  return tr.setMeta(lineStripKey, { image }).setMeta("addToHistory", false);
}

/** Margin around the line box, in page pixels, so ascenders and descenders are not cut. */
const margin = 6;

/** The line the caret is in, with its box, or null. */
export function caretLine(state: EditorState): { lineId: string; box: Box; blockPos: number } | null {
  const { $head } = state.selection;
  const block = findBlock($head);
  if (!block) return null;
  const lines = block.node.attrs.lines as string[];
  const source = sourceKey.getState(state)?.lines;
  if (!source || lines.length === 0) return null;
  const lineId = lineAtOffset(lines, $head.parentOffset, block.node.content.size, lineTextsOf(state));
  const box = lineId ? source.get(lineId)?.box : undefined;
  return lineId && box ? { lineId, box, blockPos: block.pos } : null;
}

function strip(image: PageImage, lineId: string, box: Box, label: string) {
  return (view: EditorView): HTMLElement => {
    const doc = view.dom.ownerDocument;
    const x = Math.max(0, box.x - margin);
    const y = Math.max(0, box.y - margin);
    const w = Math.min(image.width, box.x + box.w + margin) - x;
    const h = Math.min(image.height, box.y + box.h + margin) - y;
    const outer = doc.createElement("div");
    outer.className = "galley-line-strip";
    outer.contentEditable = "false";
    outer.dataset.lineId = lineId;
    outer.setAttribute("role", "img");
    outer.setAttribute("aria-label", label);
    // Never wider than twice the print: a short line is not blown up into a blur.
    outer.style.maxWidth = `${w * 2}px`;
    const crop = doc.createElement("div");
    crop.className = "galley-line-strip-crop";
    crop.style.aspectRatio = `${w} / ${h}`;
    const img = doc.createElement("img");
    img.src = image.url;
    img.alt = "";
    img.draggable = false;
    // Percentages of the crop's width, vertical margins included (CSS resolves both against it).
    img.style.width = `${(image.width / w) * 100}%`;
    img.style.marginLeft = `${(-x / w) * 100}%`;
    img.style.marginTop = `${(-y / w) * 100}%`;
    crop.append(img);
    outer.append(crop);
    return outer;
  };
}

function decorate(state: EditorState): DecorationSet {
  const strip_ = lineStripKey.getState(state);
  const messages = uiStateKey.getState(state)?.messages;
  if (!strip_?.image || !strip_.focused || !messages) return DecorationSet.empty;
  const line = caretLine(state);
  if (!line) return DecorationSet.empty;
  const { box } = line;
  return DecorationSet.create(state.doc, [
    Decoration.widget(
      line.blockPos,
      strip(strip_.image, line.lineId, box, format(messages["strip.label"], { line: line.lineId })),
      {
        side: 1,
        ignoreSelection: true,
        stopEvent: () => true,
        key: `strip-${line.lineId}-${box.x},${box.y},${box.w},${box.h}-${strip_.image.url}`,
      },
    ),
  ]);
}

/** The line-strip plugin; needs `sourcePlugin` and `uiStatePlugin` before it. */
export function lineStripPlugin(): Plugin<StripState> {
  return new Plugin<StripState>({
    key: lineStripKey,
    state: {
      init: () => ({ image: null, focused: false }),
      apply(tr, value) {
        const meta = tr.getMeta(lineStripKey) as Partial<StripState> | undefined;
        return meta ? { ...value, ...meta } : value;
      },
    },
    props: {
      decorations: decorate,
      handleDOMEvents: {
        focus: (view) => {
          view.dispatch(
            view.state.tr.setMeta(lineStripKey, { focused: true }).setMeta("addToHistory", false),
          );
          return false;
        },
        blur: (view, event) => {
          // Focus moving into the page's own widgets keeps the strip.
          const next = (event as FocusEvent).relatedTarget;
          if (next instanceof globalThis.Node && view.dom.contains(next)) return false;
          view.dispatch(
            view.state.tr.setMeta(lineStripKey, { focused: false }).setMeta("addToHistory", false),
          );
          return false;
        },
      },
    },
  });
}
