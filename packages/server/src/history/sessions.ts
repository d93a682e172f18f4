import * as Y from "yjs";
import type { HistoryEntry } from "../storage/storage.ts";

/** How long without a change ends an editor's session in the history (5 minutes). */
export const sessionQuietMs = 5 * 60_000;

/** What one stored update did, in characters and elements. */
export interface ChangeSize {
  /** Characters inserted (an element counts as one). */
  inserted: number;
  /** Characters and elements deleted. */
  deleted: number;
}

/** One editor's stretch of work: their stored updates with no quiet spell of `sessionQuietMs` between. */
export interface HistorySession {
  /** The user name; null for the server's own (the page as uploaded, repairs). */
  author: string | null;
  /** ISO times of the first and last update. */
  from: string;
  to: string;
  /** History entries (`seq`) of the first and last update. */
  firstSeq: number;
  lastSeq: number;
  updates: number;
  inserted: number;
  deleted: number;
}

/** Measures what an update inserts and deletes, from its structs and delete set. */
export function measureUpdate(update: Uint8Array): ChangeSize {
  const decoded = Y.decodeUpdate(update);
  let inserted = 0;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub !== null) continue;
    inserted += struct.content instanceof Y.ContentString ? struct.length : 1;
  }
  let deleted = 0;
  for (const items of decoded.ds.clients.values()) for (const { len } of items) deleted += len;
  return { inserted, deleted };
}

/**
 * Groups a page's history (in order) into sessions per editor: an editor's next update joins
 * their open session unless `quietMs` or more passed since their last one. Newest first (by
 * last update).
 */
export function groupSessions(
  entries: readonly (Pick<HistoryEntry, "seq" | "author" | "at"> & ChangeSize)[],
  quietMs = sessionQuietMs,
): HistorySession[] {
  const sessions: HistorySession[] = [];
  const open = new Map<string | null, HistorySession>();
  for (const entry of entries) {
    const current = open.get(entry.author);
    if (current && Date.parse(entry.at) - Date.parse(current.to) < quietMs) {
      current.to = entry.at;
      current.lastSeq = entry.seq;
      current.updates++;
      current.inserted += entry.inserted;
      current.deleted += entry.deleted;
      continue;
    }
    const session: HistorySession = {
      author: entry.author,
      from: entry.at,
      to: entry.at,
      firstSeq: entry.seq,
      lastSeq: entry.seq,
      updates: 1,
      inserted: entry.inserted,
      deleted: entry.deleted,
    };
    sessions.push(session);
    open.set(entry.author, session);
  }
  return sessions.sort((a, b) => b.lastSeq - a.lastSeq);
}
