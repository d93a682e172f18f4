import { describe, expect, it } from "vitest";
import { joinWords, WordJoiner } from "./words.ts";

describe("WordJoiner", () => {
  it("joins as joinWords does, natively only when no word ends in a wide character", () => {
    const lines = [
      ["By", "JOHN", "SMITH"],
      ["记者", "王建国"],
      ["于", "2025", "年"],
      ["A", "新", "B"],
      ["a", "\u{20000}", "b"],
      ["x\ud840", "y"],
      ["\udc00", "z"],
      ["q", "\udc00"],
      ["é", "ü—", "ok"],
      ["one"],
    ];
    const joiner = new WordJoiner();
    for (const words of lines) {
      for (const w of words) joiner.add(w);
      expect(joiner.size).toBe(words.length);
      expect(joiner.text(), words.join("|")).toBe(joinWords(words));
      expect(joiner.size).toBe(0);
    }
  });
});
