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
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
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
