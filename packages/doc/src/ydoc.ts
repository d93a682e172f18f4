import type { ReconstructedPage } from "@galley/core";
import type { Node } from "prosemirror-model";
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import { fromReconstruction } from "./from-reconstruction.ts";
import { pageSchema } from "./schema.ts";
import { type EditedPage, toReconstruction } from "./to-reconstruction.ts";

/** Name of the Y.XmlFragment holding the page content (y-prosemirror's default). */
export const pageFragmentName = "prosemirror";

/** Name of the Y.Map holding the page node's attributes, which y-prosemirror does not sync. */
export const pageMetaName = "page";

/**
 * Writes a page document into a Y.Doc: content into the `prosemirror` fragment, the page
 * node's attributes into the `page` map. Meant for an empty doc (a page's first update).
 */
export function writePageToYDoc(doc: Node, ydoc: Y.Doc): void {
  if (doc.type !== pageSchema.topNodeType) throw new TypeError(`expected a page node, got ${doc.type.name}`);
  ydoc.transact(() => {
    const meta = ydoc.getMap(pageMetaName);
    for (const [key, value] of Object.entries(doc.attrs)) meta.set(key, value);
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(pageFragmentName));
  });
}

/** Reads the page document out of a Y.Doc (see `writePageToYDoc`). */
export function readPageFromYDoc(ydoc: Y.Doc): Node {
  const json = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(pageFragmentName)) as {
    content?: unknown[];
  };
  const meta = ydoc.getMap(pageMetaName).toJSON();
  return pageSchema.nodeFromJSON({ type: "page", attrs: meta, content: json.content ?? [] });
}

/** A new Y.Doc holding the reconstruction, and its state as the page's first update. */
export function reconstructionToYDoc(page: ReconstructedPage): { ydoc: Y.Doc; update: Uint8Array } {
  const ydoc = new Y.Doc();
  writePageToYDoc(fromReconstruction(page), ydoc);
  return { ydoc, update: Y.encodeStateAsUpdate(ydoc) };
}

/** The page held by a Y.Doc, in the reconstruction contract. */
export function yDocToReconstruction(ydoc: Y.Doc): EditedPage {
  return toReconstruction(readPageFromYDoc(ydoc));
}
