import type { SourceLine } from "@galley/core";

/**
 * The few server calls the editor itself makes (the collaboration socket aside): who am I, and
 * the page's source lines. `base` is the server's origin (`http(s)://host:port`), `token` a
 * Galley access token sent as a bearer token; without one the browser's session cookie is used.
 */

/** Roles the server knows. */
export type Role = "viewer" | "editor" | "admin";

/** What the server says about the page's source, as the editor uses it. */
export interface PageSource {
  lines: SourceLine[];
  /** Page size in pixels, when the source has geometry. */
  width?: number;
  height?: number;
}

/** The server's answer was not a success; `status` is the HTTP status. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ServerError";
  }
}

/** The HTTP(S) origin for a server URL given as http(s), ws(s) or "" (this page's origin). */
export function httpBase(url: string): string {
  const base = url || globalThis.location?.origin || "";
  return base.replace(/^ws(s?):/, "http$1:").replace(/\/+$/, "");
}

/** The websocket URL of the collaboration endpoint (`…/collab`) for a server URL. */
export function collabUrl(url: string): string {
  return `${httpBase(url).replace(/^http(s?):/, "ws$1:")}/collab`;
}

async function getJson(base: string, path: string, token?: string): Promise<unknown> {
  const response = await fetch(`${httpBase(base)}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: "include",
  });
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ServerError(response.status, message);
  }
  return response.json();
}

/** Asks the server who the token (or session) belongs to and with what role. */
export async function fetchMe(base: string, token?: string): Promise<{ user: string; role: Role }> {
  const me = (await getJson(base, "/api/me", token)) as { user?: unknown; role?: unknown; name?: unknown };
  const role = me.role === "viewer" || me.role === "editor" || me.role === "admin" ? me.role : "viewer";
  const user = typeof me.user === "string" ? me.user : typeof me.name === "string" ? me.name : "";
  return { user, role };
}

/** What the editor needs to know about a page besides its text. */
export interface PageFacts {
  role: Role;
  /** Whether the server has the page's image (`GET /api/pages/:pageId/image`). */
  hasImage: boolean;
}

/**
 * The caller's role on one page (per-issue roles apply) and whether it has an image, from
 * `GET /api/pages/:pageId/info`. A 404 means the page does not exist: a `ServerError` with
 * status 404 is thrown.
 */
export async function fetchPageFacts(base: string, pageId: string, token?: string): Promise<PageFacts> {
  const info = (await getJson(base, `/api/pages/${encodeURIComponent(pageId)}/info`, token)) as {
    role?: unknown;
    hasImage?: unknown;
  };
  const role =
    info.role === "viewer" || info.role === "editor" || info.role === "admin"
      ? info.role
      : (await fetchMe(base, token)).role;
  return { role, hasImage: info.hasImage === true };
}

/** The URL of the page's image; with a token, the token goes in the query (an `<img>` sends no header). */
export function pageImageUrl(base: string, pageId: string, token?: string): string {
  const url = `${httpBase(base)}/api/pages/${encodeURIComponent(pageId)}/image`;
  return token ? `${url}?token=${encodeURIComponent(token)}` : url;
}

/** Fetches the page's original OCR lines. Accepts a bare array or `{ lines, width?, height? }`. */
export async function fetchPageSource(base: string, pageId: string, token?: string): Promise<PageSource> {
  const body = await getJson(base, `/api/pages/${encodeURIComponent(pageId)}/lines`, token);
  if (Array.isArray(body)) return { lines: body as SourceLine[] };
  const source = body as Partial<PageSource>;
  return {
    lines: Array.isArray(source.lines) ? source.lines : [],
    ...(typeof source.width === "number" ? { width: source.width } : {}),
    ...(typeof source.height === "number" ? { height: source.height } : {}),
  };
}
