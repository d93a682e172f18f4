import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { nodeIncoming } from "./node-incoming.ts";

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
  // With a declared length the body is copied into place as it arrives: no second copy of a
  // 50 MB upload at the end, which would hold the event loop.
  const expected = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
  const sink = expected !== null ? new ByteSink(expected) : null;
  const chunks = new ChunkList();
  const body = requestBody(c);
  for await (const value of body.chunks()) {
    if ((sink?.size ?? chunks.size) + value.byteLength > limit) {
      body.cancel();
      throw tooLarge();
    }
    if (sink) sink.write(value);
    else chunks.push(value);
  }
  return sink ? sink.bytes() : chunks.concat();
}

/** A request body read chunk by chunk, and dropped unread when refused. */
export interface RequestBody {
  /**
   * The chunks as they arrive, a bounded share of them per event-loop turn (see `Pacer`): the
   * bytes wait in the socket meanwhile, so an upload cannot hold the loop.
   */
  chunks(): AsyncGenerator<Uint8Array>;
  /** Stops reading and drops the rest. */
  cancel(): void;
}

/**
 * The request's body. Under `@hono/node-server` it is read from Node's stream itself (unless
 * something took that stream already): the Web stream Hono otherwise builds over it costs a
 * promise and a queue per chunk: about a quarter of the event loop's time while two 50 MB
 * uploads came in (profiled).
 */
export function requestBody(c: Context): RequestBody {
  const incoming = nodeIncoming(c.env);
  if (incoming && incoming.readableFlowing === null && incoming.listenerCount("data") === 0) {
    let cancelled = false;
    return {
      async *chunks() {
        const pause = new Pacer();
        // Not destroyed when left early: the answer (413, 400) must still reach the client, and
        // Node reads and drops the rest of the body once it has gone.
        for await (const chunk of incoming.iterator({ destroyOnReturn: false })) {
          if (cancelled) return;
          yield chunk as Uint8Array;
          await pause.after((chunk as Uint8Array).byteLength);
        }
      },
      cancel: () => {
        cancelled = true;
      },
    };
  }
  const stream = c.req.raw.body;
  const reader = stream?.getReader();
  return {
    async *chunks() {
      if (!reader) return;
      const pause = new Pacer();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
        await pause.after(value.byteLength);
      }
    },
    cancel: () => {
      reader?.cancel().catch(() => {});
    },
  };
}

/**
 * Yields to the event loop after every `every` bytes. Reading a body whose chunks are already
 * buffered resolves each `read()` as a microtask: without a pause, a fast 50 MB upload keeps
 * the event loop from every other socket until it is all read.
 */
export class Pacer {
  private since = 0;

  constructor(private readonly every = 1024 * 1024) {}

  /** Counts `bytes`, and yields to the event loop once `every` bytes have passed since the last pause. */
  async after(bytes: number): Promise<void> {
    this.since += bytes;
    if (this.since < this.every) return;
    this.since = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Chunks kept as they came, joined once at the end, a MiB per event-loop turn. */
export class ChunkList {
  private readonly chunks: Uint8Array[] = [];
  size = 0;

  /** Keeps `chunk` (not copied). */
  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
  }

  /** The chunks as one new array of its own, copied 1 MiB per event-loop turn. */
  async concat(): Promise<Uint8Array> {
    const out = new Uint8Array(this.size);
    const pause = new Pacer(1024 * 1024);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
      await pause.after(chunk.byteLength);
    }
    return out;
  }
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

/** "50 MiB", "123.4 MiB", "512 KiB", "300 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
