import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

/**
 * Reads the request body into memory, refusing it with 413 as soon as it passes `limit`
 * bytes (by `Content-Length` up front, else while streaming), so an oversize upload is never
 * buffered whole.
 */
export async function readBody(c: Context, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HTTPException(413, { message: `the body is over the limit of ${formatBytes(limit)}` });
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > limit) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  // With a declared length the body is copied into place as it arrives: no second copy of a
  // 50 MB upload at the end, which would hold the event loop.
  const expected = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
  const sink = new ByteSink(expected ?? 64 * 1024);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (sink.size + value.byteLength > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    sink.write(value);
  }
  return sink.bytes();
}

/**
 * Collects bytes into one buffer that grows by doubling; `bytes()` is a view of what was
 * written (no final copy), over a buffer of its own that can be moved to a worker.
 */
export class ByteSink {
  private buffer: Uint8Array;
  size = 0;

  constructor(initial: number) {
    this.buffer = new Uint8Array(Math.max(1, initial));
  }

  /** Appends `chunk`. */
  write(chunk: Uint8Array): void {
    if (this.size + chunk.byteLength > this.buffer.byteLength) {
      const grown = new Uint8Array(Math.max(this.size + chunk.byteLength, this.buffer.byteLength * 2));
      grown.set(this.buffer.subarray(0, this.size));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.size);
    this.size += chunk.byteLength;
  }

  /** What was written. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.size);
  }
}

/** Reads a JSON object body: 415 unless `Content-Type: application/json`, 413 over `limit`, 400 when it does not parse. */
export async function readJsonObject(c: Context, limit: number): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HTTPException(415, { message: "expected Content-Type: application/json" });
  }
  const bytes = await readBody(c, limit);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HTTPException(400, { message: "the body is not valid JSON" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new HTTPException(400, { message: "the body must be a JSON object" });
  }
  return value as Record<string, unknown>;
}

/** "50 MiB", "512 KiB", "300 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
