import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { Http2SecureServer, Http2Server } from "node:http2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isInputError } from "@galley/core";
import type { LineModel } from "@galley/core/model";
import { isExportError } from "@galley/export";
import { createNodeWebSocket } from "@hono/node-ws";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { UpgradeWebSocket } from "hono/ws";
import { crossSiteProtection, normalizeOrigins } from "./auth/origin-check.ts";
import type { Authenticate } from "./auth/principal.ts";
import { defaultSignInLimits, SignInGuard, type SignInLimits } from "./auth/sign-in-guard.ts";
import { createTokenAuthenticator } from "./auth/token-auth.ts";
import type { Bus } from "./bus/bus.ts";
import type { GalleyDeps, GalleyEnv } from "./context.ts";
import { adaptTask } from "./jobs/adapt-task.ts";
import { isJobError, jobErrorStatus } from "./jobs/job-error.ts";
import { JobRegistry } from "./jobs/job-registry.ts";
import { Semaphore } from "./jobs/semaphore.ts";
import { WorkerPool } from "./jobs/worker-pool.ts";
import { defaultLimits, type Limits } from "./limits.ts";
import { createConsoleLogger, type Logger } from "./logger.ts";
import type { RecognizeImage } from "./pages/ocr.ts";
import { PublicationModels } from "./pages/publication-model.ts";
import { registerCollabRoutes } from "./routes/collab.ts";
import { registerExportRoutes } from "./routes/export.ts";
import { registerHistoryRoutes } from "./routes/history.ts";
import { registerIssueRoutes } from "./routes/issues.ts";
import { registerJobRoutes } from "./routes/jobs.ts";
import { registerPageRoutes } from "./routes/pages.ts";
import { registerSessionRoutes } from "./routes/session.ts";
import { registerTokenRoutes } from "./routes/tokens.ts";
import { registerUploadRoutes } from "./routes/upload.ts";
import { registerWebRoutes } from "./routes/web.ts";
import { securityHeaders } from "./security-headers.ts";
import { isConflictError } from "./storage/errors.ts";
import type { Storage } from "./storage/storage.ts";
import type { CompactionPolicy } from "./sync/compactor.ts";
import { DocLoadError } from "./sync/doc-state.ts";
import { SyncServer } from "./sync/sync-server.ts";

/** Options for `createGalleyApp`. Only `storage` is required. */
export interface GalleyAppOptions {
  storage: Storage;
  /** Who is asking; default: Galley's own tokens (Bearer, `?token=`, session cookie). */
  authenticate?: Authenticate;
  /**
   * The host's websocket upgrader, when Galley is mounted in a host app: create it with
   * `createNodeWebSocket({ app: host })` and call its `injectWebSocket(server)` yourself.
   * Absent: the factory creates one for its own app and returns `injectWebSocket`.
   */
  upgradeWebSocket?: UpgradeWebSocket;
  /**
   * The model the server decides articles with and adapts to each publication (see
   * `PublicationModels`); default: core's `shippedModel()`. Another model (one fitted without a
   * newspaper, to measure what learning it brings) goes to the workers with each task that
   * needs it, and an upload it decides unadapted answers `model: "base"` rather than `"shipped"`.
   */
  baseModel?: LineModel;
  /** OCR for image uploads (e.g. `@galley/ocr`'s `recognizeImage`); absent: images get 415. */
  ocr?: RecognizeImage | null;
  /**
   * The worker module for the worker pool: the compiled CLI passes its `galley-worker.js`.
   * Absent: `jobs/worker-ts.mjs` beside the sources, which loads `worker.ts` through tsx.
   */
  workerFile?: string;
  /** Directory of the built web app (`apps/web/dist`); absent or null: only a note at `/`. */
  webRoot?: string | null;
  limits?: Partial<Limits>;
  /** Fan-out to other server processes on the same storage (PostgreSQL + Redis). */
  bus?: Bus | null;
  logger?: Logger;
  /** When to compact a page's update log (default: 500 updates, then 1 s without one). */
  compaction?: Partial<CompactionPolicy>;
  /**
   * CSP `frame-ancestors`: who may show Galley's pages in a frame. Default `'self'`; a host
   * CMS that frames the app (rather than mounting the editor with `mountEditor`) adds its
   * origin, e.g. `"'self' https://cms.example.org"`.
   */
  frameAncestors?: string;
  /**
   * Origins besides Galley's own whose pages may make changes with the session cookie (and open
   * the websocket with it), e.g. `["https://cms.example.org"]` for a host CMS on another origin
   * that calls Galley with `credentials: "include"`. Requests with `Authorization` need none.
   */
  trustedOrigins?: readonly string[];
  /**
   * How many reverse proxies in front of Galley append the client's address to
   * `X-Forwarded-For` (default 0: the TCP peer is the client). Failed sign-ins are counted per
   * client address.
   */
  trustProxy?: number;
  /** Limits on failed sign-ins (see `SignInGuard`). */
  signInLimits?: Partial<SignInLimits>;
}

/** What `createGalleyApp` returns. */
export interface GalleyApp {
  /** The Hono app: serve it, or mount it with `host.route("/galley", galley.app)`. */
  app: Hono<GalleyEnv>;
  /** The sync engine (for tests and stats: `sync.loadedPages`). */
  sync: SyncServer;
  /** Attaches the websocket upgrade handler to the HTTP server; null when the host passed `upgradeWebSocket`. */
  injectWebSocket: ((server: Server | Http2Server | Http2SecureServer) => void) | null;
  /** The worker pool (for tests and stats: `pool.threads`, `pool.running`). */
  pool: WorkerPool;
  /** The upload and export jobs. */
  jobs: JobRegistry;
  /**
   * Stops gracefully: cancels unfinished jobs and ends the workers, refuses new sockets, stores
   * what was received, closes sockets with 1001, compacts. Storage stays open.
   */
  shutdown(): Promise<void>;
}

/**
 * Builds Galley's server as a Hono app: the REST API under `/api`, the y-websocket endpoint
 * `/collab/:pageId`, `/healthz`, and the web app. Errors are JSON `{ error }` with their
 * status, from one `onError`.
 */
export function createGalleyApp(options: GalleyAppOptions): GalleyApp {
  const app = new Hono<GalleyEnv>();
  const logger = options.logger ?? createConsoleLogger();
  const limits: Limits = { ...defaultLimits, ...options.limits };
  // Follows the work limits a host set, unless it set this one too.
  if (options.limits?.uploadsAtOnce === undefined) limits.uploadsAtOnce = limits.workers + limits.jobQueue;
  let upgradeWebSocket = options.upgradeWebSocket;
  let injectWebSocket: GalleyApp["injectWebSocket"] = null;
  if (!upgradeWebSocket) {
    const nodeWs = createNodeWebSocket({ app });
    // A frame past twice the message limit is cut off by `ws` itself (1009) before it is
    // buffered; between the two limits the engine closes with 4413 and says why.
    nodeWs.wss.options.maxPayload = limits.messageBytes * 2;
    upgradeWebSocket = nodeWs.upgradeWebSocket as UpgradeWebSocket;
    injectWebSocket = nodeWs.injectWebSocket;
  }
  const sync = new SyncServer({
    storage: options.storage,
    logger,
    bus: options.bus ?? null,
    maxMessageBytes: limits.messageBytes,
    maxBacklogBytes: limits.clientBacklogBytes,
    presence: {
      presenceClients: limits.presenceClients,
      presenceStateBytes: limits.presenceStateBytes,
      presenceBytesPerSecond: limits.presenceBytesPerSecond,
    },
    ...(options.compaction ? { compaction: options.compaction } : {}),
  });
  const pool = new WorkerPool({
    workers: limits.workers,
    queue: limits.jobQueue,
    timeoutMs: limits.jobTimeoutMs,
    memoryMb: limits.jobMemoryMb,
    idleMs: limits.workerIdleMs,
    nice: limits.workerNice,
    ...(options.workerFile ? { file: options.workerFile } : {}),
  });
  // Export jobs' files live here until their job expires; the directory goes at shutdown.
  const scratchDir = mkdtempSync(join(tmpdir(), "galley-jobs-"));
  const jobs = new JobRegistry(limits.jobRetentionMs, (result) => rmSync(result.path, { force: true }));
  const trustedOrigins = normalizeOrigins(options.trustedOrigins ?? []);
  const deps: GalleyDeps = {
    storage: options.storage,
    sync,
    authenticate: options.authenticate ?? createTokenAuthenticator(options.storage, { trustedOrigins }),
    logger,
    limits,
    ocr: options.ocr ?? null,
    pool,
    ocrSlots: new Semaphore(limits.ocrRuns, limits.jobQueue, "OCR runs"),
    uploadSlots: new Semaphore(limits.uploadsAtOnce, 0, "uploads coming in"),
    jobs,
    models: new PublicationModels({
      storage: options.storage,
      logger,
      ...(options.baseModel ? { base: options.baseModel } : {}),
      adapt: (pages, base) => pool.run(adaptTask(pages, base)),
    }),
    scratchDir,
    signIn: new SignInGuard({ ...defaultSignInLimits, ...options.signInLimits }, logger),
    trustProxy: options.trustProxy ?? 0,
    trustedOrigins,
  };

  app.use("*", securityHeaders(options.frameAncestors ?? "'self'"));
  app.use("*", crossSiteProtection(trustedOrigins, logger));
  app.onError((error, c) => errorResponse(error, c, logger));
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.get("/healthz", (c) => c.json({ ok: true }));
  registerSessionRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerIssueRoutes(app, deps);
  registerUploadRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerPageRoutes(app, deps);
  registerHistoryRoutes(app, deps);
  registerCollabRoutes(app, deps, upgradeWebSocket);
  registerWebRoutes(app, deps, options.webRoot ?? null);

  const shutdown = async () => {
    jobs.close();
    await pool.close();
    rmSync(scratchDir, { recursive: true, force: true });
    await sync.shutdown();
  };
  return { app, sync, injectWebSocket, pool, jobs, shutdown };
}

function errorResponse(error: Error, c: Context<GalleyEnv>, logger: Logger): Response {
  if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
  if (isInputError(error)) return c.json({ error: error.message }, inputErrorStatus(error.code));
  if (isConflictError(error)) return c.json({ error: error.message }, 409);
  if (isJobError(error)) {
    const status = jobErrorStatus(error.code);
    if (error.code === "busy") c.header("Retry-After", String(retryAfterSeconds));
    return c.json({ error: error.message }, status);
  }
  if (isExportError(error))
    return c.json({ error: error.message }, error.code === "unknown-format" ? 400 : 422);
  const context = { method: c.req.method, path: c.req.path, user: c.get("principal")?.user, error };
  if (error instanceof DocLoadError) {
    logger.error("stored page does not load", context);
    return c.json({ error: `${error.message}; nothing was changed` }, 500);
  }
  logger.error("request failed", context);
  return c.json({ error: "internal server error" }, 500);
}

/** What a 503 for a full queue tells the client to wait, in seconds. */
const retryAfterSeconds = 10;

function inputErrorStatus(code: string): ContentfulStatusCode {
  if (code === "too-large") return 413;
  if (code === "unknown-format" || code === "unsupported") return 415;
  return 400;
}
