import { type EditedPage, yDocToReconstruction } from "@galley/doc";
import { HTTPException } from "hono/http-exception";
import type { Storage } from "../storage/storage.ts";
import { buildDoc } from "../sync/doc-state.ts";

/**
 * The page as currently edited, in the reconstruction contract: read from storage (snapshot
 * plus log), which holds every update any client has received. Throws 404 for no such page,
 * `DocLoadError` when the stored state does not load.
 */
export async function loadPageDoc(storage: Storage, pageId: string): Promise<EditedPage> {
  const stored = await storage.loadDoc(pageId);
  if (!stored) throw new HTTPException(404, { message: `no page ${pageId}` });
  const doc = buildDoc(stored, pageId);
  try {
    return yDocToReconstruction(doc);
  } finally {
    doc.destroy();
  }
}
