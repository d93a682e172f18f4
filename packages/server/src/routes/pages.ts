import { articleStatuses } from "@galley/doc";
import type { Context, Hono } from "hono";
import { readJsonObject } from "../body.ts";
import { fail, type GalleyDeps, type GalleyEnv, requirePrincipal, requireRole } from "../context.ts";
import { saveVersion } from "../history/page-history.ts";
import { readLinesInput } from "../pages/ingest-source.ts";
import { newId } from "../pages/new-id.ts";
import { loadPageDoc } from "../pages/page-doc.ts";
import { hasImage, loadPageImage } from "../pages/page-image.ts";
import { uploadedFileHeaders } from "../security-headers.ts";
import type { PageRecord, PageStatus, Role } from "../storage/storage.ts";
import { CloseCode } from "../sync/close-codes.ts";

/**
 * One page: `GET /api/pages/:pageId` (the page as edited, in the reconstruction contract),
 * `/info`, `/source` (the upload byte for byte), `/lines`, `/image`; `PATCH` `{ status }`
 * (editor); `DELETE` (admin).
 */
export function registerPageRoutes(app: Hono<GalleyEnv>, deps: GalleyDeps): void {
  app.get("/api/pages/:pageId", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const { page: edited, setAside } = await loadPageDoc(deps.storage, page.id);
    if (setAside.length === 0) return c.json(edited);
    deps.logger.warn("the page holds content outside the schema; it is set aside", {
      page: page.id,
      setAside,
    });
    return c.json({ ...edited, setAside });
  });

  app.get("/api/pages/:pageId/info", async (c) => {
    const { page, role } = await pageFor(c, deps, "viewer");
    return c.json(pageInfo(page, role));
  });

  app.get("/api/pages/:pageId/source", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const source = await deps.storage.getPageSource(page.id);
    if (!source) fail(404, `no page ${page.id}`);
    return c.body(
      toArrayBuffer(source.bytes),
      200,
      uploadedFileHeaders(source.contentType, `page-${page.number}-source${sourceExtension(page)}`),
    );
  });

  app.get("/api/pages/:pageId/lines", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const input = await readLinesInput(deps.storage, page);
    const transfer = input.text instanceof Uint8Array ? wholeBuffer(input.text) : [];
    return c.json(await deps.pool.run({ kind: "lines", input }, { transfer }));
  });

  app.get("/api/pages/:pageId/image", async (c) => {
    const { page } = await pageFor(c, deps, "viewer");
    const image = await loadPageImage(deps.storage, page);
    if (!image) fail(404, `page ${page.id} has no image (it was uploaded as ${page.format} without one)`);
    return c.body(
      toArrayBuffer(image.bytes),
      200,
      uploadedFileHeaders(image.contentType, `page-${page.number}${imageExtension(image.contentType)}`),
    );
  });

  app.patch("/api/pages/:pageId", async (c) => {
    const { page, role } = await pageFor(c, deps, "editor");
    const body = await readJsonObject(c, deps.limits.jsonBytes, deps.limits.bodyIdleMs);
    if (!(articleStatuses as readonly unknown[]).includes(body.status)) {
      fail(400, `status must be one of ${articleStatuses.join(", ")}`);
    }
    const status = body.status as PageStatus;
    if (!(await deps.storage.updatePage(page.id, { status }))) fail(404, `no page ${page.id}`);
    // Approving a page saves the page as approved: a version to compare with and go back to.
    if (status === "approved" && page.status !== "approved") {
      await deps.sync.flushed(page.id);
      await saveVersion(deps.storage, {
        id: newId("v"),
        pageId: page.id,
        name: "approved",
        kind: "approved",
        author: (await requirePrincipal(c, deps)).user,
        at: new Date().toISOString(),
      });
    }
    return c.json(pageInfo({ ...page, status }, role));
  });

  app.delete("/api/pages/:pageId", async (c) => {
    const { page } = await pageFor(c, deps, "admin");
    await deps.sync.closePage(page.id, CloseCode.NotFound, "the page was deleted");
    await deps.storage.deletePage(page.id);
    return c.body(null, 204);
  });
}

/** A page's metadata and the caller's role on it (`GET /api/pages/:pageId/info`). */
export function pageInfo(page: PageRecord, role: Role) {
  return {
    id: page.id,
    issueId: page.issueId,
    number: page.number,
    status: page.status,
    articleCount: page.articleCount,
    format: page.format,
    sourceType: page.sourceType,
    sourceSize: page.sourceSize,
    hasImage: hasImage(page),
    width: page.width,
    height: page.height,
    role,
  };
}

async function pageFor(
  c: Context<GalleyEnv>,
  deps: GalleyDeps,
  needed: Role,
): Promise<{ page: PageRecord; role: Role }> {
  const principal = await requirePrincipal(c, deps);
  const pageId = c.req.param("pageId") ?? "";
  const page = await deps.storage.getPage(pageId);
  if (!page) fail(404, `no page ${pageId}`);
  return { page, role: requireRole(principal, page.issueId, needed) };
}

/** The usual file extension of an image type: `.png`, `.jpg`, `.tiff`. */
function imageExtension(contentType: string): string {
  return `.${contentType.slice(6).replace("jpeg", "jpg")}`;
}

/** The ArrayBuffer under `bytes` when the view covers it whole (so it can be moved to a worker). */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}

/** The usual file extension of a page's uploaded source. */
function sourceExtension(page: PageRecord): string {
  if (page.sourceType.startsWith("image/")) return imageExtension(page.sourceType);
  return { text: ".txt", hocr: ".hocr", alto: ".alto.xml", page: ".page.xml" }[page.format] ?? "";
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
