import type { SourceFormat } from "@galley/core";
import type {
  HistoryEntry,
  IssueRecord,
  PageRecord,
  PageStatus,
  Role,
  TokenKind,
  TokenRecord,
  VersionKind,
  VersionRecord,
} from "./storage.ts";

/** An `issues` row as the SQL adapters read it (column names shared by SQLite and PostgreSQL). */
export interface IssueRow {
  id: string;
  title: string;
  date: string;
  publication?: string | null;
  created_at: string;
}

/** A `pages` row without the source bytes; `source_size` is computed by the query. */
export interface PageRow {
  id: string;
  issue_id: string;
  number: number;
  format: string;
  status: string;
  article_count: number;
  source_type: string;
  source_size: number | string;
  width: number | null;
  height: number | null;
  created_at: string;
  image_type: string | null;
}

/** A `tokens` row. */
export interface TokenRow {
  hash: string;
  id: string;
  kind: string;
  role: string;
  issue_id: string | null;
  user: string;
  name: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  parent_id: string | null;
}

/**
 * The page columns every page query selects, with the source size instead of its bytes
 * (`source_size` is stored since the source may live in chunks; rows written before it have
 * their size computed).
 */
export const pageColumns =
  "id, issue_id, number, format, status, article_count, source_type, COALESCE(source_size, length(source)) AS source_size, width, height, created_at, image_type";

/** Maps an `issues` row to its record. */
export function issueFromRow(row: IssueRow): IssueRecord {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    publication: row.publication ?? null,
    createdAt: row.created_at,
  };
}

/** Maps a `pages` row to its record. */
export function pageFromRow(row: PageRow): PageRecord {
  return {
    id: row.id,
    issueId: row.issue_id,
    number: Number(row.number),
    format: row.format as SourceFormat,
    status: row.status as PageStatus,
    articleCount: Number(row.article_count),
    sourceType: row.source_type,
    sourceSize: Number(row.source_size),
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    createdAt: row.created_at,
    imageType: row.image_type ?? null,
  };
}

/** Maps a `tokens` row to its record. */
export function tokenFromRow(row: TokenRow): TokenRecord {
  return {
    hash: row.hash,
    id: row.id,
    kind: row.kind as TokenKind,
    role: row.role as Role,
    issueId: row.issue_id,
    user: row.user,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    parentId: row.parent_id,
  };
}

/** A `history` row (PostgreSQL gives `seq` as a string). */
export interface HistoryRow {
  seq: number | string;
  author: string | null;
  at: string;
  data: Uint8Array | ArrayBuffer;
}

/** Maps a `history` row to its entry. */
export function historyFromRow(row: HistoryRow): HistoryEntry {
  return { seq: Number(row.seq), author: row.author, at: row.at, update: bytesOf(row.data) };
}

/** A `versions` row without its state. */
export interface VersionRow {
  id: string;
  page_id: string;
  name: string;
  kind: string;
  author: string | null;
  at: string;
  seq: number | string;
}

/** Maps a `versions` row to its record. */
export function versionFromRow(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    pageId: row.page_id,
    name: row.name,
    kind: row.kind as VersionKind,
    author: row.author,
    at: row.at,
    seq: Number(row.seq),
  };
}

/**
 * A view of a driver's blob as a plain `Uint8Array` (no copy). Drivers differ: pg and libsql's
 * `get` give a `Buffer`, libsql's `all` an `ArrayBuffer`.
 */
export function bytesOf(blob: Uint8Array | ArrayBuffer): Uint8Array {
  if (blob instanceof ArrayBuffer) return new Uint8Array(blob);
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}
