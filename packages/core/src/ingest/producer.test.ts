import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPage } from "../model/reading.ts";
import { ingest } from "./ingest.ts";
import { regionsAreZoning, regionsBind, sourceProducer } from "./producer.ts";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "tests", "fixtures");

describe("sourceProducer", () => {
  it("reads hOCR's ocr-system meta, its attributes in either order", () => {
    expect(sourceProducer(`<html><head><meta name='ocr-system' content='tesseract 5.3.0' /></head>`)).toBe(
      "tesseract 5.3.0",
    );
    expect(sourceProducer(`<head><meta content="OCRopus 1.3" name="ocr-system"><meta name="x"></head>`)).toBe(
      "OCRopus 1.3",
    );
  });

  it("reads ALTO's softwareName and PAGE's Creator, namespaced or not", () => {
    expect(
      sourceProducer(
        "<alto><Description><OCRProcessing><ocrProcessingStep><processingSoftware>\n<softwareName>CCS docWORKS</softwareName>",
      ),
    ).toBe("CCS docWORKS");
    expect(sourceProducer("<pc:PcGts><pc:Metadata><pc:Creator>\n  Transkribus\n</pc:Creator>")).toBe(
      "Transkribus",
    );
  });

  it("is undefined when the file names no producer, or an empty one", () => {
    expect(sourceProducer("<alto><Layout></Layout></alto>")).toBeUndefined();
    expect(sourceProducer("<PcGts><Metadata><Creator/><Creator></Creator>")).toBeUndefined();
  });

  it("is kept on the ingested page", () => {
    const hocr = readFileSync(join(fixtures, "rendered", "en-11.hocr"), "utf8");
    expect(ingest(hocr, "hocr").producer).toMatch(/^tesseract /);
  });
});

describe("regionsAreZoning", () => {
  it("takes a workflow's regions as zoning and Tesseract's blocks as not", () => {
    expect(regionsAreZoning("CCS docWORKS")).toBe(true);
    expect(regionsAreZoning(undefined)).toBe(true);
    expect(regionsAreZoning("tesseract 5.3.0")).toBe(false);
    expect(regionsAreZoning("Tesseract OCR")).toBe(false);
  });
});

describe("regionsBind", () => {
  it("binds by a producer's zoning always, and by Tesseract's blocks on pages not set in CJK", () => {
    expect(regionsBind("CCS docWORKS", 0.9)).toBe(true);
    expect(regionsBind(undefined, 1)).toBe(true);
    expect(regionsBind("tesseract 5.3.0", 0)).toBe(true);
    expect(regionsBind("tesseract 5.3.0", 0.49)).toBe(true);
    expect(regionsBind("tesseract 5.3.0", 0.5)).toBe(false);
  });

  it("reads Tesseract's English ALTO as bound, its Chinese ALTO as not, plain text as not", () => {
    const en = readFileSync(join(fixtures, "rendered", "en-11.alto.xml"), "utf8");
    const zh = readFileSync(join(fixtures, "rendered", "zh-11.alto.xml"), "utf8");
    expect(en).toMatch(/tesseract/i);
    expect(zh).toMatch(/tesseract/i);
    expect(readPage(en).zoned).toBe(true);
    expect(readPage(zh).zoned).toBe(false);
    expect(readPage(zh.replace(/tesseract 5\.3\.0/g, "CCS docWORKS")).zoned).toBe(true);
    expect(readPage("HEADLINE\n\nA line of text.").zoned).toBe(false);
  });
});
