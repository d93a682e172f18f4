import type { SourceLine } from "@galley/core";
import { pageSchema } from "@galley/doc";
import { EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, doc, p } from "../builder.ts";
import { doubtKey, doubtPlugin, findDoubts, goToNextDoubt, goToPreviousDoubt } from "./doubt.ts";
import { setSourceLines, sourcePlugin } from "./source.ts";

const box = { x: 0, y: 0, w: 1, h: 1 };
const line = (id: string, words: [string, number][]): SourceLine => ({
  id,
  text: words.map(([w]) => w).join(" "),
  words: words.map(([text, conf]) => ({ text, conf, box })),
});

const lines = [
  line("1", [
    ["The", 0.95],
    ["quick", 0.3],
  ]),
  line("2", [
    ["brown", 0.9],
    ["fox", 0.2],
  ]),
];
const page = doc(
  article({ id: "a1" }, p({ lines: ["1", "2"], confidence: 0.9 }, "The quick brown fox")),
  article({ id: "a2" }, p({ lines: [], confidence: 0.2 }, "unsure block")),
);

function withLines(): EditorState {
  const state = EditorState.create({
    doc: page,
    schema: pageSchema,
    plugins: [sourcePlugin(), doubtPlugin()],
  });
  return state.apply(setSourceLines(state.tr, lines));
}

function exec(
  state: EditorState,
  command: (s: EditorState, d?: (tr: Transaction) => void) => boolean,
): EditorState {
  let next = state;
  command(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
}

describe("findDoubts", () => {
  it("finds low-confidence OCR words by their text in the block", () => {
    const words = findDoubts(page, new Map(lines.map((l) => [l.id, l]))).filter((d) => d.kind === "word");
    expect(words.map((w) => page.textBetween(w.from, w.to))).toEqual(["quick", "fox"]);
  });

  it("finds blocks of low reconstruction confidence", () => {
    const blocks = findDoubts(page, new Map()).filter((d) => d.kind === "block");
    expect(blocks.map((b) => page.textBetween(b.from, b.to))).toEqual(["unsure block"]);
  });

  it("honours the thresholds", () => {
    expect(
      findDoubts(page, new Map(lines.map((l) => [l.id, l])), { wordThreshold: 0.1, blockThreshold: 0.1 }),
    ).toEqual([]);
  });

  it("skips a word that was corrected away", () => {
    const edited = doc(article({ id: "a1" }, p({ lines: ["1", "2"] }, "The quick brown cat")));
    const words = findDoubts(edited, new Map(lines.map((l) => [l.id, l])));
    expect(words.map((w) => edited.textBetween(w.from, w.to))).toEqual(["quick"]);
  });
});

describe("doubtPlugin", () => {
  it("decorates once the source lines arrive", () => {
    const state = EditorState.create({
      doc: page,
      schema: pageSchema,
      plugins: [sourcePlugin(), doubtPlugin()],
    });
    expect(doubtKey.getState(state)!.decorations.find().length).toBe(1);
    expect(doubtKey.getState(withLines())!.decorations.find().length).toBe(3);
  });

  it("stores nothing in the document", () => {
    expect(withLines().doc.eq(page)).toBe(true);
  });
});

describe("goToNextDoubt / goToPreviousDoubt", () => {
  it("visits each doubtful place in order and wraps around", () => {
    let state = exec(withLines(), goToNextDoubt);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe("quick");
    state = exec(state, goToNextDoubt);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe("fox");
    state = exec(state, goToNextDoubt);
    expect(state.selection.$from.parent.textContent).toBe("unsure block");
    state = exec(state, goToNextDoubt);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe("quick");
    state = exec(state, goToPreviousDoubt);
    expect(state.selection.$from.parent.textContent).toBe("unsure block");
  });

  it("does not apply on a page without doubt", () => {
    const calm = EditorState.create({
      doc: doc(article({ id: "a1" }, p({ confidence: 0.99 }, "sure"))),
      schema: pageSchema,
      plugins: [sourcePlugin(), doubtPlugin()],
    });
    expect(goToNextDoubt(calm)).toBe(false);
  });
});
