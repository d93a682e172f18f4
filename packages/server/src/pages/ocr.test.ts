import { describe, expect, it } from "vitest";
import { sniffImage } from "./ocr.ts";

describe("sniffImage", () => {
  it("recognises PNG, JPEG and both TIFF byte orders by their first bytes", () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImage(new Uint8Array([0x49, 0x49, 0x2a, 0x00]))).toBe("image/tiff");
    expect(sniffImage(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a]))).toBe("image/tiff");
  });

  it("answers null for text, XML and a truncated signature", () => {
    expect(sniffImage(new TextEncoder().encode("<?xml version='1.0'?>"))).toBeNull();
    expect(sniffImage(new TextEncoder().encode("科学导报"))).toBeNull();
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e]))).toBeNull();
  });
});
