import { reconstructionToYDoc } from "@galley/doc";
import type { IssueInput } from "@galley/export";
import { ConflictError } from "../storage/errors.ts";
import type { Storage } from "../storage/storage.ts";

/**
 * Re-creates an issue exported as Galley JSON (parse it with `@galley/export`'s
 * `parseIssueJson`): the same issue id, page ids, numbers and edited pages (article statuses
 * included), each page with its original OCR source. Throws `ConflictError` when the issue or
 * one of its page ids exists already, and `RangeError` for a page without its source; checks
 * everything before writing anything.
 *
 * A page that was a scan comes back as its hOCR: the JSON does not carry the image bytes.
 */
export async function importIssue(
  storage: Storage,
  issue: IssueInput,
): Promise<{ issueId: string; pages: number }> {
  if (await storage.getIssue(issue.id)) throw new ConflictError(`issue ${issue.id} exists already`);
  for (const [index, page] of issue.pages.entries()) {
    if (!page.source) {
      throw new RangeError(
        `pages[${index}] (page ${page.number}) has no source: re-export it with its OCR source`,
      );
    }
    if (await storage.getPage(page.id)) throw new ConflictError(`page ${page.id} exists already`);
  }
  const now = new Date().toISOString();
  await storage.createIssue({
    id: issue.id,
    title: issue.title,
    date: issue.date,
    publication: issue.publication ?? null,
    createdAt: now,
  });
  for (const page of issue.pages) {
    const source = page.source!;
    const { ydoc, update } = reconstructionToYDoc(page.page);
    ydoc.destroy();
    await storage.createPage({
      id: page.id,
      issueId: issue.id,
      number: page.number,
      format: source.format,
      status: "needs-review",
      articleCount: page.page.articles.length,
      sourceType: source.contentType ?? "application/octet-stream",
      width: page.page.source.width ?? page.image?.width ?? null,
      height: page.page.source.height ?? page.image?.height ?? null,
      createdAt: now,
      source: source.bytes,
      ocrText: null,
      firstUpdate: update,
    });
  }
  return { issueId: issue.id, pages: issue.pages.length };
}
