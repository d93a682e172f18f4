import { ApiError } from "./api.ts";

/**
 * The page history's REST calls (`/api/pages/:pageId/history`, `/versions`, `/changes`), same
 * origin with the session cookie, as `api.ts`. The shapes are those of docs/server.md (the
 * server's `HistorySession`, `VersionRecord`, `PageDiff`), as far as the panel reads them.
 */

/** One editor's stretch of work. */
export interface HistorySession {
  author: string | null;
  from: string;
  to: string;
  firstSeq: number;
  updates: number;
  inserted: number;
  deleted: number;
}

/** A saved version of the page. */
export interface VersionRecord {
  id: string;
  name: string;
  kind: "named" | "approved";
  author: string | null;
  at: string;
}

/** A block as the diff names it. */
export interface BlockRef {
  lines: string[];
  role: string;
  text: string;
}

/** One run of a text diff. */
export interface TextRun {
  type: "same" | "insert" | "delete";
  text: string;
  by: string | null;
}

/** What changed in one article (or, without `id`, outside articles). */
export interface ArticleDiff {
  id: string;
  change: "added" | "removed" | "changed";
  splitFrom: string[];
  mergedInto: string[];
  titles: { role: string; before: string | null; after: string | null }[];
  status: { before: string; after: string; by: string | null } | null;
  boundaries: { block: BlockRef; from: string | null; to: string | null; by: string | null }[];
  moved: BlockRef[];
  roles: { block: BlockRef; before: string; after: string; by: string | null }[];
  text: { block: BlockRef; kind: "edited" | "added" | "removed"; runs: TextRun[] }[];
}

/** What changed on a page between two of its states. */
export interface PageDiff {
  authors: string[];
  articles: ArticleDiff[];
  unchanged: number;
  outside: Omit<ArticleDiff, "id" | "change" | "splitFrom" | "mergedInto" | "titles" | "status">;
}

/** A page's history: editors' sessions and saved versions, newest first. */
export interface PageHistory {
  updates: number;
  sessions: HistorySession[];
  versions: VersionRecord[];
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? response.statusText);
  return body;
}

const pagePath = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}`;

/** The page's history. */
export function fetchHistory(pageId: string): Promise<PageHistory> {
  return call(`${pagePath(pageId)}/history`);
}

/** Saves the page as it is stored now under `name`. */
export function saveVersion(pageId: string, name: string): Promise<VersionRecord> {
  return call(`${pagePath(pageId)}/versions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
}

/** What changed since a version, or since the OCR's reading (`"reconstruction"`). */
export function fetchChanges(pageId: string, since: string): Promise<PageDiff> {
  return call(`${pagePath(pageId)}/changes?since=${encodeURIComponent(since)}`);
}

/** Brings the page back to a version, as a new change on top. */
export function restoreVersion(pageId: string, versionId: string): Promise<{ restored: boolean }> {
  return call(`${pagePath(pageId)}/versions/${encodeURIComponent(versionId)}/restore`, { method: "POST" });
}
