import type { SourceFormat } from "@galley/core";
import type { Context, Hono } from "hono";
import { formatBytes } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { admitJob, runUploadJob, uploadRuntime } from "../jobs/upload-job.ts";
import { checkUpload, type PageUpload, storeUpload, uploadFormats } from "../pages/create-page.ts";
import { readUploadBody, type UploadBody } from "../upload-body.ts";

/**
 * `POST /api/issues/:issueId/pages?number=N[&format=text|hocr|alto|page][&lang=chi_sim+eng][&name=LABEL]`
 * with the OCR file (or a PNG/JPEG/TIFF scan, when OCR is configured) as the raw body, or as
 * `multipart/form-data` with a part `file` and an optional part `image` (the page image of an
 * hOCR, ALTO or PAGE file). Admin of the issue.
 *
 * Without `Prefer: respond-async`: 201 `{ id, number, articleCount, format, status, hasImage,
 * warnings, model }` once the page is stored (`warnings`: what the reconstruction could not take
 * as written, one line each; usually empty; `model`: `"shipped"`, or `"adapted:N pages"` when
 * the issue's publication has approved pages to learn from). With it: 202 `{ job }` and `Location: /api/jobs/:jobId` as soon as
 * the body is received and checked; the work goes on as a job.
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
    const name = c.req.query("name");
    if (name !== undefined && name.length > 300) fail(400, "name must be at most 300 characters");
    const async = prefersAsync(c);
    if (async) admitJob(deps);
    if ((await deps.storage.listPages(issueId)).some((page) => page.number === number))
      fail(409, `issue ${issueId} already has a page ${number}`);

    // A slot for the bytes while they come in: refused (503) rather than queued when all are taken.
    const release = await deps.uploadSlots.acquire();
    let body: UploadBody;
    try {
      body = await readUploadBody(c, deps.limits.uploadBytes, deps.limits.bodyIdleMs);
    } finally {
      release();
    }
    if (body.file.bytes.byteLength === 0)
      fail(400, `the file is empty: send the OCR file (at most ${formatBytes(deps.limits.uploadBytes)})`);
    if (body.image?.bytes.byteLength === 0) fail(400, "the image part is empty");
    const upload: PageUpload = {
      issueId,
      number,
      bytes: body.file.bytes,
      ...(body.image ? { image: body.image.bytes } : {}),
      ...(format ? { format: format as SourceFormat } : {}),
      ...(lang ? { lang } : {}),
    };
    const checked = checkUpload(upload, deps.ocr, deps.limits.imagePixels);

    if (!async) {
      const page = await storeUpload(upload, checked, uploadRuntime(deps));
      return c.json(
        {
          id: page.id,
          number: page.number,
          articleCount: page.articleCount,
          format: page.format,
          status: page.status,
          hasImage: Boolean(checked.scan ?? checked.imageType),
          warnings: page.warnings,
          model: page.model,
        },
        201,
      );
    }
    const job = deps.jobs.create("upload", issueId, name ?? body.file.name, principal.user);
    runUploadJob(deps, upload, checked, job);
    c.header("Location", `${apiBase(c)}/api/jobs/${job.id}`);
    return c.json({ job: deps.jobs.get(job.id) }, 202);
  });
}

/** Whether the request asks for an asynchronous answer (`Prefer: respond-async`, RFC 7240). */
export function prefersAsync(c: Context): boolean {
  const prefer = c.req.header("prefer") ?? "";
  return prefer.split(",").some((p) => p.trim().toLowerCase().split(/[;=]/)[0]?.trim() === "respond-async");
}

/** The path Galley is mounted at (`""`, or e.g. `/galley` inside a host app). */
export function apiBase(c: Context): string {
  const at = c.req.path.indexOf("/api/");
  return at > 0 ? c.req.path.slice(0, at) : "";
}
