import { shippedModel } from "./model/bundled.ts";
import { decidePage } from "./model/decide.ts";
import { readPage } from "./model/reading.ts";
import type { LineModel } from "./model/trees.ts";
import type { ReconstructedPage, SourceFormat } from "./types.ts";

/** Options for `reconstruct`. */
export interface ReconstructOptions {
  /** The input format; detected from the content when absent. */
  format?: SourceFormat;
  /** A language hint ("zh", "en"); detected from the text when absent. */
  language?: string;
  /**
   * What to do with the spaces OCR puts between CJK characters and digits or Latin words
   * ("是 2025 年"): `"keep"` (default) keeps the text as recognised, `"normalize"` removes them
   * in joined block text. Line ids and coverage are unaffected.
   */
  digitSpacing?: "keep" | "normalize";
  /** Upper bound on the input size in bytes (default `defaultMaxBytes`). */
  maxBytes?: number;
  /**
   * Who decides the articles: `"model"` (default) the fitted model of `model/`, which keeps
   * the rules' page where its router says the rules read such pages better; `"rules"` the
   * hand-written rules alone.
   */
  decisions?: "model" | "rules";
  /** The model to decide with (default: the one the package ships, see `pnpm train`). */
  model?: LineModel;
}

/**
 * Reconstructs one OCR page into articles, captions and furniture, as the contract in
 * `shared/spec/reconstruction.md` defines. Pure: bytes or text in, a value out.
 *
 * Throws `InputError` for a bad input (empty, binary, not UTF-8, broken XML, unknown format,
 * over `maxBytes`); never returns a partial page. What ingest read but did not take as written
 * (a box that is not a usable coordinate, …) is listed in the page's `warnings`.
 */
export function reconstruct(input: string | Uint8Array, options: ReconstructOptions = {}): ReconstructedPage {
  const reading = readPage(input, options);
  if (options.decisions === "rules") return reading.rules;
  return decidePage(reading, options.model ?? shippedModel(), options);
}
