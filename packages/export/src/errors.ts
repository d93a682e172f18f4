/** Why an export (or a re-import of an exported issue) was refused. */
export type ExportErrorCode =
  /** The format name is not one of `exportFormats`. */
  | "unknown-format"
  /** The issue has no pages, or no page has an article: there is nothing to publish. */
  | "empty-issue"
  /** The issue value breaks the `IssueInput` contract (bad date, duplicate page ids, …). */
  | "invalid-issue"
  /** `parseIssueJson` was given bytes that are not a Galley issue JSON. */
  | "malformed-json";

/**
 * An export that cannot be made, with a machine-readable `code` and a one-line message naming
 * the offending value. Thrown by `exportIssue` and `parseIssueJson`; nothing is half-written.
 */
export class ExportError extends Error {
  override name = "ExportError";
  readonly code: ExportErrorCode;

  constructor(code: ExportErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Whether `error` is an `ExportError` (also across module copies). */
export function isExportError(error: unknown): error is ExportError {
  return (
    error instanceof ExportError ||
    (error instanceof Error && error.name === "ExportError" && "code" in error)
  );
}
