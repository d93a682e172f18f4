/** Name of the Y.XmlFragment holding the page content (y-prosemirror's default). */
export const pageFragmentName = "prosemirror";

/** Name of the Y.Map holding the page node's attributes, which y-prosemirror does not sync. */
export const pageMetaName = "page";
