import { readFileSync } from "node:fs";
import { type ReconstructedPage, reconstruct } from "@galley/core";
import { reconstructionToYDoc } from "@galley/doc";
import { restoreUpdate } from "@galley/server";
import { type GroundTruth, scorePage } from "@galley/training";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connectClient, pageText, waitForDoc } from "./helpers/clients.ts";
import { correctedPage } from "./helpers/corrected-page.ts";
import { type JobBody, readJobEvents } from "./helpers/jobs.ts";
import { startTestServer, type TestServer } from "./helpers/server.ts";

/** A real page and its truth, from tests/fixtures/realdata (sources in each folder's SOURCES.md). */
const realPage = (file: string, format: "alto" | "page") => {
  const read = (ext: string) =>
    readFileSync(new URL(`../fixtures/realdata/${file}.${format}.${ext}`, import.meta.url), "utf8");
  return { xml: read("xml"), gt: JSON.parse(read("gt.json")) as GroundTruth, format };
};

/**
 * Two pages of Algemeen Handelsblad, 1 December 1876. Pages the shipped model already reads
 * right leave nothing to learn (it was fitted on these real pages: Le Matin 1884 p3 scores
 * 1.000 before and after); p1 of this issue, after its p3 is approved, is one it reads worse.
 */
const approvedPage = realPage("kb/kb-1876-12-01-p3", "alto");
const nextPage = realPage("kb/kb-1876-12-01-p1", "alto");
const publication = "Algemeen Handelsblad";

describe("learning a publication from its approved pages", () => {
  let server: TestServer;
  const clients: Client[] = [];

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    server.api(path, { method: "POST", body, headers });
  const createIssue = async (title: string, of: string | null) => {
    const body = JSON.stringify({ title, date: "1876-12-01", publication: of });
    const response = await post("/api/issues", body, { "content-type": "application/json" });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const upload = async (issueId: string, number: number, page: { xml: string; format: string }) => {
    const response = await post(
      `/api/issues/${issueId}/pages?number=${number}&format=${page.format}`,
      page.xml,
    );
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; model: string };
  };
  const pageOf = async (pageId: string) =>
    (await (await server.api(`/api/pages/${pageId}`)).json()) as ReconstructedPage;
  const articleF1 = (page: ReconstructedPage) => scorePage(nextPage.gt, page, null).articleF1;
  const shippedF1 = () => articleF1(reconstruct(nextPage.xml, { format: nextPage.format }));

  /** Uploads p3 to an issue of the publication, corrects it in the editor as its truth has it, approves it. */
  async function approveCorrectedPage(): Promise<void> {
    const issueId = await createIssue("Algemeen Handelsblad, 1 December 1876", publication);
    const { id, model } = await upload(issueId, 3, approvedPage);
    expect(model).toBe("shipped");
    const eddie = connectClient(server.collabUrl, id, server.tokens.editor);
    const watcher = connectClient(server.collabUrl, id, server.tokens.viewer);
    clients.push(eddie, watcher);
    await Promise.all([eddie.synced, watcher.synced]);
    // Written as the editor's binding writes a page: y-prosemirror's diff of the content.
    const { gt, xml, format } = approvedPage;
    const target = reconstructionToYDoc(correctedPage(gt, xml, format, await pageOf(id)));
    target.ydoc.destroy();
    Y.applyUpdate(eddie.doc, restoreUpdate(eddie.doc, target.update)!);
    const edited = pageText(eddie.doc);
    // The watcher has the corrections once the server has them; approving stores what it has.
    await waitForDoc(watcher.doc, (doc) => pageText(doc) === edited, "the corrections to reach the server");
    const approved = await server.api(`/api/pages/${id}`, {
      method: "PATCH",
      token: server.tokens.editor,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "approved" }),
    });
    expect(approved.status).toBe(200);
    expect(scorePage(gt, await pageOf(id), null).articleF1).toBe(1);
  }

  beforeAll(async () => {
    server = await startTestServer();
    await approveCorrectedPage();
  }, 20_000);
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it("reconstructs the next page of the publication better than the shipped model (an upload job)", async () => {
    const issueId = await createIssue("Algemeen Handelsblad, 1 December 1876 (again)", publication);
    const response = await post(
      `/api/issues/${issueId}/pages?number=1&format=${nextPage.format}`,
      nextPage.xml,
      { prefer: "respond-async" },
    );
    expect(response.status).toBe(202);
    const { id: jobId } = ((await response.json()) as { job: JobBody }).job;
    const done = (await readJobEvents(await server.api(`/api/jobs/${jobId}/events`))).at(-1)!;
    expect(done).toMatchObject({ state: "done", error: null });
    expect(articleF1(await pageOf(done.pageId!))).toBeGreaterThan(shippedF1());
  });

  it("says in the upload's answer that the publication's model decided", async () => {
    const issueId = await createIssue("Algemeen Handelsblad, 2 December 1876", publication);
    const page = await upload(issueId, 1, nextPage);
    expect(page.model).toBe("adapted:1 page");
    expect(articleF1(await pageOf(page.id))).toBeGreaterThan(shippedF1());
  });

  it("leaves a page of an issue without a publication to the shipped model", async () => {
    const issueId = await createIssue("Unrelated", null);
    const page = await upload(issueId, 1, nextPage);
    expect(page.model).toBe("shipped");
    expect(articleF1(await pageOf(page.id))).toBe(shippedF1());
  });
});
