import type { IssueInput } from "../types.ts";

/**
 * The base of an export's file name: "galley-DATE-ID" with everything outside
 * `[A-Za-z0-9._-]` replaced, so it is safe in a Content-Disposition header and on any disk.
 */
export function fileBase(issue: IssueInput): string {
  const id = issue.id.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 60);
  return `galley-${issue.date.replace(/[^0-9-]/g, "")}-${id}`;
}
