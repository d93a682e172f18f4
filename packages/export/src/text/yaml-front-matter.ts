import { cleanText } from "./clean-text.ts";

/** A front-matter value: a string, a number, or a list of strings; `null` leaves the key out. */
export type FrontMatterValue = string | number | string[] | null | boolean;

const yamlEscapes: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
  "\u0085": "\\N",
  "\u2028": "\\L",
  "\u2029": "\\P",
};

/**
 * A YAML double-quoted scalar: always quoted, so no text (`yes`, `- x`, `#`, `: `, `---`, a
 * leading `@` or `*`) can change type or structure; backslash, quote, tab and every YAML line
 * break are escaped. Text is cleaned first (`cleanText`).
 */
export function yamlString(value: string): string {
  return `"${cleanText(value).replace(/[\\"\t\n\r\u0085\u2028\u2029]/g, (ch) => yamlEscapes[ch]!)}"`;
}

/**
 * A YAML front-matter block (`---` … `---`) from ordered keys. Keys must be plain
 * identifiers; numbers are written as YAML integers, booleans as true/false, lists as block sequences of quoted
 * strings, `null` values are left out.
 */
export function frontMatter(entries: [string, FrontMatterValue][]): string {
  const lines = ["---"];
  for (const [key, value] of entries) {
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(key))
      throw new RangeError(`front-matter key "${key}" is not a plain identifier`);
    if (value === null) continue;
    if (typeof value === "number" || typeof value === "boolean") lines.push(`${key}: ${value}`);
    else if (typeof value === "string") lines.push(`${key}: ${yamlString(value)}`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...value.map((v) => `  - ${yamlString(v)}`));
  }
  lines.push("---");
  return `${lines.join("\n")}\n`;
}
