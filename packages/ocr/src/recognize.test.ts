import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readImageSize } from "./image-size.ts";
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

  it("refuses an image over the pixel cap from its header, before Tesseract runs", async () => {
    const stages: OcrProgress["stage"][] = [];
    const error = await rejection(
      recognizeImage(pngHeader(20_000, 20_000), { lang: "eng", onProgress: (p) => stages.push(p.stage) }),
    );
    expect(isOcrError(error) && error.code).toBe("too-large");
    expect((error as Error).message).toMatch(
      /20000 × 20000 pixels \(400 megapixels\), over the OCR limit of 100 megapixels/,
    );
    expect(stages).toEqual([]);
  });

  it("applies a lower pixel cap when given one", async () => {
    const error = await rejection(recognizeImage(hello, { lang: "eng", maxPixels: 900 * 259 }));
    expect(isOcrError(error) && error.code).toBe("too-large");
  });

  it("stops Tesseract at its memory limit and says so", async () => {
    const error = await rejection(recognizeImage(hello, { lang: "eng", memoryBytes: 40 * 1024 * 1024 }));
    expect(isOcrError(error) && error.code).toBe("memory");
    expect((error as Error).message).toMatch(/memory limit of 40 MiB/);
  });

  it("kills Tesseract when the signal aborts", async () => {
    const stop = new AbortController();
    const run = recognizeImage(hello, {
      lang: "eng",
      signal: stop.signal,
      onProgress: (p) => {
        if (p.stage === "recognizing") stop.abort(new Error("cancelled by Ada"));
      },
    });
    const error = await rejection(run);
    expect(isOcrError(error) && error.code).toBe("cancelled");
    expect((error as Error).message).toBe("cancelled by Ada");
  });

  it("recognizes with a memory cap, one thread and a lower priority", async () => {
    const result = await recognizeImage(hello, {
      lang: "eng",
      memoryBytes: 1024 * 1024 * 1024,
      threads: 1,
      nice: 10,
    });
    expect(result.hocr).toMatch(/Galley/);
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

describe("readImageSize", () => {
  it("reads the size from a PNG header without decoding it", () => {
    expect(readImageSize(hello)).toEqual({ width: 900, height: 260 });
    expect(readImageSize(pngHeader(20_000, 15_000))).toEqual({ width: 20_000, height: 15_000 });
    expect(readImageSize(new TextEncoder().encode("<html>"))).toBeNull();
  });
});

/** The first bytes of a PNG: signature and IHDR (grey, 8 bits) for `width` × `height`, no pixels. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  const view = new DataView(bytes.buffer);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24);
  return bytes;
}

describe("languagePackage", () => {
  it("maps Tesseract language codes to Debian packages", () => {
    expect(languagePackage("chi_sim")).toBe("tesseract-ocr-chi-sim");
    expect(languagePackage("eng")).toBe("tesseract-ocr-eng");
  });
});
