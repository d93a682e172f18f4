import type { StreamLine } from "../assemble/stream.ts";
import { ingestText } from "../ingest/text.ts";
import { readTextLayout } from "../layout/text-stream.ts";

/**
 * Builds a plain-text stream for tests from lines written as they would be OCR'd: `""` is a
 * blank line. Returns the stream with the text path's evidence, as `assembleStream` sees it.
 */
export function textStream(...lines: string[]): StreamLine[] {
  return readTextLayout(ingestText(lines.join("\n"))).stream;
}
