import type { SourceFormat } from "@galley/core";
import type { ArticleStatus } from "@galley/doc";

/** What a token lets its holder do: viewer reads and shares presence, editor also writes, admin also manages. */
export type Role = "viewer" | "editor" | "admin";

/** Editorial status of a page, the same scale as an article's. */
export type PageStatus = ArticleStatus;

/** One issue of the paper. */
export interface IssueRecord {
  id: string;
  title: string;
  /** Publication date, ISO `YYYY-MM-DD`. */
  date: string;
  /** The paper's name ("科学导报", "The Times"), at most 200 characters; null or absent when not given. */
  publication?: string | null;
  /** ISO timestamp of creation. */
  createdAt: string;
}

/** One page of an issue, without its bytes. */
export interface PageRecord {
  id: string;
  issueId: string;
  /** Printed page number, 1-based; unique within the issue. */
  number: number;
  /** The OCR format the reconstruction read (`hocr` for an image that was OCR'd). */
  format: SourceFormat;
  status: PageStatus;
  /** Articles on the page, as of the last upload or compaction. */
  articleCount: number;
  /** MIME type of the original upload (`image/png` for a scan). */
  sourceType: string;
  /** Size of the original upload in bytes. */
  sourceSize: number;
  /** Page size in pixels, when the source has geometry. */
  width: number | null;
  height: number | null;
  createdAt: string;
  /**
   * MIME type of the page image uploaded beside an OCR file (`image/png` …), or null when
   * there is none. A scan (`sourceType` `image/…`) is its own image and has null here.
   */
  imageType?: string | null;
}

/** A page image stored beside its OCR file. */
export interface PageImage {
  bytes: Uint8Array;
  /** `image/png`, `image/jpeg` or `image/tiff`. */
  contentType: string;
}

/** A page to create: its record, the original bytes and the Y.Doc's first update. */
export interface NewPage extends Omit<PageRecord, "sourceSize" | "imageType"> {
  /** The upload, byte for byte. */
  source: Uint8Array;
  /** The OCR text the reconstruction read when the upload was an image (hOCR), else null. */
  ocrText: string | null;
  /** The page's Y.Doc state as its first update. */
  firstUpdate: Uint8Array;
  /** The page image uploaded with an OCR file (hOCR, ALTO, PAGE), stored beside it. */
  image?: PageImage | null;
}

/** The stored state of one page's Y.Doc: the last snapshot and the updates appended since. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** In append order. Applying the snapshot and then these gives the document. */
  updates: Uint8Array[];
}

/** One update for a page's log (`Storage.appendLog`). */
export interface LogEntry {
  pageId: string;
  update: Uint8Array;
  /** Who made it (the user name of the token); null or absent for the server's own changes. */
  author?: string | null;
}

/**
 * One stored update in a page's history. The history keeps every update a page ever stored,
 * with who and when; unlike the log it is never folded into a snapshot (it goes with the page).
 */
export interface HistoryEntry {
  /** Increasing within the page (not contiguous: pages share one sequence). */
  seq: number;
  /** Who made it; null for the server's own (the reconstruction on upload, repairs). */
  author: string | null;
  /** When it was stored, ISO. */
  at: string;
  update: Uint8Array;
}

/** Why a version was made: named by an editor, or made when the page was approved. */
export type VersionKind = "named" | "approved";

/** A saved state of a page: a name, who and when, the history it includes, and the state itself. */
export interface VersionRecord {
  id: string;
  pageId: string;
  name: string;
  kind: VersionKind;
  author: string | null;
  at: string;
  /** The last history entry the version includes. */
  seq: number;
}

/** Kinds of token: `access` (long-lived, from `galley token create`), `login` (one-time), `session` (cookie). */
export type TokenKind = "access" | "login" | "session";

/** A stored token. The token itself is never stored, only its SHA-256 (`hash`, hex). */
export interface TokenRecord {
  hash: string;
  /** A public name for the token, for listing and revoking (`t-` and the first 16 hex digits of `hash`). */
  id: string;
  kind: TokenKind;
  role: Role;
  /** The issue the token is limited to, or null for every issue. */
  issueId: string | null;
  /** Who holds it, as shown to other editors. */
  user: string;
  name: string | null;
  createdAt: string;
  /** ISO timestamp after which the token is refused, or null for never. */
  expiresAt: string | null;
  /** ISO timestamp of the last request it authenticated (recorded at most once a minute), or null. */
  lastUsedAt: string | null;
  /** For a session: the id of the token it was started with (revoking that ends it too); else null. */
  parentId: string | null;
}

/** Fields of a page an editor or admin may change after upload. */
export interface PagePatch {
  status?: PageStatus;
  articleCount?: number;
}

/**
 * Persistence for issues, pages, original sources, the per-page update log, snapshots and
 * tokens. Every implementation passes the conformance suite in `tests/server/storage/`.
 *
 * Invariants: a promise that resolves means the write is durable (committed); a write that
 * rejects left nothing behind. `appendUpdates` keeps the order of its argument.
 */
export interface Storage {
  createIssue(issue: IssueRecord): Promise<void>;
  getIssue(id: string): Promise<IssueRecord | null>;
  /** All issues, newest date first. */
  listIssues(): Promise<IssueRecord[]>;

  /**
   * Creates the page, stores its source (and image) and appends its first update, atomically:
   * the page is visible with all of it or not at all. Throws `ConflictError` when the issue already has a page with that number. */
  createPage(page: NewPage): Promise<void>;
  getPage(id: string): Promise<PageRecord | null>;
  /** The issue's pages by page number. */
  listPages(issueId: string): Promise<PageRecord[]>;
  /** Returns false when there is no such page. */
  updatePage(id: string, patch: PagePatch): Promise<boolean>;
  /** Deletes the page with its source, log and snapshot. Returns false when there is no such page. */
  deletePage(id: string): Promise<boolean>;
  /** The original upload and the OCR text derived from it (images only). */
  getPageSource(
    id: string,
  ): Promise<{ bytes: Uint8Array; contentType: string; ocrText: string | null } | null>;

  /** The page image stored beside the page's OCR file, or null (no such page, or none uploaded). */
  getPageImage(id: string): Promise<PageImage | null>;

  /** Appends updates to a page's log in one transaction. Throws when the page does not exist. */
  appendUpdates(pageId: string, updates: Uint8Array[]): Promise<void>;
  /**
   * Appends updates to the logs of any number of pages in one transaction (one commit: the
   * group commit of every page's updates that arrived together), each page's in the order
   * given. Throws, storing none of them, when any page does not exist.
   */
  appendLog(entries: readonly LogEntry[]): Promise<void>;
  /**
   * The page's history in order: every update it stored (the first one is the page as uploaded,
   * or for a page stored before the history existed its state then), with `seq > afterSeq`
   * when given. Null when there is no such page.
   */
  readHistory(pageId: string, afterSeq?: number): Promise<HistoryEntry[] | null>;
  /**
   * Saves the page's stored state as a version, atomically: the state `merge` computes from what
   * is stored now, and the last history entry that state includes. Null when there is no page.
   */
  createVersion(
    version: Omit<VersionRecord, "seq">,
    merge: (doc: StoredDoc) => Uint8Array,
  ): Promise<VersionRecord | null>;
  /** The page's versions, oldest first. */
  listVersions(pageId: string): Promise<VersionRecord[]>;
  /** One version with its state (a Yjs update holding the whole page), or null. */
  getVersion(id: string): Promise<{ version: VersionRecord; state: Uint8Array } | null>;
  /** The page's snapshot and log, or null when there is no such page. */
  loadDoc(pageId: string): Promise<StoredDoc | null>;
  /**
   * Folds the snapshot and the updates present now into one new snapshot computed by `merge`,
   * and removes exactly those updates, atomically. Updates appended meanwhile stay in the log.
   * When `merge` throws, nothing changes. Returns the number of updates folded.
   */
  compactDoc(pageId: string, merge: (doc: StoredDoc) => Uint8Array): Promise<number>;

  createToken(token: TokenRecord): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  /** Removes a token and returns it, atomically: of two concurrent calls one gets the record, the other null. */
  takeToken(hash: string): Promise<TokenRecord | null>;
  /** Every stored token (expired ones included), oldest first. */
  listTokens(): Promise<TokenRecord[]>;
  /**
   * Removes the token with public id `id` and every session started with it (`parentId`), in one
   * transaction; returns the token, or null when there is none (then nothing is removed).
   */
  revokeToken(id: string): Promise<TokenRecord | null>;
  /** Records that the token was used at `at` (ISO). Unknown hashes are ignored. */
  touchToken(hash: string, at: string): Promise<void>;
  /** Removes the tokens that expired before `now` (ISO); returns how many. */
  deleteExpiredTokens(now: string): Promise<number>;

  /** Releases connections and file handles; the storage is unusable afterwards. */
  close(): Promise<void>;
}
