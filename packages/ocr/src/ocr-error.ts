/** Why OCR could not run. */
export type OcrErrorCode =
  | "missing-tesseract"
  | "missing-language"
  | "not-an-image"
  /** The image has more pixels than the cap (`maxPixels`). */
  | "too-large"
  /** Tesseract ran out of its memory limit (`memoryBytes`). */
  | "memory"
  | "failed"
  | "timeout"
  /** The caller's `signal` aborted the run. */
  | "cancelled";

/**
 * An OCR failure with a one-line, actionable message (it names the Debian package to install
 * when Tesseract or a language is missing). Callers show `message` as is.
 */
export class OcrError extends Error {
  override name = "OcrError";
  /** Machine-readable reason. */
  readonly code: OcrErrorCode;

  constructor(code: OcrErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Whether `value` is an `OcrError` (also across module copies). */
export function isOcrError(value: unknown): value is OcrError {
  return value instanceof Error && value.name === "OcrError" && "code" in value;
}

/** The Debian package that installs Tesseract's data for `lang` ("chi_sim" → tesseract-ocr-chi-sim). */
export function languagePackage(lang: string): string {
  return `tesseract-ocr-${lang.toLowerCase().replace(/_/g, "-")}`;
}
