import type Database from "libsql";
import { bytesOf } from "../rows.ts";

/**
 * Bytes up to this size are stored inline in their row; larger ones go to `blob_chunks` in
 * pieces of this size. 256 KiB is appended to the WAL in well under a millisecond here; 50 MB in
 * one statement held the event loop for 270 ms.
 */
export const chunkBytes = 256 * 1024;

/** Chunks nobody refers to and older than this are an interrupted upload's, swept on open. */
export const orphanAgeMs = 60 * 60 * 1000;

/** Where a value went: inline bytes for its row, or the id of its chunked blob. */
export type Staged = { inline: Buffer; blob: null } | { inline: null; blob: string };

/**
 * SQLite's chunk store: big values are written one chunk per transaction, yielding to the
 * event loop between chunks, and read back the same way, so one big upload never stalls
 * every other request.
 */
export class BlobChunks {
  private readonly insert;
  private readonly select;
  private readonly remove;
  private readonly count;

  constructor(
    private readonly db: Database.Database,
    /** The connection's own setting, restored after each chunk. */
    private readonly synchronous: "FULL" | "NORMAL",
    /** Told the size of every chunk written (the storage schedules WAL checkpoints by it). */
    private readonly onWrite: (bytes: number) => void = () => {},
    /**
     * Awaited after each chunk: the storage's `WalFlusher`, which puts the chunk on the disk from
     * another thread; absent (a database in memory), a millisecond's sleep.
     */
    private readonly settle: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 1)),
  ) {
    this.insert = db.prepare("INSERT INTO blob_chunks (blob, seq, data, created_at) VALUES (?, ?, ?, ?)");
    this.select = db.prepare("SELECT data FROM blob_chunks WHERE blob = ? AND seq = ?");
    this.remove = db.prepare("DELETE FROM blob_chunks WHERE blob = ?");
    this.count = db.prepare("SELECT count(*) AS n FROM blob_chunks WHERE blob = ?");
  }

  /**
   * Stores `bytes`: inline when small, else as the chunks of blob `id`, each committed on its
   * own. Nothing refers to those chunks until the caller's transaction names `id`; call
   * `discard(id)` when that transaction fails.
   */
  async stage(id: string, bytes: Uint8Array): Promise<Staged> {
    if (bytes.byteLength <= chunkBytes) return { inline: toBuffer(bytes), blob: null };
    const now = new Date().toISOString();
    for (let offset = 0, seq = 0; offset < bytes.byteLength; offset += chunkBytes, seq++) {
      const piece = bytes.subarray(offset, Math.min(offset + chunkBytes, bytes.byteLength));
      // Without an fsync of its own: the chunks become durable with the commit that names them
      // (a WAL commit in FULL mode syncs every frame before it), and until then they are
      // garbage anyway. An fsync per chunk held the event loop while the disk was busy.
      this.db.exec("PRAGMA synchronous = NORMAL");
      try {
        this.insert.run([id, seq, toBuffer(piece), now]);
      } finally {
        this.db.exec(`PRAGMA synchronous = ${this.synchronous}`);
      }
      this.onWrite(piece.byteLength);
      // Paced by the disk rather than an immediate turn: writing 50 MB as fast as it goes made
      // the kernel throttle the writes themselves (dirty pages), in this thread, and left the
      // pages to the fsync of whichever commit came next.
      await this.settle();
    }
    return { inline: null, blob: id };
  }

  /** Reads blob `id` of `size` bytes back, a chunk at a time with a yield between chunks. */
  async read(id: string, size: number): Promise<Uint8Array> {
    const out = new Uint8Array(size);
    let offset = 0;
    for (let seq = 0; offset < size; seq++) {
      const row = this.select.get([id, seq]) as { data: Buffer } | undefined;
      if (!row) throw new RangeError(`blob ${id}: chunk ${seq} is missing (${offset} of ${size} bytes read)`);
      const piece = bytesOf(row.data);
      out.set(piece, offset);
      offset += piece.byteLength;
      if (offset < size) await yieldToEventLoop();
    }
    return out;
  }

  /** Reads blob `id` whole, in the current transaction (for reads that must see one state). */
  readNow(id: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const total = (this.count.get([id]) as { n: number }).n;
    for (let seq = 0; seq < total; seq++) {
      const row = this.select.get([id, seq]) as { data: Buffer };
      chunks.push(bytesOf(row.data));
      size += row.data.byteLength;
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }

  /** Removes blob `id`'s chunks (a failed page creation's). */
  discard(id: string): void {
    this.remove.run([id]);
  }

  /** Removes chunks older than `orphanAgeMs` that no page, log or history row names. Returns how many. */
  sweepOrphans(now = Date.now()): number {
    const before = new Date(now - orphanAgeMs).toISOString();
    return this.db
      .prepare(
        `DELETE FROM blob_chunks WHERE created_at < ? AND blob NOT IN (
           SELECT source_blob FROM pages WHERE source_blob IS NOT NULL
           UNION SELECT image_blob FROM pages WHERE image_blob IS NOT NULL
           UNION SELECT blob FROM updates WHERE blob IS NOT NULL
           UNION SELECT blob FROM history WHERE blob IS NOT NULL)`,
      )
      .run([before]).changes;
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
