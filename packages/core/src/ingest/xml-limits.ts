/**
 * Bounds on what one XML document may hold, checked by `readXml` as the parser reports each
 * element, attribute and text run, so that a hostile or broken file is refused early with a
 * clear error instead of tying the reader up. OCR files stay far inside them: an ALTO or PAGE
 * page nests about ten elements deep and carries a dozen attributes per element, its longest
 * values are polygons of a few kilobytes.
 */
export interface XmlLimits {
  /** Elements open at once. libxml2 refuses more than 256 too, unless told to read "huge" files. */
  readonly depth: number;
  /** Attributes on one element. */
  readonly attributes: number;
  /** Characters in one attribute value (after entities are replaced). */
  readonly attributeLength: number;
  /** Characters in one run of text or one CDATA section. */
  readonly textLength: number;
}

/** The limits `readXml` applies. */
export const xmlLimits: XmlLimits = {
  depth: 256,
  attributes: 256,
  attributeLength: 1 << 20,
  textLength: 1 << 20,
};
