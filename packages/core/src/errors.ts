/** Why an input could not be reconstructed. */
export type InputErrorCode =
  | "empty"
  | "binary"
  | "encoding"
  | "too-large"
  | "malformed"
  | "unknown-format"
  | "unsupported";

/**
 * A bad input: not text, broken XML, an unknown format, too large. Callers show `message` as
 * is (one line, no stack) and map `code` to an exit status or HTTP status.
 */
export class InputError extends Error {
  override name = "InputError";
  /** Machine-readable reason. */
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Whether `value` is an `InputError` (also across module copies). */
export function isInputError(value: unknown): value is InputError {
  return value instanceof Error && value.name === "InputError" && "code" in value;
}
