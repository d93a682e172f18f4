import { assembleStream } from "../assemble/assemble-stream.ts";
import { guessLanguage } from "../assemble/text-page.ts";
import type { IngestedPage } from "../ingest/ingest.ts";
import type { ReconstructedPage } from "../types.ts";
import { layoutPage } from "./layout.ts";

/** Options for `assembleGeometryPage`. */
export interface GeometryPageOptions {
  language?: string;
  digitSpacing?: "keep" | "normalize";
}

/**
 * Reconstructs a page with geometry (hOCR, ALTO, PAGE XML): the geometry layout (columns,
 * reading order, spatial article grouping) feeds the shared line-level rules
 * (`assembleStream`). `source` carries the page size; `columns` the columns found.
 */
export function assembleGeometryPage(
  page: IngestedPage,
  options: GeometryPageOptions = {},
): ReconstructedPage {
  const layout = layoutPage(page);
  const content = assembleStream(layout.stream, {
    normalizeDigitSpacing: options.digitSpacing === "normalize",
  });
  const language = options.language ?? guessLanguage(page.lines) ?? page.language;
  const source: ReconstructedPage["source"] = { format: page.format, lineCount: page.lines.length };
  if (language) source.language = language;
  if (page.width !== undefined && page.height !== undefined) {
    source.width = page.width;
    source.height = page.height;
  }
  return { source, columns: layout.columns, ...content };
}
