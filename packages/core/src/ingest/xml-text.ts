import { htmlKeepsCharacter } from "./html-compat.ts";

/**
 * Character data of an XML document as a strict parser delivers it: the five predefined
 * entities and character references decoded (any other `&` is an error), `<` refused, line ends
 * normalised — `\r\n` and `\r` become `\n` in text; in attribute values they, `\n` and tabs
 * become a space (XML 1.0 §2.11, §3.3.3) — and `]]>` refused in text.
 */

const predefined: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * The character data `text[from..to)` means (see the module comment); `fail(reason, at)` is
 * called (and must throw) at the first error, with its offset in `text`. `html`: a character
 * reference an HTML parser would read as another character is an error too.
 */
export function decodeXmlText(
  text: string,
  from: number,
  to: number,
  kind: "text" | "attribute",
  fail: (reason: string, at: number) => never,
  html = false,
): string {
  const attribute = kind === "attribute";
  let i = from;
  // Nearly every run is plain: find the first character needing care, if any.
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x26 || c === 0x3c || c === 0x0d) break;
    if (attribute ? c === 0x09 || c === 0x0a : c === 0x3e) break;
  }
  if (i === to) return text.slice(from, to);
  let out = "";
  let run = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c) fail(attribute ? "< in an attribute value" : "a stray <", i);
    else if (c === 0x26) {
      const semi = text.indexOf(";", i + 1);
      if (semi < 0 || semi >= to) fail("an unterminated entity reference", i);
      out += text.slice(run, i) + entity(text.slice(i + 1, semi), i, html, fail);
      i = semi;
      run = semi + 1;
    } else if (c === 0x0d) {
      out += `${text.slice(run, i)}${attribute ? " " : "\n"}`;
      if (text.charCodeAt(i + 1) === 0x0a && i + 1 < to) i++;
      run = i + 1;
    } else if (attribute && (c === 0x09 || c === 0x0a)) {
      out += `${text.slice(run, i)} `;
      run = i + 1;
    } else if (!attribute && c === 0x3e && i - 2 >= from && text.startsWith("]]", i - 2)) {
      fail('"]]>" in text', i - 2);
    }
  }
  return out + text.slice(run, to);
}

function entity(
  name: string,
  at: number,
  html: boolean,
  fail: (reason: string, at: number) => never,
): string {
  const known = predefined[name];
  if (known !== undefined && Object.hasOwn(predefined, name)) return known;
  if (name.startsWith("#")) {
    const hex = name.startsWith("#x");
    const digits = name.slice(hex ? 2 : 1);
    if (digits && isDigits(digits, hex)) {
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (isXmlChar(code) && (!html || htmlKeepsCharacter(code))) return String.fromCodePoint(code);
    }
    return fail(`&${name}; is not a valid character reference`, at);
  }
  return fail(`&${name}; is not a defined entity`, at);
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Whether `digits` are all decimal digits, or hexadecimal ones when `hex`. */
function isDigits(digits: string, hex: boolean): boolean {
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    const decimal = c >= 0x30 && c <= 0x39;
    if (!decimal && !(hex && ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)))) return false;
  }
  return true;
}

/** `text` with `\r\n` and lone `\r` turned into `\n` (for CDATA sections, read as they stand). */
export function normaliseLineEnds(text: string): string {
  let cr = text.indexOf("\r");
  if (cr < 0) return text;
  let out = "";
  let run = 0;
  for (; cr >= 0; cr = text.indexOf("\r", run)) {
    out += `${text.slice(run, cr)}\n`;
    run = text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
  }
  return out + text.slice(run);
}
