/** A write that collides with existing data, such as a second page 3 in one issue. */
export class ConflictError extends Error {
  override name = "ConflictError";
  /** Machine-readable reason, as the API reports it (409). */
  readonly code = "conflict" as const;
}

/** Whether `value` is a `ConflictError` (also across module copies). */
export function isConflictError(value: unknown): value is ConflictError {
  return value instanceof Error && value.name === "ConflictError";
}
