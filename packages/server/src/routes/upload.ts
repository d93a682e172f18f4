import type { SourceFormat } from "@galley/core";
import type { Hono } from "hono";
import { formatBytes, readBody } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { createPageFromUpload, uploadFormats } from "../pages/create-page.ts";

/**
 * `POST /api/issues/:issueId/pages?number=N[&format=text|hocr|alto|page][&lang=chi_sim+eng]`
 * with the OCR file (or a PNG/JPEG/TIFF scan, when OCR is configured) as the raw body →
 * 201 `{ id, number, articleCount, format, status, warnings }` (`warnings`: what the
 * reconstruction could not take as written, one line each; usually empty). Admin of the issue.
 */
export function registerUploadRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.post("/api/issues/:issueId/pages", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const issueId = c.req.param("issueId");
    requireRole(principal, issueId, "admin");
    if (!(await deps.storage.getIssue(issueId))) fail(404, `no issue ${issueId}`);
    const rawNumber = c.req.query("number");
    const number = Number(rawNumber);
    if (!rawNumber || !/^\d+$/.test(rawNumber) || number < 1 || number > 100_000) {
      fail(400, "number must be a page number from 1 (?number=N)");
    }
    const format = c.req.query("format");
    if (format !== undefined && !uploadFormats.includes(format as SourceFormat)) {
      fail(415, `unknown format "${format}" (expected ${uploadFormats.join(", ")}, or an image)`);
    }
    const lang = c.req.query("lang");
    if (lang !== undefined && !/^[A-Za-z_]+(\+[A-Za-z_]+)*$/.test(lang))
      fail(400, "lang must look like chi_sim+eng");
    const bytes = await readBody(c, deps.limits.uploadBytes);
    if (bytes.byteLength === 0)
      fail(400, `the body is empty: send the OCR file (at most ${formatBytes(deps.limits.uploadBytes)})`);
    const page = await createPageFromUpload(
      deps.storage,
      {
        issueId,
        number,
        bytes,
        ...(format ? { format: format as SourceFormat } : {}),
        ...(lang ? { lang } : {}),
      },
      deps.ocr,
      deps.logger,
    );
    return c.json(
      {
        id: page.id,
        number: page.number,
        articleCount: page.articleCount,
        format: page.format,
        status: page.status,
        warnings: page.warnings,
      },
      201,
    );
  });
}
