import { blockRoles } from "./roles.ts";
import { articleStatuses } from "./schema.ts";

/**
 * What a page document may hold, as data: the node names, where each may stand, and the values
 * each attribute, mark and page attribute may take. The ProseMirror schema (`schema.ts`) says
 * the shape; these rules add what it leaves open — an article's `status` is one of
 * `articleStatuses`, a block's `role` one of `blockRoles`, `lines` a list of strings … — so that
 * the server can refuse a client's update that writes anything else (`@galley/server`'s schema
 * gate) and the tolerant reader (`inspectPage`) can set such content aside.
 */

/** Name of an element node of the page: everything but the page itself and text. */
export type PageElementName = "article" | "block";

/** Where an element may stand: its parent's name (`page` for the top level). */
export const allowedParents: Readonly<Record<PageElementName, readonly string[]>> = {
  article: ["page"],
  block: ["page", "article"],
};

/** The kinds of furniture (`kind` attribute of a furniture block; core's `OtherKind`). */
export const otherKinds = ["folio", "running-head", "section", "jump", "credit", "ad", "unplaced"] as const;

/** The source formats a page can come from (the page's `format` attribute; core's `SourceFormat`). */
export const sourceFormats = ["text", "hocr", "alto", "page"] as const;

/** The marks text may carry; each has one attribute, `line` (a source line id or null). */
export const markNames = ["dateline_span", "byline_span"] as const;

/** Longest string any attribute of a page node may hold (ids, source line ids, kinds …). */
export const maxAttributeChars = 1000;

/** Most source line ids one block may name. */
export const maxBlockLines = 10_000;

type Check = (value: unknown) => boolean;

const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === "string" && values.includes(value);
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const shortString: Check = (value) => typeof value === "string" && value.length <= maxAttributeChars;
const unitNumber: Check = (value) => typeof value === "number" && value >= 0 && value <= 1;
const lineIds: Check = (value) =>
  Array.isArray(value) && value.length <= maxBlockLines && value.every(shortString);
const count: Check = (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const size: Check = (value) => typeof value === "number" && Number.isFinite(value) && value >= 0;

/** Each element's attributes and the check its value must pass. */
export const attributeRules: Readonly<Record<PageElementName, Readonly<Record<string, Check>>>> = {
  article: {
    id: shortString,
    status: oneOf(articleStatuses),
    confidence: orNull(unitNumber),
  },
  block: {
    role: oneOf(blockRoles),
    lines: lineIds,
    confidence: orNull(unitNumber),
    inline: orNull(oneOf(["start", "end"])),
    kind: orNull(oneOf(otherKinds)),
    article: orNull(shortString),
  },
};

/** The page's own attributes (the Y.Map `page`) and the check each value must pass. */
export const pageAttributeRules: Readonly<Record<string, Check>> = {
  format: oneOf(sourceFormats),
  lineCount: count,
  language: orNull(shortString),
  width: orNull(size),
  height: orNull(size),
  columns: (value) => Array.isArray(value) && value.every(isColumn),
};

/** Whether `name` is the name of an element a page may hold. */
export function isPageElementName(name: unknown): name is PageElementName {
  return name === "article" || name === "block";
}

/** Whether an element named `child` may stand inside `parent` (`page` for the top level). */
export function isAllowedChild(parent: string, child: string): boolean {
  return isPageElementName(child) && allowedParents[child].includes(parent);
}

/**
 * Why attribute `key` = `value` is not allowed on element `name`, or null when it is. A null
 * value stands for "unset" and is allowed wherever the attribute exists (it reads as the default).
 */
export function attributeProblem(name: PageElementName, key: string, value: unknown): string | null {
  const check = attributeRules[name][key];
  if (!check) return `${name} has no attribute "${key}"`;
  if (value === null || value === undefined || check(value)) return null;
  return `${name} ${key} ${describe(value)} is not allowed`;
}

/** Why text formatting `key` = `value` is not allowed, or null when it is (null removes a mark). */
export function markProblem(key: string, value: unknown): string | null {
  if (!(markNames as readonly string[]).includes(key)) return `no mark "${key}"`;
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value))
    return `mark ${key} ${describe(value)} is not allowed`;
  for (const [attr, v] of Object.entries(value as Record<string, unknown>)) {
    if (attr !== "line" || (v !== null && !shortString(v)))
      return `mark ${key} attribute ${attr} ${describe(v)} is not allowed`;
  }
  return null;
}

/** Why page attribute `key` = `value` is not allowed, or null when it is. */
export function pageAttributeProblem(key: string, value: unknown): string | null {
  const check = pageAttributeRules[key];
  if (!check) return `the page has no attribute "${key}"`;
  return value === undefined || check(value) ? null : `page ${key} ${describe(value)} is not allowed`;
}

function isColumn(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const column = value as Record<string, unknown>;
  return typeof column.text === "string" && lineIds(column.lines);
}

/** A short, JSON-like rendering of a value for an error message. */
export function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
