/**
 * The app's routes: `/` (issues), `/issues/:issueId`, `/pages/:pageId`. Links inside the app
 * navigate with the History API; the server answers every such path with the app's page.
 */

/** A matched route. */
export type Route =
  | { name: "issues" }
  | { name: "issue"; issueId: string }
  | { name: "page"; pageId: string }
  | { name: "not-found"; path: string };

/** The route for a location path. */
export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, "") || "/";
  if (clean === "/" || clean === "/index.html") return { name: "issues" };
  const issue = /^\/issues\/([^/]+)$/.exec(clean);
  if (issue) return { name: "issue", issueId: decodeURIComponent(issue[1]!) };
  const page = /^\/pages\/([^/]+)$/.exec(clean);
  if (page) return { name: "page", pageId: decodeURIComponent(page[1]!) };
  return { name: "not-found", path };
}

/** The path of a route (the inverse of `matchRoute`). */
export function routePath(route: Route): string {
  switch (route.name) {
    case "issues":
      return "/";
    case "issue":
      return `/issues/${encodeURIComponent(route.issueId)}`;
    case "page":
      return `/pages/${encodeURIComponent(route.pageId)}`;
    case "not-found":
      return route.path;
  }
}

/**
 * Takes a sign-in token out of a URL: the token, and the URL to show instead (same path and
 * other parameters, without `token`). Null when the URL has no token.
 */
export function takeToken(href: string): { token: string; cleanUrl: string } | null {
  const url = new URL(href);
  const token = url.searchParams.get("token");
  if (!token) return null;
  url.searchParams.delete("token");
  return { token, cleanUrl: `${url.pathname}${url.search}${url.hash}` };
}
