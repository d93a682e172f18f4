import { InputError } from "../errors.ts";

/** Default upper bound on an input's size: 50 MB, far above any real page's OCR. */
export const defaultMaxBytes = 50 * 1024 * 1024;

/**
 * Decodes input bytes to text. Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM;
 * rejects binary data (NUL bytes, control characters) and invalid UTF-8 with an `InputError`.
 */
export function decodeInput(input: string | Uint8Array, maxBytes = defaultMaxBytes): string {
  if (typeof input === "string") {
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes);
    return checkText(input.replace(/^\uFEFF/, ""));
  }
  if (input.byteLength > maxBytes) throw tooLarge(input.byteLength, maxBytes);
  if (input.byteLength === 0) throw new InputError("empty", "the input is empty");
  let text: string;
  if (input[0] === 0xff && input[1] === 0xfe) text = decodeStrict("utf-16le", input.subarray(2));
  else if (input[0] === 0xfe && input[1] === 0xff) text = decodeStrict("utf-16be", input.subarray(2));
  else {
    if (looksBinary(input) || input.indexOf(0) >= 0)
      throw new InputError("binary", "the input is binary data, not OCR text or XML");
    // The lenient decoder is the fast one; a replacement character in its output sends the bytes
    // through the strict decoder, which tells a broken sequence from a U+FFFD the file holds.
    text = lenient.decode(input);
    if (text.includes("\uFFFD")) {
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(input);
      } catch {
        throw new InputError("encoding", `the input is not valid UTF-8 (${firstBadByte(input)})`);
      }
    }
    // No NUL byte, so no NUL character: only the emptiness test is left.
    return checkNotEmpty(text);
  }
  return checkText(text);
}

const lenient = new TextDecoder("utf-8", { ignoreBOM: false });

function tooLarge(size: number, max: number): InputError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new InputError("too-large", `the input is ${mb(size)}, over the limit of ${mb(max)}`);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 8192);
  // A plain view of the head: element reads on a Buffer (a Uint8Array subclass) are far slower.
  const head = new Uint8Array(bytes.buffer, bytes.byteOffset, n);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b >= 0x20) continue;
    if (b === 0) return true;
    if (b < 0x09 || b > 0x0d) control++;
  }
  return control > n * 0.01;
}

function firstBadByte(bytes: Uint8Array): string {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.byteLength;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return `bad byte near offset ${lo}`;
}

function checkText(text: string): string {
  checkNotEmpty(text);
  if (text.includes("\u0000"))
    throw new InputError("binary", "the input is binary data, not OCR text or XML");
  return text;
}

function checkNotEmpty(text: string): string {
  if (!text.trim()) throw new InputError("empty", "the input has no text");
  return text;
}

function decodeStrict(encoding: "utf-16le" | "utf-16be", bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("encoding", `the input is not valid ${encoding.toUpperCase()}`);
  }
}
