import type { Hono } from "hono";
import { roleFor } from "../auth/principal.ts";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { newId } from "../pages/new-id.ts";
import { hasImage } from "../pages/page-image.ts";
import type { IssueRecord, PageRecord } from "../storage/storage.ts";

/**
 * `GET /api/issues` (the issues the token reaches), `POST /api/issues` `{ title, date, publication? }`
 * (global admin), `GET /api/issues/:issueId` with its pages.
 */
export function registerIssueRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/issues", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const issues = (await deps.storage.listIssues()).filter((issue) => roleFor(principal, issue.id) !== null);
    const out = [];
    for (const issue of issues) {
      const pages = await deps.storage.listPages(issue.id);
      out.push({ ...issueBody(issue), pageCount: pages.length });
    }
    return c.json(out);
  });

  app.post("/api/issues", async (c) => {
    const principal = await requirePrincipal(c, deps);
    requireRole(principal, null, "admin");
    const body = await readJsonObject(c, deps.limits.jsonBytes, deps.limits.bodyIdleMs);
    const title = typeof body.title === "string" ? body.title.trim() : "";
    if (!title || title.length > 500) fail(400, "title must be a non-empty string of at most 500 characters");
    if (!isIsoDate(body.date)) fail(400, "date must be an ISO date YYYY-MM-DD");
    const publication = readPublication(body.publication);
    const issue: IssueRecord = {
      id: newId("i"),
      title,
      date: body.date,
      publication,
      createdAt: new Date().toISOString(),
    };
    await deps.storage.createIssue(issue);
    return c.json({ ...issueBody(issue), pages: [] }, 201);
  });

  app.get("/api/issues/:issueId", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const issueId = c.req.param("issueId");
    requireRole(principal, issueId, "viewer");
    const issue = await deps.storage.getIssue(issueId);
    if (!issue) fail(404, `no issue ${issueId}`);
    const pages = await deps.storage.listPages(issueId);
    return c.json({ ...issueBody(issue), pages: pages.map(pageSummary) });
  });
}

/** An issue as the API shows it. */
export function issueBody(issue: IssueRecord): {
  id: string;
  title: string;
  date: string;
  publication: string | null;
} {
  return { id: issue.id, title: issue.title, date: issue.date, publication: issue.publication ?? null };
}

/** `publication` of `POST /api/issues`: absent, null or "" for none, else a string of at most 200 characters (trimmed). */
function readPublication(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.trim().length > 200)
    fail(400, "publication must be a string of at most 200 characters");
  return value.trim() || null;
}

/** A page as an issue lists it. */
export function pageSummary(page: PageRecord): {
  id: string;
  number: number;
  status: string;
  articleCount: number;
  format: string;
  hasImage: boolean;
} {
  return {
    id: page.id,
    number: page.number,
    status: page.status,
    articleCount: page.articleCount,
    format: page.format,
    hasImage: hasImage(page),
  };
}

function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
