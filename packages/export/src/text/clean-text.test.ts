import { describe, expect, it } from "vitest";
import { cleanInline, cleanText } from "./clean-text.ts";
import { escapeAttr, escapeText } from "./xml-escape.ts";

describe("cleanText", () => {
  it("drops C0 and C1 controls but keeps tab, line feed and carriage return", () => {
    expect(cleanText("a\u0000b\u0007c\u001Fd\u007Fe\u0085f\tg\nh\ri")).toBe("abcdef\tg\nh\ri");
  });

  it("replaces lone surrogates with U+FFFD and keeps real pairs", () => {
    expect(cleanText("x\uD800y\uDC00z😀𠀀")).toBe("x\uFFFDy\uFFFDz😀𠀀");
  });

  it("drops noncharacters in every plane", () => {
    expect(cleanText("a\uFFFEb\uFDD0c\u{1FFFF}d\u{10FFFE}e")).toBe("abcde");
  });

  it("leaves ordinary text untouched", () => {
    expect(cleanText("科学导报讯 <b>&amp;</b>")).toBe("科学导报讯 <b>&amp;</b>");
  });

  it("folds white space for one-line output", () => {
    expect(cleanInline("  a \n\t b  ")).toBe("a b");
  });
});

describe("escapeText and escapeAttr", () => {
  it("escapes markup in text and quotes and line breaks in attributes", () => {
    expect(escapeText('<a href="x">&</a>]]>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;]]&gt;');
    expect(escapeAttr('"a"\n<b>\t&')).toBe("&quot;a&quot;&#10;&lt;b&gt;&#9;&amp;");
  });
});
