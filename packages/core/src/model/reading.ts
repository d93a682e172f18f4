import type { StreamLine } from "../assemble/stream.ts";
import { assembleTextPage } from "../assemble/text-page.ts";
import { InputError } from "../errors.ts";
import { assembleGeometryPage } from "../geometry/geometry-page.ts";
import { layoutPage } from "../geometry/layout.ts";
import { ingestDecoded } from "../ingest/ingest.ts";
import { regionsBind } from "../ingest/producer.ts";
import { countTextLines, ingestText } from "../ingest/text.ts";
import { decodeInput, defaultMaxBytes } from "../input/decode.ts";
import { detectFormat } from "../input/detect.ts";
import { readTextLayout } from "../layout/text-stream.ts";
import { describeLines, type LineInfo } from "../lines/line-info.ts";
import type { ReconstructOptions } from "../reconstruct.ts";
import { type ScriptTally, tallyScript } from "../text/script.ts";
import type { ReconstructedPage } from "../types.ts";

/**
 * A page read as far as the model needs: its lines in reading order with their layout
 * evidence and text facts, and what the hand-written rules make of it (the rules' decisions
 * are features of the model, and the page the rules build is the fallback).
 */
export interface PageReading {
  stream: StreamLine[];
  /** The line rules' facts of each stream line, read on first use (the rules' page alone needs none). */
  readonly infos: LineInfo[];
  /** The page as the rules reconstruct it. */
  rules: ReconstructedPage;
  /** The source had coordinates (hOCR, ALTO, PAGE). */
  geometry: boolean;
  /**
   * The stream's regions bind the model's decisions (`regionsBind`): a producer's zoning, or an
   * OCR engine's own blocks on a page not set in CJK; false for plain text.
   */
  zoned: boolean;
}

/** Reads an input (bytes or text, any supported format) into a `PageReading`. */
export function readPage(input: string | Uint8Array, options: ReconstructOptions = {}): PageReading {
  const text = decodeInput(input, options.maxBytes ?? defaultMaxBytes);
  const format = options.format ?? detectFormat(text);
  if (!format) throw new InputError("unknown-format", "the input is markup but not hOCR, ALTO or PAGE XML");
  if (format === "text") {
    const lines = ingestText(text);
    const layout = readTextLayout(lines);
    const rules = assembleTextPage(lines, { ...options, lineCount: countTextLines(text), layout });
    return reading(layout.stream, rules, false, false);
  }
  const ingested = ingestDecoded(text, format);
  const layout = layoutPage(ingested);
  const rules = assembleGeometryPage(ingested, { ...options, layout });
  if (ingested.warnings) rules.warnings = ingested.warnings;
  const script: ScriptTally = { cjk: 0, all: 0 };
  for (const line of ingested.lines) tallyScript(line.text, script);
  const bound = regionsBind(ingested.producer, script.all ? script.cjk / script.all : 0);
  return reading(layout.stream, rules, true, bound);
}

function reading(
  stream: StreamLine[],
  rules: ReconstructedPage,
  geometry: boolean,
  zoned: boolean,
): PageReading {
  let infos: LineInfo[] | undefined;
  return {
    stream,
    get infos() {
      infos ??= describeLines(stream);
      return infos;
    },
    rules,
    geometry,
    zoned,
  };
}
