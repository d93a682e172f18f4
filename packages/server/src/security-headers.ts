import type { MiddlewareHandler } from "hono";

/**
 * The Content-Security-Policy of the web app's pages: scripts, styles, fonts and connections
 * only from Galley's own origin (websockets included); images also as `data:`/`blob:` (the
 * page image viewer); no plugins, no `<base>`, forms only to itself. Inline styles are allowed:
 * ProseMirror and y-prosemirror's cursors set style attributes. `frameAncestors` says who may
 * frame the app (default `'self'`; a host CMS that frames it adds its origin).
 */
export function appContentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/**
 * Headers every Galley response carries: no MIME sniffing, no referrer (sign-in links carry
 * a token in the query), and a policy that no Galley URL may be framed by another site, plus
 * the app's CSP on HTML. A route that set its own `Content-Security-Policy` keeps it.
 */
export function securityHeaders(frameAncestors: string): MiddlewareHandler {
  const appPolicy = appContentSecurityPolicy(frameAncestors);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
    if (!headers.has("Content-Security-Policy")) {
      const html = headers.get("Content-Type")?.startsWith("text/html") ?? false;
      headers.set(
        "Content-Security-Policy",
        html ? appPolicy : `default-src 'none'; frame-ancestors ${frameAncestors}`,
      );
    }
  };
}

/**
 * Headers for bytes a user uploaded (an OCR file, a page image), served back: a download, never
 * a document of Galley's origin — even a browser that opened it inline would run nothing in it.
 */
export function uploadedFileHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-cache",
  };
}
