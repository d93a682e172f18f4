import type { Storage, VersionRecord } from "../storage/storage.ts";
import { mergeStoredDoc } from "../sync/doc-state.ts";
import { diffPage, type PageDiff } from "./page-diff.ts";
import { replayHistory } from "./replay.ts";
import { groupSessions, type HistorySession, measureUpdate } from "./sessions.ts";

/** A page's history as the History panel shows it. */
export interface PageHistory {
  /** How many updates the page has stored (its first being the page as uploaded). */
  updates: number;
  /** Editors' sessions, newest first. */
  sessions: HistorySession[];
  /** Saved versions, newest first. */
  versions: VersionRecord[];
}

/** Reads a page's history grouped into sessions, with its versions; null when there is no page. */
export async function readPageHistory(storage: Storage, pageId: string): Promise<PageHistory | null> {
  const entries = await storage.readHistory(pageId);
  if (!entries) return null;
  const sessions = groupSessions(entries.map((entry) => ({ ...entry, ...measureUpdate(entry.update) })));
  const versions = (await storage.listVersions(pageId)).reverse();
  return { updates: entries.length, sessions, versions };
}

/**
 * What changed on a page since the history entry `sinceSeq` (a version's; 0 for the
 * reconstruction as it came out of OCR, the page's first entry), per article, with authors.
 * Null when there is no page.
 */
export async function readPageChanges(
  storage: Storage,
  pageId: string,
  sinceSeq: number,
): Promise<PageDiff | null> {
  const entries = await storage.readHistory(pageId);
  if (!entries) return null;
  const replay = replayHistory(entries, sinceSeq);
  try {
    return diffPage(replay);
  } finally {
    replay.doc.destroy();
  }
}

/** Saves the page's stored state as a version; null when there is no page. */
export function saveVersion(
  storage: Storage,
  version: Omit<VersionRecord, "seq">,
): Promise<VersionRecord | null> {
  return storage.createVersion(version, mergeStoredDoc);
}
