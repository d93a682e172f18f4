import { pageFragmentName, pageMetaName } from "@galley/doc";
import * as Y from "yjs";
import type { HistoryEntry } from "../storage/storage.ts";

/** Who inserted and who deleted what, from the history entries that carried each change. */
export interface Attribution {
  /** The author of the entry that inserted the struct `id` (null: the server or unknown). */
  insertedBy(id: Y.ID): string | null;
  /** The author of the first entry after the start that deleted the struct `id` (null: none or the server). */
  deletedBy(id: Y.ID): string | null;
}

/** A page's history replayed with nothing collected, so any two of its states can be compared. */
export interface Replay {
  /** The page with every struct it ever had (garbage collection off). */
  doc: Y.Doc;
  /** The state after the entry `fromSeq`, and the state now. */
  from: Y.Snapshot;
  to: Y.Snapshot;
  fromEntry: HistoryEntry;
  toEntry: HistoryEntry;
  attribution: Attribution;
  /** Authors of the entries after the start, in order of their first change. */
  authors: string[];
}

/** A range of one client's clocks and the author of the entry that carried it. */
interface Span {
  from: number;
  to: number;
  author: string | null;
}

/**
 * Replays `entries` (a page's history, in order) into a doc that keeps deleted content, taking
 * a snapshot after the last entry with `seq <= fromSeq` (the first entry when none is) and
 * after the last entry. Changes are attributed to the entry that first carried them.
 * Throws `RangeError` for an empty history.
 */
export function replayHistory(entries: readonly HistoryEntry[], fromSeq: number): Replay {
  const first = entries[0];
  if (!first) throw new RangeError("a page's history has at least its first entry");
  const doc = new Y.Doc({ gc: false });
  doc.getXmlFragment(pageFragmentName);
  doc.getMap(pageMetaName);
  const inserted = new Map<number, Span[]>();
  const deleted = new Map<number, Span[]>();
  const authors: string[] = [];
  let from: Y.Snapshot | null = null;
  let fromEntry = first;
  for (const entry of entries) {
    const isStart = entry === first || entry.seq <= fromSeq;
    // The state compared against: everything up to the last entry of the start.
    if (!isStart && from === null) from = Y.snapshot(doc);
    const decoded = Y.decodeUpdate(entry.update);
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      const spans = inserted.get(struct.id.client) ?? [];
      spans.push({ from: struct.id.clock, to: struct.id.clock + struct.length, author: entry.author });
      inserted.set(struct.id.client, spans);
    }
    Y.applyUpdate(doc, entry.update);
    if (isStart) {
      fromEntry = entry;
      continue;
    }
    for (const [client, items] of decoded.ds.clients) {
      const spans = deleted.get(client) ?? [];
      for (const { clock, len } of items) spans.push({ from: clock, to: clock + len, author: entry.author });
      deleted.set(client, spans);
    }
    if (entry.author && !authors.includes(entry.author)) authors.push(entry.author);
  }
  from ??= Y.snapshot(doc);
  // The first span that holds the id: the entry that first carried the change.
  const spanIn = (spans: Map<number, Span[]>, id: Y.ID) =>
    spans.get(id.client)?.find((span) => span.from <= id.clock && id.clock < span.to) ?? null;
  return {
    doc,
    from,
    to: Y.snapshot(doc),
    fromEntry,
    toEntry: entries.at(-1)!,
    authors,
    attribution: {
      insertedBy: (id) => spanIn(inserted, id)?.author ?? null,
      deletedBy: (id) => spanIn(deleted, id)?.author ?? null,
    },
  };
}
