import { charClass, forbidden, forbiddenReason, isXmlSpace, nameEnd } from "./xml-chars.ts";

/**
 * The two prolog constructs with a grammar of their own: the XML declaration and the document
 * type declaration. Both are checked as a strict parser checks them, so a document a strict
 * parser refuses is refused here too. An internal DTD subset is refused outright: it could
 * declare entities, which this reader does not expand, and OCR formats never carry one.
 */

/** Throws an `InputError("malformed")` naming `reason` and the offset `at`. */
export type Fail = (reason: string, at: number) => never;

/**
 * Checks the XML declaration at the start of `text` (`<?xml` then white space: production 23)
 * and returns the offset just past its `?>`. Version 1.x, then optional `encoding` and
 * `standalone` in that order.
 */
export function checkXmlDeclaration(text: string, fail: Fail): number {
  let i = 5;
  const pseudo = (name: string, required: boolean): number => {
    const spaced = skipSpace(text, i);
    if (!text.startsWith(name, spaced) || spaced === i) {
      if (required) fail(`the XML declaration has no ${name}`, spaced);
      return -1;
    }
    let j = skipSpace(text, spaced + name.length);
    if (text.charCodeAt(j) !== 0x3d) fail(`no = after ${name} in the XML declaration`, j);
    j = skipSpace(text, j + 1);
    const quote = text.charCodeAt(j);
    const close = quote === 0x22 || quote === 0x27 ? text.indexOf(String.fromCharCode(quote), j + 1) : -1;
    if (close < 0) fail(`${name} in the XML declaration is not quoted`, j);
    i = close + 1;
    return j + 1;
  };
  const version = pseudo("version", true);
  if (!isVersion(text, version, i - 1)) fail("the XML declaration has a bad version", version);
  const encoding = pseudo("encoding", false);
  if (encoding >= 0 && !isEncodingName(text, encoding, i - 1))
    fail("the XML declaration has a bad encoding name", encoding);
  const standalone = pseudo("standalone", false);
  if (standalone >= 0) {
    const value = text.slice(standalone, i - 1);
    if (value !== "yes" && value !== "no") fail('standalone is neither "yes" nor "no"', standalone);
  }
  i = skipSpace(text, i);
  if (!text.startsWith("?>", i)) fail("junk in the XML declaration", i);
  return i + 2;
}

/**
 * Checks the document type declaration at `at` (`<!DOCTYPE`: production 28, without an
 * internal subset) and returns the offset just past its `>`.
 */
export function checkDoctype(text: string, at: number, fail: Fail): number {
  // The space before the name is required by the grammar, not by libxml2: read as it does.
  let i = skipSpace(text, at + 9);
  const end = nameEnd(text, i);
  if (end === i) fail("<!DOCTYPE without a name", i);
  i = end;
  let spaced = skipSpace(text, i);
  const keyword = text.startsWith("SYSTEM", spaced)
    ? "SYSTEM"
    : text.startsWith("PUBLIC", spaced)
      ? "PUBLIC"
      : "";
  if (keyword && spaced > i) {
    i = literal(text, spaced + keyword.length, keyword === "PUBLIC", fail);
    if (keyword === "PUBLIC") i = literal(text, i, false, fail);
    spaced = skipSpace(text, i);
  }
  const c = text.charCodeAt(spaced);
  if (c === 0x5b) fail("an internal DTD subset is not supported", spaced);
  if (c !== 0x3e) fail(Number.isNaN(c) ? "an unfinished <!DOCTYPE" : "junk in <!DOCTYPE", spaced);
  return spaced + 1;
}

/**
 * Reads white space then a quoted literal starting at `from`; returns the offset past it.
 * `pubid`: only the characters of production 13 are allowed.
 */
function literal(text: string, from: number, pubid: boolean, fail: Fail): number {
  const start = skipSpace(text, from);
  if (start === from) fail("no space before a literal in <!DOCTYPE", from);
  const quote = text.charCodeAt(start);
  if (quote !== 0x22 && quote !== 0x27) fail("an unquoted literal in <!DOCTYPE", start);
  const close = text.indexOf(String.fromCharCode(quote), start + 1);
  if (close < 0) fail("an unfinished literal in <!DOCTYPE", start);
  for (let i = start + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (charClass[c]! & forbidden) fail(forbiddenReason(c), i);
    if (pubid && !isPubidChar(c)) fail("a character not allowed in a public identifier", i);
  }
  return close + 1;
}

function isPubidChar(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
  return c === 0x20 || c === 0x0d || c === 0x0a || "-'()+,./:=?;!*#@$_%".includes(String.fromCharCode(c));
}

/** `1.` and digits (production 26). */
function isVersion(text: string, start: number, end: number): boolean {
  if (end - start < 3 || !text.startsWith("1.", start)) return false;
  for (let i = start + 2; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** A letter, then letters, digits, `.`, `_` or `-` (production 81). */
function isEncodingName(text: string, start: number, end: number): boolean {
  if (start >= end || !isLetter(text.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c) && c !== 0x2e && c !== 0x5f && c !== 0x2d) return false;
  }
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (isXmlSpace(text.charCodeAt(i))) i++;
  return i;
}
