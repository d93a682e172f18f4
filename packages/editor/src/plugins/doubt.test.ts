import type { SourceLine } from "@galley/core";
import { pageSchema } from "@galley/doc";
import { EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { article, doc, headline, p } from "../builder.ts";
import { messagesFor } from "../i18n/messages.ts";
import { doubtKey, doubtPlugin, findDoubts, goToNextDoubt, goToPreviousDoubt } from "./doubt.ts";
import { setSourceLines, sourcePlugin } from "./source.ts";
import { setUiState, uiStatePlugin } from "./ui-state.ts";

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
  article({ id: "a1" }, headline("One"), p({ lines: ["1", "2"], confidence: 0.9 }, "The quick brown fox")),
  article({ id: "a2" }, headline("Two"), p({ lines: [], confidence: 0.2 }, "unsure block")),
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
    const edited = doc(article({ id: "a1" }, headline("H"), p({ lines: ["1", "2"] }, "The quick brown cat")));
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

describe("title flags", () => {
  const untitled = doc(
    article({ id: "a1" }, headline("One"), p("x")),
    article({ id: "a2" }, p("no headline here")),
    article({ id: "a3" }, headline("Three"), p("y"), headline("Stray")),
  );

  it("flags articles with no headline or two", () => {
    const titles = findDoubts(untitled, new Map()).filter((d) => d.kind === "title");
    expect(titles.map((t) => [untitled.nodeAt(t.article!)!.attrs.id, t.flag])).toEqual([
      ["a2", "none"],
      ["a3", "several"],
    ]);
  });

  it("puts flagged articles in the F8 round, at their first block", () => {
    const state = EditorState.create({
      doc: untitled,
      schema: pageSchema,
      plugins: [sourcePlugin(), doubtPlugin()],
    });
    const next = exec(state, goToNextDoubt);
    expect(next.selection.$from.parent.textContent).toBe("no headline here");
    expect(next.selection.$from.parentOffset).toBe(0);
  });
});

describe("word confidence on hover", () => {
  it("puts the OCR confidence in the doubtful word's title, in the UI language", () => {
    let state = EditorState.create({
      doc: page,
      schema: pageSchema,
      plugins: [uiStatePlugin(messagesFor("en")), sourcePlugin(), doubtPlugin()],
    });
    state = state.apply(setSourceLines(state.tr, lines));
    const titles = () =>
      doubtKey
        .getState(state)!
        .decorations.find()
        .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.title)
        .filter(Boolean);
    expect(titles()).toEqual(["OCR confidence 30%", "OCR confidence 20%"]);
    state = state.apply(setUiState(state.tr, { messages: messagesFor("zh-CN") }));
    expect(titles()).toEqual(["OCR 置信度 30%", "OCR 置信度 20%"]);
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
      doc: doc(article({ id: "a1" }, headline("H"), p({ confidence: 0.99 }, "sure"))),
      schema: pageSchema,
      plugins: [sourcePlugin(), doubtPlugin()],
    });
    expect(goToNextDoubt(calm)).toBe(false);
  });
});
