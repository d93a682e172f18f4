import { ExportError } from "../errors.ts";

/**
 * Small structural checks for `parseIssueJson`: each takes the value and its path in the
 * document ("pages[2].page.articles[0].headline") and throws a `malformed-json` `ExportError`
 * naming that path when the value is not what the issue JSON says.
 */

/** Throws the `malformed-json` error for `path`. */
export function fail(path: string, expected: string, value: unknown): never {
  const got =
    value === null
      ? "null"
      : Array.isArray(value)
        ? "an array"
        : typeof value === "string"
          ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
          : typeof value === "number" || typeof value === "boolean"
            ? String(value)
            : typeof value;
  throw new ExportError("malformed-json", `${path}: expected ${expected}, got ${got}`);
}

/** A plain object (not null, not an array). */
export function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "an object", value);
  return value as Record<string, unknown>;
}

/** An array. */
export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, "an array", value);
  return value;
}

/** A string. */
export function stringAt(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, "a string", value);
  return value;
}

/** A string or undefined (an absent optional field). */
export function optionalStringAt(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : stringAt(value, path);
}

/** A finite number. */
export function numberAt(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, "a finite number", value);
  return value;
}

/** A finite number or undefined. */
export function optionalNumberAt(value: unknown, path: string): number | undefined {
  return value === undefined ? undefined : numberAt(value, path);
}

/** An array of strings. */
export function stringsAt(value: unknown, path: string): string[] {
  return arrayAt(value, path).map((v, i) => stringAt(v, `${path}[${i}]`));
}

/** One of the `allowed` strings. */
export function oneOfAt<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
  }
  return value as T;
}
