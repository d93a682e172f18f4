import { InputError } from "../errors.ts";
import { decodeInput, defaultMaxBytes } from "../input/decode.ts";
import { detectFormat } from "../input/detect.ts";
import type { Box, SourceFormat, SourceLine } from "../types.ts";
import { ingestAlto } from "./alto.ts";
import { ingestHocr } from "./hocr.ts";
import { ingestPageXml } from "./page-xml.ts";
import { sourceProducer } from "./producer.ts";
import { PageLine } from "./records.ts";
import { ingestText } from "./text.ts";

/**
 * A source line from a format with geometry. `slope` is the baseline's dy/dx when the source
 * gives a baseline (hOCR `baseline`, PAGE `Baseline`); `paragraph` the id of the source's own
 * paragraph element (hOCR `ocr_par`), when it has one.
 */
export interface GeoLine extends SourceLine {
  slope?: number;
  paragraph?: string;
}

/**
 * A new `GeoLine` with every field it may get present (undefined until set), in one order: the
 * lines of a page then share one object shape, and the layout and the line rules, which read
 * their fields line after line, read them at one place each instead of searching a shape per
 * field the line happens to have (see `records.ts`).
 */
export function newGeoLine(id: string): GeoLine {
  return new PageLine(id);
}

/** A non-text region of the page: a picture or a ruled line (separator). */
export interface Graphic {
  kind: "image" | "separator";
  box: Box;
  id?: string;
}

/**
 * One ingested page: its lines in document order, with page size, non-text regions and, for
 * PAGE XML, the source's reading order of regions (ids). Coordinates in page pixels.
 */
export interface IngestedPage {
  format: SourceFormat;
  lines: GeoLine[];
  width?: number;
  height?: number;
  graphics: Graphic[];
  /** Region ids in the reading order the source states (PAGE `ReadingOrder`), when given. */
  readingOrder?: string[];
  /** The language the source declares (hOCR `lang`, ALTO/PAGE language attributes), when any. */
  language?: string;
  /** The software the source names as its maker (see `sourceProducer`), when any. */
  producer?: string;
  /**
   * What ingest read but did not take as written (a box that is not a usable coordinate, …),
   * one line per kind of problem with its count and first position (see `IngestWarnings`).
   */
  warnings?: string[];
}

/** Options for `ingest`. */
export interface IngestOptions {
  /** Upper bound on the input size in bytes (default `defaultMaxBytes`). */
  maxBytes?: number;
  /** Resolution assumed to turn ALTO mm10/inch1200 units and point sizes into pixels (default 300). */
  dpi?: number;
}

/**
 * Parses an OCR file into source lines with whatever geometry the format has. The format is
 * detected from the content when not given. Nothing is dropped: every line of the source with
 * text becomes one `SourceLine`. Throws `InputError` for bad input (broken XML: "malformed",
 * with line and column).
 */
export function ingest(
  input: string | Uint8Array,
  format?: SourceFormat,
  options: IngestOptions = {},
): IngestedPage {
  const text = decodeInput(input, options.maxBytes ?? defaultMaxBytes);
  const found = format ?? detectFormat(text);
  if (!found) throw new InputError("unknown-format", "the input is markup but not hOCR, ALTO or PAGE XML");
  return ingestDecoded(text, found, options);
}

/** `ingest` for an already decoded text whose format is known. */
export function ingestDecoded(text: string, format: SourceFormat, options: IngestOptions = {}): IngestedPage {
  if (format === "text") return { format: "text", lines: ingestText(text), graphics: [] };
  const page =
    format === "hocr"
      ? ingestHocr(text)
      : format === "alto"
        ? ingestAlto(text, options.dpi)
        : ingestPageXml(text, options.dpi);
  const producer = sourceProducer(text);
  if (producer) page.producer = producer;
  return page;
}
