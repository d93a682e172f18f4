import { type ReconstructedPage, reconstruct, type SourceFormat } from "@galley/core";
import { reconstructionToYDoc } from "@galley/doc";

/**
 * Reconstructs an upload and encodes the page's Y.Doc as its first update. A module of its own
 * so the server loads core's reconstruction only when a page is uploaded.
 */
export function reconstructToUpdate(
  input: string | Uint8Array,
  format: SourceFormat | undefined,
): { page: ReconstructedPage; update: Uint8Array } {
  const page = reconstruct(input, format ? { format } : {});
  const { ydoc, update } = reconstructionToYDoc(page);
  ydoc.destroy();
  return { page, update };
}
