import { strToU8, type Zippable, zipSync } from "fflate";

/** One file of a zip archive: its path inside the archive and its content. */
export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
  /** Store without compression (EPUB's `mimetype` must be). */
  store?: boolean;
}

/** The earliest time a zip (DOS) timestamp can hold. */
const dosEpoch = Date.UTC(1980, 0, 2);

/**
 * Builds a zip archive from entries, in the given order (EPUB needs `mimetype` first). Text is
 * encoded as UTF-8. Every entry gets the time `mtime` (clamped to 1980, the zip format's
 * epoch), so the same input and time give the same bytes. Paths must be unique.
 */
export function zipFiles(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const time = new Date(Math.max(mtime.getTime(), dosEpoch));
  const files: Zippable = {};
  for (const entry of entries) {
    if (entry.path in files) throw new RangeError(`duplicate zip entry "${entry.path}"`);
    const data = typeof entry.data === "string" ? strToU8(entry.data) : entry.data;
    files[entry.path] = [data, { level: entry.store ? 0 : 1, mtime: time }];
  }
  return zipSync(files);
}
