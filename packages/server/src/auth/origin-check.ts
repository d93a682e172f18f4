import type { MiddlewareHandler } from "hono";
import type { Logger } from "../logger.ts";

/** Why a browser request does not come from Galley's own origin, or null when it does. */
export function crossSiteProblem(request: Request, trustedOrigins: readonly string[]): string | null {
  const origin = request.headers.get("origin");
  if (origin !== null && trustedOrigins.includes(origin.toLowerCase())) return null;
  // Sent by every current browser, computed by the browser itself: right behind any proxy.
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return null;
    return `a ${site} request${origin ? ` from ${origin}` : ""}`;
  }
  // No Origin either: not a browser (curl, a server), or one too old to send it.
  if (origin === null) return null;
  if (origin === "null") return "a request from an opaque origin";
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return `a request from origin ${origin}`;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim().toLowerCase();
  const own = request.headers.get("host")?.toLowerCase() ?? new URL(request.url).host.toLowerCase();
  return host === own || host === forwarded ? null : `a request from ${origin}`;
}

/** `trustedOrigins` as they are compared: lower-case `scheme://host[:port]`. */
export function normalizeOrigins(origins: readonly string[]): string[] {
  return origins.map((origin) => {
    try {
      return new URL(origin).origin.toLowerCase();
    } catch {
      throw new RangeError(`trustedOrigins: "${origin}" is not an origin like https://cms.example.org`);
    }
  });
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses (403) a state-changing request (anything but GET, HEAD, OPTIONS) that a browser sent
 * from another origin — a cross-site form or `fetch` riding on the session cookie — unless it
 * comes from one of `trustedOrigins`. A request with an `Authorization` header is not checked:
 * a page on another site cannot add one without the server's CORS consent, and API clients
 * that send it carry their own credential, not the browser's.
 */
export function crossSiteProtection(trustedOrigins: readonly string[], logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method) || c.req.header("authorization") !== undefined) return next();
    const problem = crossSiteProblem(c.req.raw, trustedOrigins);
    if (!problem) return next();
    logger.warn("refused a cross-site request", { method: c.req.method, path: c.req.path, problem });
    return c.json(
      {
        error: `refused ${problem}: a change must come from this site's own pages (or send Authorization: Bearer)`,
      },
      403,
    );
  };
}
