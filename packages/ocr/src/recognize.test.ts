import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectImageType } from "./image-type.ts";
import { isOcrError, languagePackage } from "./ocr-error.ts";
import { type OcrProgress, recognizeImage } from "./recognize.ts";

const hello = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "test-data", "hello.png"));

async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  return null;
}

describe("recognizeImage", () => {
  it("OCRs a PNG to hOCR with the page size and reports its stages", async () => {
    const stages: OcrProgress["stage"][] = [];
    const result = await recognizeImage(hello, { lang: "eng", onProgress: (p) => stages.push(p.stage) });
    expect(result.width).toBe(900);
    expect(result.height).toBe(260);
    expect(result.hocr).toContain("ocrx_word");
    expect(result.hocr).toMatch(/Galley/);
    expect(stages).toEqual(["checking", "recognizing", "reading", "done"]);
  });

  it("names the Debian package when Tesseract is missing", async () => {
    const error = await rejection(recognizeImage(hello, { lang: "eng", binary: "/nonexistent/tesseract" }));
    expect(isOcrError(error) && error.code).toBe("missing-tesseract");
    expect((error as Error).message).toMatch(/tesseract-ocr/);
  });

  it("names the Debian package of a missing language", async () => {
    const error = await rejection(recognizeImage(hello, { lang: "eng+xyz_abc" }));
    expect(isOcrError(error) && error.code).toBe("missing-language");
    expect((error as Error).message).toMatch(/tesseract-ocr-xyz-abc/);
  });

  it("refuses bytes that are no image", async () => {
    const error = await rejection(recognizeImage(new TextEncoder().encode("<html></html>")));
    expect(isOcrError(error) && error.code).toBe("not-an-image");
  });

  it("refuses a language list that could reach the command line", async () => {
    const error = await rejection(recognizeImage(hello, { lang: "eng --psm 0" }));
    expect(isOcrError(error) && error.code).toBe("missing-language");
  });
});

describe("detectImageType", () => {
  it("knows PNG, JPEG and both TIFF byte orders by their magic numbers", () => {
    expect(detectImageType(hello)).toBe("png");
    expect(detectImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(detectImageType(Uint8Array.from([0x49, 0x49, 0x2a, 0x00]))).toBe("tiff");
    expect(detectImageType(Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a]))).toBe("tiff");
    expect(detectImageType(new TextEncoder().encode("<?xml"))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });
});

describe("languagePackage", () => {
  it("maps Tesseract language codes to Debian packages", () => {
    expect(languagePackage("chi_sim")).toBe("tesseract-ocr-chi-sim");
    expect(languagePackage("eng")).toBe("tesseract-ocr-eng");
  });
});
