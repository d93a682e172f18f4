import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { decodeInput } from "./decode.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof InputError ? error.code : "other";
  }
  return null;
};

describe("decodeInput", () => {
  it("decodes UTF-8, with or without a byte order mark", () => {
    expect(decodeInput(utf8("科学导报讯 Bonjour"))).toBe("科学导报讯 Bonjour");
    expect(decodeInput(bytes(0xef, 0xbb, 0xbf, ...utf8("ALTO")))).toBe("ALTO");
  });

  it("keeps a replacement character the file itself holds", () => {
    expect(decodeInput(utf8("a\uFFFDb"))).toBe("a\uFFFDb");
  });

  it("refuses broken UTF-8 wherever it stands, naming the byte", () => {
    const broken = bytes(...utf8("x".repeat(10_000)), 0xc3, 0x28, ...utf8("tail"));
    expect(code(() => decodeInput(broken))).toBe("encoding");
    expect(() => decodeInput(broken)).toThrow(/not valid UTF-8/);
  });

  it("refuses a NUL byte even far past the first kilobytes", () => {
    const late = bytes(...utf8("y".repeat(20_000)), 0, ...utf8("z"));
    expect(code(() => decodeInput(late))).toBe("binary");
    expect(code(() => decodeInput(`${"y".repeat(20_000)}\u0000`))).toBe("binary");
  });

  it("refuses empty input and input of white space only", () => {
    expect(code(() => decodeInput(bytes()))).toBe("empty");
    expect(code(() => decodeInput(utf8(" \n\t ")))).toBe("empty");
    expect(code(() => decodeInput("  "))).toBe("empty");
  });

  it("decodes UTF-16 with a byte order mark", () => {
    expect(decodeInput(bytes(0xff, 0xfe, 0x41, 0x00, 0x4c, 0x00))).toBe("AL");
    expect(decodeInput(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0x4c))).toBe("AL");
  });
});
