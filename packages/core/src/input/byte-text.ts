/**
 * Markup read byte for byte. Decoding a UTF-8 file into a JavaScript string costs about as much
 * as reading it: a page of hOCR or ALTO is 650 kB, and a single curly quote in it makes the
 * whole string two bytes a character. Markup is ASCII but for the words, so such a file can be
 * scanned as its bytes instead: one Latin-1 character per byte (a cheap copy, offsets in it are
 * byte offsets), decoding to UTF-8 only the few runs that hold a byte at or above 0x80. The
 * scanner validates each such sequence as it meets it (`utf8SequenceEnd`), so a document it reads
 * through is valid UTF-8; anything else (a name with such a byte, a broken sequence, any error)
 * sends the input back to the ordinary path, which decodes it whole and gives its verdict.
 *
 * Only where the runtime offers a native Latin-1 copy (Node's `Buffer`); elsewhere, and for
 * text that is not mostly ASCII (Chinese pages, where nearly every word would need decoding),
 * `readByteText` says no and the ordinary path runs.
 */

/** A UTF-8 document as one Latin-1 character per byte (see the module comment). */
export interface ByteText {
  /** The bytes after any UTF-8 byte order mark, a character each. */
  readonly text: string;
  /** The text the bytes `text[start..end)` encode (a valid UTF-8 sequence, validated already). */
  utf8(start: number, end: number): string;
  /** `decoded.slice(0, units)` of the whole document decoded, decoding only that much. */
  prefix(units: number): string;
}

/** What a Node `Buffer` offers, looked up at run time so that core runs in a browser too. */
interface NodeBuffer {
  latin1Slice(start: number, end: number): string;
  toString(encoding: "utf8", start: number, end: number): string;
}
interface NodeBufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer;
}

const NativeBuffer = (globalThis as unknown as { Buffer?: NodeBufferClass }).Buffer;

/** At most one byte in this many, among those sampled, may be non-ASCII. */
const asciiShare = 16;

/**
 * The bytes as a `ByteText`, or null when the ordinary path should read them: no native
 * Latin-1 copy here, a UTF-16 byte order mark, a first character (after ASCII white space)
 * other than `<`, or more than a sixteenth of sampled bytes non-ASCII. The caller has
 * checked size, emptiness and binary content.
 */
export function readByteText(bytes: Uint8Array): ByteText | null {
  if (NativeBuffer === undefined) return null;
  const n = bytes.byteLength;
  let from = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
  let first = from;
  while (first < n && isAsciiSpace(bytes[first]!)) first++;
  if (bytes[first] !== 0x3c) return null;
  // A sample spread over the file: ~8,000 reads for a page.
  const step = Math.max(1, Math.floor(n / 8192)) | 1;
  let sampled = 0;
  let high = 0;
  for (let i = from; i < n; i += step) {
    sampled++;
    if (bytes[i]! >= 0x80) high++;
  }
  if (high * asciiShare > sampled) return null;
  const buffer = NativeBuffer.from(bytes.buffer, bytes.byteOffset + from, n - from);
  const text = buffer.latin1Slice(0, n - from);
  return {
    text,
    utf8: (start, end) => buffer.toString("utf8", start, end),
    prefix: (units) => {
      // The bytes of the first `units` code units (a four-byte sequence is two of them).
      let end = 0;
      for (let u = 0; u < units && end < text.length; end++) {
        const b = text.charCodeAt(end);
        if (b < 0x80) u++;
        else if (b >= 0xf0) u += 2;
        else if (b >= 0xc0) u++;
      }
      // Continuation bytes of the last sequence counted.
      while (end < text.length && (text.charCodeAt(end) & 0xc0) === 0x80) end++;
      return buffer.toString("utf8", 0, end).slice(0, units);
    },
  };
}

function isAsciiSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d || b === 0x0c;
}

/**
 * Where the UTF-8 sequence starting at `i` in a `ByteText`'s `text` ends, or -1 when it is not
 * a well-formed sequence (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF) or
 * encodes U+FFFE or U+FFFF, which XML forbids.
 */
export function utf8SequenceEnd(text: string, i: number): number {
  const b0 = text.charCodeAt(i);
  if (b0 < 0xc2) return -1;
  if (b0 < 0xe0) return isContinuation(text.charCodeAt(i + 1)) ? i + 2 : -1;
  const b1 = text.charCodeAt(i + 1);
  if (b0 < 0xf0) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    const b2 = text.charCodeAt(i + 2);
    if (!(b1 >= lo && b1 <= hi) || !isContinuation(b2)) return -1;
    if (b0 === 0xef && b1 === 0xbf && (b2 === 0xbe || b2 === 0xbf)) return -1;
    return i + 3;
  }
  if (b0 < 0xf5) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (!(b1 >= lo && b1 <= hi) || !isContinuation(text.charCodeAt(i + 2))) return -1;
    return isContinuation(text.charCodeAt(i + 3)) ? i + 4 : -1;
  }
  return -1;
}

function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}
