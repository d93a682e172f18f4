import type { ReconstructedPage } from "@galley/core";
import type { Node } from "prosemirror-model";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { fromReconstruction } from "./from-reconstruction.ts";
import { inspectPage, type SetAsidePart } from "./inspect-page.ts";
import { pageSchema } from "./schema.ts";
import { type EditedPage, toReconstruction } from "./to-reconstruction.ts";
import { pageFragmentName, pageMetaName } from "./ydoc-names.ts";

export { pageFragmentName, pageMetaName };

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

/**
 * Reads the page document out of a Y.Doc (see `writePageToYDoc`). Tolerant: content the schema
 * does not allow is left out (`inspectPage` says what and where), so the result always passes
 * `check()`.
 */
export function readPageFromYDoc(ydoc: Y.Doc): Node {
  return inspectPage(ydoc).doc;
}

/** A new Y.Doc holding the reconstruction, and its state as the page's first update. */
export function reconstructionToYDoc(page: ReconstructedPage): { ydoc: Y.Doc; update: Uint8Array } {
  const ydoc = new Y.Doc();
  writePageToYDoc(fromReconstruction(page), ydoc);
  return { ydoc, update: Y.encodeStateAsUpdate(ydoc) };
}

/** The page held by a Y.Doc, in the reconstruction contract (content outside the schema left out). */
export function yDocToReconstruction(ydoc: Y.Doc): EditedPage {
  return toReconstruction(readPageFromYDoc(ydoc));
}

/** The page held by a Y.Doc in the reconstruction contract, and the parts left out of it. */
export function readEditedPage(ydoc: Y.Doc): { page: EditedPage; setAside: SetAsidePart[] } {
  const { doc, setAside } = inspectPage(ydoc);
  return { page: toReconstruction(doc), setAside };
}
