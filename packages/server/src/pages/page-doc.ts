import { type EditedPage, readEditedPage, type SetAsidePart } from "@galley/doc";
import { HTTPException } from "hono/http-exception";
import type { Storage } from "../storage/storage.ts";
import { buildDoc } from "../sync/doc-state.ts";

/**
 * The page as currently edited, in the reconstruction contract: read from storage (snapshot
 * plus log), which holds every update any client has received. Content the page schema does
 * not allow (stored before the server checked updates) is left out and listed in `setAside`.
 * Throws 404 for no such page, `DocLoadError` when the stored state does not load.
 */
export async function loadPageDoc(
  storage: Storage,
  pageId: string,
): Promise<{ page: EditedPage; setAside: SetAsidePart[] }> {
  const stored = await storage.loadDoc(pageId);
  if (!stored) throw new HTTPException(404, { message: `no page ${pageId}` });
  const doc = buildDoc(stored, pageId);
  try {
    return readEditedPage(doc);
  } finally {
    doc.destroy();
  }
}
