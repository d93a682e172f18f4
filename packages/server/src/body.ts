import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { nodeIncoming } from "./node-incoming.ts";

/**
 * Reads the request body into memory, refusing it with 413 as soon as it passes `limit`
 * bytes (by `Content-Length` up front, else while streaming), so an oversize upload is never
 * buffered whole, and with 408 when no bytes of it come for `idleMs`.
 */
export async function readBody(c: Context, limit: number, idleMs: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HTTPException(413, { message: `the body is over the limit of ${formatBytes(limit)}` });
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > limit) throw tooLarge();
  // With a declared length the body is copied into place as it arrives: no second copy of a
  // 50 MB upload at the end, which would hold the event loop.
  const expected = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
  const sink = expected !== null ? new ByteSink(expected) : null;
  const chunks = new ChunkList();
  const body = requestBody(c, idleMs);
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
   * bytes wait in the socket meanwhile, so an upload cannot hold the loop. Throws 408 (and has
   * the connection closed after the answer) when no bytes come for the body's `idleMs`.
   */
  chunks(): AsyncGenerator<Uint8Array>;
  /** Stops reading and drops the rest. */
  cancel(): void;
}

/** Where a body's chunks come from: one at a time, and dropped when cancelled. */
interface BodySource {
  next(): Promise<IteratorResult<Uint8Array>>;
  cancel(): void;
}

/**
 * The request's body. Under `@hono/node-server` it is read from Node's stream itself (unless
 * something took that stream already): the Web stream Hono otherwise builds over it costs a
 * promise and a queue per chunk: about a quarter of the event loop's time while two 50 MB
 * uploads came in (profiled).
 */
export function requestBody(c: Context, idleMs: number): RequestBody {
  const source = bodySource(c);
  let cancelled = false;
  const cancel = () => {
    if (cancelled) return;
    cancelled = true;
    source.cancel();
  };
  return {
    async *chunks() {
      const pause = new Pacer();
      for (;;) {
        const { done, value } = await withinIdle(source.next(), idleMs, () => {
          cancel();
          // A client that stalls mid-body is not waited for again on this connection.
          c.header("Connection", "close");
        });
        if (done || cancelled) return;
        yield value;
        await pause.after(value.byteLength);
      }
    },
    cancel,
  };
}

function bodySource(c: Context): BodySource {
  const incoming = nodeIncoming(c.env);
  if (incoming && incoming.readableFlowing === null && incoming.listenerCount("data") === 0) {
    // Not destroyed when left early: the answer (413, 400, 408) must still reach the client,
    // and Node drops the rest of the body once it has gone (or closes the connection).
    const iterator = incoming.iterator({ destroyOnReturn: false });
    return {
      next: () => iterator.next() as Promise<IteratorResult<Uint8Array>>,
      cancel: () => {},
    };
  }
  const reader = c.req.raw.body?.getReader();
  return {
    next: () => (reader ? reader.read() : Promise.resolve({ done: true, value: undefined })),
    cancel: () => {
      reader?.cancel().catch(() => {});
    },
  };
}

/** `next`, or a 408 (after `onIdle`) when it has not settled within `idleMs`. */
function withinIdle<T>(next: Promise<T>, idleMs: number, onIdle: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onIdle();
      reject(
        new HTTPException(408, {
          message: `no bytes of the body came for ${formatSeconds(idleMs)}: the request is dropped`,
        }),
      );
    }, idleMs);
    next.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** "30 s", "0.4 s". */
export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
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

/** Reads a JSON object body: 415 unless `Content-Type: application/json`, 413 over `limit`, 408 when it stalls for `idleMs`, 400 when it does not parse. */
export async function readJsonObject(
  c: Context,
  limit: number,
  idleMs: number,
): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HTTPException(415, { message: "expected Content-Type: application/json" });
  }
  const bytes = await readBody(c, limit, idleMs);
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
