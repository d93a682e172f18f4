import { pageFragmentName } from "@galley/doc";
import * as Y from "yjs";
import type { StoredDoc } from "../storage/storage.ts";
import type { DecodedUpdate } from "./dependencies.ts";

/** A page's stored state could not be turned back into a document. Nothing was written. */
export class DocLoadError extends Error {
  override name = "DocLoadError";
}

/**
 * Builds the Y.Doc a page's storage holds: the snapshot, then every logged update in order.
 * Throws `DocLoadError` when any of them does not apply, so a broken log is never mistaken for
 * an empty page.
 */
export function buildDoc(stored: StoredDoc, pageId: string): Y.Doc {
  const doc = new Y.Doc();
  let index = -1;
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (index = 0; index < stored.updates.length; index++) Y.applyUpdate(doc, stored.updates[index]!);
    });
  } catch (error) {
    doc.destroy();
    const where = index < 0 ? "its snapshot" : `update ${index + 1} of ${stored.updates.length}`;
    throw new DocLoadError(`page ${pageId}: ${where} does not apply (${(error as Error).message})`);
  }
  return doc;
}

/** The merge `Storage.compactDoc` runs: the whole stored state as one update (deleted content collected). */
export function mergeStoredDoc(stored: StoredDoc): Uint8Array {
  const doc = buildDoc(stored, "(compaction)");
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Decodes a client's update (Yjs v1) before anything else looks at it, so a broken message can
 * never poison the log: the decoded structs, or the error message when it does not decode.
 */
export function decodeClientUpdate(update: Uint8Array): DecodedUpdate | string {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    return `not a Yjs update (${(error as Error).message})`;
  }
}

/** Whether applying `update` to `doc` would change nothing (every struct and deletion already known). */
export function isKnownUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

/** The number of articles in the page document a Y.Doc holds. */
export function countArticles(doc: Y.Doc): number {
  let count = 0;
  for (const child of doc.getXmlFragment(pageFragmentName).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === "article") count++;
  }
  return count;
}
