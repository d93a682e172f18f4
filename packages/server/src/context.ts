import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { clientAddress } from "./auth/client-address.ts";
import type { Authenticate, Principal } from "./auth/principal.ts";
import { roleAllows, roleFor } from "./auth/principal.ts";
import type { SignInGuard } from "./auth/sign-in-guard.ts";
import { readCredential } from "./auth/token-auth.ts";
import { hashToken } from "./auth/tokens.ts";
import type { JobRegistry } from "./jobs/job-registry.ts";
import type { Semaphore } from "./jobs/semaphore.ts";
import type { WorkerPool } from "./jobs/worker-pool.ts";
import type { Limits } from "./limits.ts";
import type { Logger } from "./logger.ts";
import type { RecognizeImage } from "./pages/ocr.ts";
import type { PublicationModels } from "./pages/publication-model.ts";
import type { Role, Storage } from "./storage/storage.ts";
import type { SyncServer } from "./sync/sync-server.ts";

/** Hono's environment for Galley's routes: the authenticated principal, once looked up. */
export interface GalleyEnv {
  Variables: { principal: Principal };
}

/** Everything a route needs: built once by `createGalleyApp`, passed to each route module. */
export interface GalleyDeps {
  storage: Storage;
  sync: SyncServer;
  authenticate: Authenticate;
  logger: Logger;
  limits: Limits;
  ocr: RecognizeImage | null;
  /** Worker threads for reconstruction, ingest and export. */
  pool: WorkerPool;
  /** Bounds the Tesseract runs at once. */
  ocrSlots: Semaphore;
  /** Bounds the upload bodies being received at once (`limits.uploadsAtOnce`; none wait). */
  uploadSlots: Semaphore;
  /** Upload and export jobs. */
  jobs: JobRegistry;
  /** The models adapted to publications from their approved pages, fitted in the pool and kept. */
  models: PublicationModels;
  /** Directory for export jobs' files. */
  scratchDir: string;
  /** Rate-limits and logs failed sign-ins. */
  signIn: SignInGuard;
  /** Reverse proxies in front of the server that append to `X-Forwarded-For` (0: none). */
  trustProxy: number;
  /** Origins besides the server's own whose pages may make cookie-authenticated changes. */
  trustedOrigins: readonly string[];
}

/** The caller, or a 401 when `authenticate` does not know them. Looked up once per request. */
export async function requirePrincipal(c: Context<GalleyEnv>, deps: GalleyDeps): Promise<Principal> {
  const known = c.get("principal");
  if (known) return known;
  const result = await authenticateRequest(c, deps);
  if ("wait" in result) tooManyFailures(c, result.wait);
  if (!result.principal)
    throw new HTTPException(401, {
      message: "a valid token is required (Authorization: Bearer, ?token= or the session cookie)",
    });
  c.set("principal", result.principal);
  return result.principal;
}

/**
 * Asks `authenticate` who sent the request, through the sign-in guard: a request that carries
 * a credential from an address with too many failed sign-ins is not looked at (`wait`: seconds),
 * and a refused credential counts as a failed sign-in.
 */
export async function authenticateRequest(
  c: Context,
  deps: GalleyDeps,
): Promise<{ principal: Principal | null } | { wait: number }> {
  const credential = readCredential(c.req.raw);
  const hash = credential?.token ? hashToken(credential.token) : null;
  const address = clientAddress(c, deps.trustProxy);
  if (hash) {
    const wait = deps.signIn.admit(address, hash);
    if (wait !== null) return { wait };
  }
  const principal = await deps.authenticate(c.req.raw);
  if (hash && principal) deps.signIn.succeeded(hash);
  else if (hash) deps.signIn.failed(address, `${c.req.method} ${c.req.path} (${credential?.source})`);
  return { principal };
}

/** Throws 429 with `Retry-After`: too many failed sign-ins from the caller's address. */
export function tooManyFailures(c: Context, wait: number): never {
  c.header("Retry-After", String(wait));
  throw new HTTPException(429, {
    message: `too many failed sign-ins from your address; try again in ${wait} s`,
  });
}

/**
 * Checks that `principal` has at least `needed` on `issueId` (null: the whole installation);
 * throws 403 otherwise. Returns the principal's role there.
 */
export function requireRole(principal: Principal, issueId: string | null, needed: Role): Role {
  const role = roleFor(principal, issueId);
  if (!role)
    throw new HTTPException(403, {
      message: issueId ? `this token does not reach issue ${issueId}` : "this token is limited to one issue",
    });
  if (!roleAllows(role, needed))
    throw new HTTPException(403, { message: `this needs the ${needed} role; the token has ${role}` });
  return role;
}

/** Throws a JSON error response with `status` and `message`. */
export function fail(
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
  message: string,
): never {
  throw new HTTPException(status, { message });
}
