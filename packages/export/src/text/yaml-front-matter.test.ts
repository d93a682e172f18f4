import { describe, expect, it } from "vitest";
import { frontMatter, yamlString } from "./yaml-front-matter.ts";

describe("yamlString", () => {
  it("always double-quotes and escapes backslash, quote and line breaks", () => {
    expect(yamlString('a "b" \\ c\nd\te\u2028')).toBe('"a \\"b\\" \\\\ c\\nd\\te\\L"');
    expect(yamlString("yes")).toBe('"yes"');
  });
});

describe("frontMatter", () => {
  it("writes keys in order, numbers bare, lists as sequences, and leaves nulls out", () => {
    expect(
      frontMatter([
        ["title", "T"],
        ["page", 3],
        ["byline", null],
        ["captions", ["a", "b"]],
      ]),
    ).toBe('---\ntitle: "T"\npage: 3\ncaptions:\n  - "a"\n  - "b"\n---\n');
  });

  it("refuses a key that is not a plain identifier", () => {
    expect(() => frontMatter([["a: b", "x"]])).toThrow(RangeError);
  });
});
