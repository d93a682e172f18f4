/**
 * The app's REST calls, same origin, authenticated by the `galley_session` cookie that
 * `POST /api/session` sets. Errors carry the HTTP status and the server's `{ error }` message.
 */

/** A failed API call. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A page of an issue as the issue view lists it. */
export interface PageSummary {
  id: string;
  number: number;
  status: string;
  articleCount: number;
}

/** An issue with its pages. */
export interface IssueDetail {
  id: string;
  title: string;
  date: string;
  /** The newspaper or magazine, when given (servers before it answer without it). */
  publication?: string | null;
  pages: PageSummary[];
}

/** An issue as the start page lists it. */
export interface IssueSummary {
  id: string;
  title: string;
  date: string;
  publication?: string | null;
  pages?: PageSummary[];
  pageCount?: number;
}

/** Who is signed in. */
export interface Me {
  user: string;
  role: "viewer" | "editor" | "admin";
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

/** Exchanges an access token for a session cookie. */
export function createSession(token: string): Promise<unknown> {
  return request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
}

/** The signed-in user and role. */
export async function fetchMe(): Promise<Me> {
  const me = await request<{ user?: unknown; name?: unknown; role?: Me["role"] }>("/api/me");
  const user = typeof me.user === "string" ? me.user : typeof me.name === "string" ? me.name : "?";
  return { user, role: me.role ?? "viewer" };
}

/** Every issue. Accepts a bare array or `{ issues }`. */
export async function fetchIssues(): Promise<IssueSummary[]> {
  const body = await request<IssueSummary[] | { issues: IssueSummary[] }>("/api/issues");
  return Array.isArray(body) ? body : body.issues;
}

/** One issue with its pages. */
export function fetchIssue(id: string): Promise<IssueDetail> {
  return request<IssueDetail>(`/api/issues/${encodeURIComponent(id)}`);
}

/** A page's metadata and the caller's role on it. */
export interface PageInfo {
  id: string;
  issueId: string;
  number: number;
  status: string;
  articleCount: number;
  hasImage?: boolean;
  /** Page size in pixels, when the source has geometry. */
  width?: number | null;
  height?: number | null;
  role: Me["role"];
}

/** One page's metadata (`GET /api/pages/:pageId/info`). */
export function fetchPageInfo(id: string): Promise<PageInfo> {
  return request<PageInfo>(`/api/pages/${encodeURIComponent(id)}/info`);
}

/** The export formats the server offers, in menu order. */
export const exportFormats = ["json", "html", "markdown", "nitf", "newsml", "epub", "alto"] as const;

/** The download URL of an issue in `format`. */
export function exportUrl(issueId: string, format: (typeof exportFormats)[number]): string {
  return `/api/issues/${encodeURIComponent(issueId)}/export?format=${format}`;
}

/** Creates an issue (admin): `POST /api/issues`. */
export function createIssue(input: {
  title: string;
  date: string;
  publication?: string;
}): Promise<IssueDetail> {
  return request<IssueDetail>("/api/issues", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

/** A page's articles as edited, as much as the page list shows of them. */
export interface PageArticles {
  articles: { id: string; status: string; headline: { text: string } | null }[];
}

/** The page as currently edited, in the reconstruction contract (`GET /api/pages/:pageId`). */
export function fetchPageArticles(id: string): Promise<PageArticles> {
  return request<PageArticles>(`/api/pages/${encodeURIComponent(id)}`);
}

/** Sets a page's status (editor): `PATCH /api/pages/:pageId`. */
export function setPageStatus(id: string, status: string): Promise<PageInfo> {
  return request<PageInfo>(`/api/pages/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ status }),
  });
}

/** Deletes a page (admin): `DELETE /api/pages/:pageId`. */
export async function deletePage(id: string): Promise<void> {
  const response = await fetch(`/api/pages/${encodeURIComponent(id)}`, {
    method: "DELETE",
    credentials: "same-origin",
  });
  if (!response.ok && response.status !== 404) {
    let message = response.statusText;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, message);
  }
}
