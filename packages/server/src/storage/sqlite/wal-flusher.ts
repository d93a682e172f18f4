import { type FileHandle, open } from "node:fs/promises";

/**
 * Writes the WAL file's pages to the disk from libuv's thread pool (`fdatasync` on a descriptor
 * of its own), off the event loop. A big upload's chunks are appended without an fsync of their
 * own (they become durable with the commit that names them); left in the page cache, they were
 * all written out by the fsync of whichever commit came next — a client's edit, which then held
 * the event loop 15–20 ms. Flushed after each chunk, they no longer wait for it.
 * Only a matter of time: what makes a commit durable is still its own fsync, so a flush that
 * fails (the file not there yet) changes nothing.
 */
export class WalFlusher {
  constructor(private readonly walFile: string) {}

  /** Resolves once what was written to the WAL so far is on the disk, or the flush failed. */
  async flush(): Promise<void> {
    let handle: FileHandle | null = null;
    try {
      handle = await open(this.walFile, "r");
      await handle.datasync();
    } catch {
      // Nothing to flush, or nothing we may: the commits' own fsyncs still do it.
    } finally {
      await handle?.close().catch(() => {});
    }
  }
}
