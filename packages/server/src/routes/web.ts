import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Context, Hono } from "hono";
import { readCookie, sessionCookieName } from "../auth/token-auth.ts";
import { hashToken, isExpired } from "../auth/tokens.ts";
import type { GalleyDeps, GalleyEnv } from "../context.ts";
import { guardedSignIn, setSessionCookie } from "./session.ts";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Paths the web app routes itself: they get `index.html`. */
const appRoutes = /^\/(?:$|issues(?:\/|$)|pages(?:\/|$))/;

/**
 * The newsroom web app: static files from `webRoot` (the built `apps/web/dist`), `index.html`
 * for the app's own routes (`/`, `/issues/*`, `/pages/*`). A browser arriving at an app route
 * with `?token=` and no session is signed in here: the token is traded for the session cookie
 * and the browser redirected to the same URL without it. A browser that is signed in already
 * keeps its session — a link from anywhere (another site included) must never replace it
 * unasked — and gets the app with the token still in the URL: the app asks whether to switch.
 * Without a built app, `/` answers a short HTML note.
 */
export function registerWebRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps, webRoot: string | null): void {
  app.get("/*", async (c) => {
    const { base, path } = splitPath(c);
    const isAppRoute = appRoutes.test(path);
    const token = c.req.query("token");
    if (isAppRoute && token && !(await isOtherSignIn(c, deps, token))) {
      const result = await guardedSignIn(c, deps, token, "sign-in link");
      if ("started" in result && result.started) {
        setSessionCookie(c, result.started.session);
        const url = new URL(c.req.url);
        url.searchParams.delete("token");
        return c.redirect(`${url.pathname}${url.search}`, 302);
      }
    }
    const file = webRoot ? await findFile(webRoot, path) : null;
    if (file) return sendFile(c, file, path.startsWith("/assets/"));
    const index = webRoot ? await findFile(webRoot, "/index.html") : null;
    if (isAppRoute && index) return sendFile(c, index, false);
    if (isAppRoute) return c.html(notBuiltPage(base), 200, { "Cache-Control": "no-cache" });
    return c.json({ error: `no route GET ${c.req.path}` }, 404);
  });
}

/**
 * Whether the browser is signed in already as someone other than `token` would sign it in as
 * (another user, role or issue; or a token that is not valid at all). Signing in again as the
 * same person is harmless and goes ahead.
 */
async function isOtherSignIn(c: Context, deps: GalleyDeps, token: string): Promise<boolean> {
  const cookie = readCookie(c.req.header("cookie") ?? null, sessionCookieName);
  if (!cookie) return false;
  const session = await deps.storage.findToken(hashToken(cookie));
  if (!session || session.kind === "login" || isExpired(session)) return false;
  const link = await deps.storage.findToken(hashToken(token));
  return !(
    link &&
    !isExpired(link) &&
    link.user === session.user &&
    link.role === session.role &&
    link.issueId === session.issueId
  );
}

function splitPath(c: Context): { base: string; path: string } {
  // Mounted under a prefix (`host.route("/galley", app)`), the route pattern is "/galley/*".
  const base = c.req.routePath.replace(/\/?\*$/, "");
  const path = c.req.path.startsWith(base) ? c.req.path.slice(base.length) : c.req.path;
  return { base, path: path.startsWith("/") ? path : `/${path}` };
}

async function findFile(root: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function sendFile(c: Context, file: string, immutable: boolean): Promise<Response> {
  const bytes = await readFile(file);
  return c.body(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    200,
    {
      "Content-Type": contentTypes[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    },
  );
}

function notBuiltPage(base: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Galley</title></head>
<body>
<h1>Galley is running</h1>
<p>The web app is not built yet: run <code>pnpm --filter @galley/web build</code> and reload.
If you came here with a sign-in link, you are signed in already.</p>
<p>The API answers under <code>${base}/api/</code> (try <a href="${base}/api/me">${base}/api/me</a>);
health: <a href="${base}/healthz">${base}/healthz</a>.</p>
</body></html>
`;
}
