/**
 * Where reading a well-formed XML document as XML gives another element tree than an HTML
 * parser (htmlparser2 in HTML mode) would: an HTML parser closes some open elements implicitly
 * when certain others open (a `<div>` ends an open `<p>`), reads the contents of raw-text
 * elements as text, and switches rules inside SVG and MathML. hOCR is HTML; `readXml` with
 * `html: true` refuses a document where any of this could make a difference, so the caller
 * can read it with the HTML parser instead. The rules here are deliberately wider than
 * htmlparser2's own: refusing a document only costs speed.
 */

const pClosers = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hgroup",
  "hr",
  "listing",
  "main",
  "menu",
  "nav",
  "ol",
  "pre",
  "section",
  "summary",
  "table",
  "ul",
]);
const headings = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const formControls = new Set([
  "input",
  "option",
  "optgroup",
  "select",
  "button",
  "datalist",
  "textarea",
  "output",
]);
/** Elements whose opening may implicitly close an open element of another kind, or change the rules. */
const alwaysRefused = new Set([
  "tr",
  "th",
  "td",
  "thead",
  "tbody",
  "tfoot",
  "li",
  "dd",
  "dt",
  "rt",
  "rp",
  "option",
  "optgroup",
  "svg",
  "math",
  "form",
  "script",
  "style",
  "textarea",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
  ...formControls,
]);

/**
 * Why an HTML parser could build another tree when element `next` opens inside `open` (both
 * lower-cased; `open` undefined at the top), or null when it builds the same.
 */
export function htmlDifference(open: string | undefined, next: string): string | null {
  if (alwaysRefused.has(next)) return `<${next}> has HTML parsing rules of its own`;
  if (open === undefined) return null;
  if (open === "title") return "an element inside <title>";
  if (open === "p" && pClosers.has(next)) return `<${next}> would end the open <p>`;
  if (headings.has(open) && headings.has(next)) return `<${next}> would end the open <${open}>`;
  if ((open === "head" || open === "link") && next === "body") return "<body> would end <head>";
  if (open === "a" && next === "a") return "<a> would end the open <a>";
  return null;
}

/**
 * Whether an HTML parser reads the character reference for `code` as that character (it
 * remaps C1 controls, NUL and a few others).
 */
export function htmlKeepsCharacter(code: number): boolean {
  return code === 0x09 || code === 0x0a || (code >= 0x20 && code <= 0x7e) || code >= 0xa0;
}
