import { ingest } from "@galley/core";
import type { LinesInput, PageLines } from "./ingest-source.ts";

/**
 * Reads a page's OCR text into `SourceLine`s with core's `ingest` for the page's format. Pure
 * CPU: the server runs it in a worker thread (`GET /api/pages/:pageId/lines`, exports).
 */
export function linesFromSource(input: LinesInput): PageLines {
  const ingested = ingest(input.text, input.format);
  return {
    format: input.format,
    width: ingested.width ?? input.width,
    height: ingested.height ?? input.height,
    lines: ingested.lines,
    graphics: ingested.graphics,
  };
}
