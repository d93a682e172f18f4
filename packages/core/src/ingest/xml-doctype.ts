/**
 * The document type declaration, which saxes hands over as text without checking its grammar
 * or acting on it. OCR formats never need one beyond a name and an external identifier
 * (Tesseract's XHTML: `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "…">`).
 * An internal subset is refused outright: it could declare entities, and a reader that expands
 * them can be made to build gigabytes from a few lines ("billion laughs") or to read files and
 * URLs named in them (XXE). saxes expands none, so a reference to one would fail later anyway;
 * refusing the subset says why, where it stands.
 */

const nameStart =
  ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const nameChar = `${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** An XML `Name` (production 5). */
const name = `[${nameStart}][${nameChar}]*`;
const systemLiteral = `(?:"[^"]*"|'[^']*')`;
/** Production 12: a quoted run of the characters production 13 allows. */
const pubidLiteral = `(?:"[-'()+,./:=?;!*#@$_%a-zA-Z0-9 \\r\\n]*"|'[-()+,./:=?;!*#@$_%a-zA-Z0-9 \\r\\n]*')`;
const externalId = `(?:SYSTEM\\s+${systemLiteral}|PUBLIC\\s+${pubidLiteral}\\s+${systemLiteral})`;

/** Production 28 without the internal subset; the space before the name is optional, as libxml2 reads it. */
const doctype = new RegExp(`^\\s*${name}(?:\\s+${externalId})?\\s*$`, "u");
/** The same up to an internal subset's opening bracket. */
const withSubset = new RegExp(`^\\s*${name}(?:\\s+${externalId})?\\s*\\[`, "u");

/**
 * Why the document type declaration whose text (between `<!DOCTYPE` and its closing `>`) is
 * `text` is refused, or null when it is a name with an optional external identifier.
 */
export function doctypeProblem(text: string): string | null {
  if (doctype.test(text)) return null;
  if (withSubset.test(text)) return "an internal DTD subset is not supported";
  return "a malformed <!DOCTYPE>";
}
