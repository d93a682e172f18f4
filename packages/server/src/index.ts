export { createGalleyApp, type GalleyApp, type GalleyAppOptions } from "./app.ts";
export { clientAddress } from "./auth/client-address.ts";
export { crossSiteProblem, crossSiteProtection } from "./auth/origin-check.ts";
export { type Authenticate, type Principal, roleAllows, roleFor } from "./auth/principal.ts";
export { startSession } from "./auth/session.ts";
export { addressKey, defaultSignInLimits, SignInGuard, type SignInLimits } from "./auth/sign-in-guard.ts";
export {
  createTokenAuthenticator,
  readCredential,
  sessionCookieName,
  type TokenAuthenticatorOptions,
} from "./auth/token-auth.ts";
export {
  generateToken,
  hashToken,
  isExpired,
  isRole,
  issueToken,
  loginTokenTtlMs,
  roles,
  sessionTtlMs,
  type TokenGrant,
  tokenIdOf,
} from "./auth/tokens.ts";
export type { Bus } from "./bus/bus.ts";
export { createLocalBus } from "./bus/local-bus.ts";
export type { GalleyDeps, GalleyEnv } from "./context.ts";
export type {
  ArticleDiff,
  BlockChanges,
  BlockRef,
  BoundaryChange,
  PageDiff,
  RoleChange,
  TextChange,
  TextRun,
  TitleChange,
} from "./history/page-diff.ts";
export { type PageHistory, readPageChanges, readPageHistory, saveVersion } from "./history/page-history.ts";
export { restoreUpdate } from "./history/restore.ts";
export { type HistorySession, sessionQuietMs } from "./history/sessions.ts";
export { isJobError, JobError, type JobErrorCode } from "./jobs/job-error.ts";
export { type Job, type JobKind, type JobPhase, JobRegistry, type JobState } from "./jobs/job-registry.ts";
export { defaultWorkerFile, type WorkerLimits, WorkerPool } from "./jobs/worker-pool.ts";
export { defaultLimits, type Limits } from "./limits.ts";
export { createConsoleLogger, type LogContext, type Logger, silentLogger } from "./logger.ts";
export { databaseFileName, openDataDir } from "./node/data-dir.ts";
export { lowerHelperThreads } from "./node/helper-threads.ts";
export { type GalleyServerOptions, type RunningGalleyServer, startGalleyServer } from "./node/serve.ts";
export {
  type CheckedUpload,
  checkUpload,
  createPageFromUpload,
  newId,
  type PageUpload,
  storeUpload,
  type UploadRuntime,
  uploadFormats,
} from "./pages/create-page.ts";
export { importIssue } from "./pages/import-issue.ts";
export { loadPageLines, type PageLines } from "./pages/ingest-source.ts";
export { readIssueData, type StoredIssueData, type StoredPageData } from "./pages/issue-data.ts";
export { loadIssueInput } from "./pages/issue-input.ts";
export { type ImageType, type RecognizeImage, type RecognizeOptions, sniffImage } from "./pages/ocr.ts";
export { loadPageDoc } from "./pages/page-doc.ts";
export { hasImage, loadPageImage } from "./pages/page-image.ts";
export {
  type ChosenModel,
  PublicationModels,
  type PublicationModelsOptions,
  shippedChoice,
} from "./pages/publication-model.ts";
export { ConflictError, isConflictError } from "./storage/errors.ts";
export { openSqliteStorage, type SqliteStorageOptions } from "./storage/sqlite/sqlite-storage.ts";
export type {
  HistoryEntry,
  IssueRecord,
  LogEntry,
  NewPage,
  PageImage,
  PagePatch,
  PageRecord,
  PageStatus,
  Role,
  Storage,
  StoredDoc,
  TokenKind,
  TokenRecord,
  VersionKind,
  VersionRecord,
} from "./storage/storage.ts";
export { CloseCode, type CloseCodeValue } from "./sync/close-codes.ts";
export { type CompactionPolicy, defaultCompactionPolicy } from "./sync/compactor.ts";
export type { SyncSocket } from "./sync/connection.ts";
export { buildDoc, DocLoadError, mergeStoredDoc } from "./sync/doc-state.ts";
export { defaultPresenceLimits, type PresenceLimits } from "./sync/presence-gate.ts";
export { MessageType } from "./sync/protocol.ts";
export { SyncServer, type SyncServerOptions, type SyncSession } from "./sync/sync-server.ts";
