import { exportFormats, isExportFormat } from "@galley/export";
import type { Hono } from "hono";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { loadIssueInput } from "../pages/issue-input.ts";

/**
 * `GET /api/issues/:issueId/export?format=json|html|markdown|nitf|newsml|epub|alto` → the
 * export as a download. 400 for an unknown format, 422 for an issue with nothing to export.
 */
export function registerExportRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/issues/:issueId/export", async (c) => {
    const principal = await requirePrincipal(c, deps);
    const issueId = c.req.param("issueId");
    requireRole(principal, issueId, "viewer");
    const format = c.req.query("format");
    if (!format || !isExportFormat(format)) {
      fail(
        400,
        `${format ? `unknown export format "${format}"` : "format is required"} (expected ${exportFormats.join(", ")})`,
      );
    }
    const issue = await loadIssueInput(deps.storage, issueId, (page, setAside) =>
      deps.logger.warn("exported a page without content outside the schema", { page, setAside }),
    );
    if (!issue) fail(404, `no issue ${issueId}`);
    // The exporters (and their zip writer) are loaded on the first export.
    const { exportIssue } = await import("@galley/export");
    const result = exportIssue(issue, format);
    const bytes = result.bytes.buffer.slice(
      result.bytes.byteOffset,
      result.bytes.byteOffset + result.bytes.byteLength,
    );
    return c.body(bytes as ArrayBuffer, 200, {
      "Content-Type": result.contentType,
      "Content-Disposition": `attachment; filename="${result.filename.replace(/["\\\r\n]/g, "_")}"`,
    });
  });
}
