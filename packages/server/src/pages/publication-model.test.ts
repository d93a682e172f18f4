import { type ApprovedPage, type LineModel, shippedModel } from "@galley/core/model";
import { pageFragmentName } from "@galley/doc";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { saveVersion } from "../history/page-history.ts";
import { JobError } from "../jobs/job-error.ts";
import type { LogContext, Logger } from "../logger.ts";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.ts";
import type { Storage } from "../storage/storage.ts";
import { buildDoc } from "../sync/doc-state.ts";
import { oneArticleModel } from "../testing/one-article-model.ts";
import { createPageFromUpload } from "./create-page.ts";
import { PublicationModels } from "./publication-model.ts";

/** The pages here are read with a featureless base, so what they hold does not hang on the model that ships. */
const oneArticle = oneArticleModel;

/** A plain-text page: a headline and two paragraphs. */
const textPage = (title: string) =>
  new TextEncoder().encode(
    `${title}\n\nThe council met on Monday and agreed the budget for the year.\nIt rises by two per cent.\n\nThe mayor said the roads come first, then the schools.\n`,
  );

describe("PublicationModels", () => {
  let storage: Storage;
  let fits: ApprovedPage[][];
  /** The base each fit was asked to adapt from (null: the shipped model). */
  let bases: Array<LineModel | null>;
  let logged: Array<[string, LogContext | undefined]>;
  const logger: Logger = {
    info() {},
    warn: (message, context) => logged.push([message, context]),
    error: (message, context) => logged.push([message, context]),
  };
  /** A distinct model per fit, so a test can tell a cached model from a refitted one. */
  const adapt = async (pages: ApprovedPage[], base: LineModel | null): Promise<LineModel> => {
    fits.push(pages);
    bases.push(base);
    return { ...oneArticle, thresholds: { other: fits.length / 100 } };
  };
  const models = (options: Partial<ConstructorParameters<typeof PublicationModels>[0]> = {}) =>
    new PublicationModels({ storage, logger, adapt, ...options });

  /** An issue of `publication` with one page, approved at `approvedAt` when given. */
  async function issueWithPage(id: string, publication: string | null, approvedAt?: string) {
    await storage.createIssue({
      id,
      title: id,
      date: "1884-03-15",
      publication,
      createdAt: "2025-01-01T00:00:00Z",
    });
    const page = await createPageFromUpload(
      storage,
      { issueId: id, number: 1, bytes: textPage(`Headline of ${id}`) },
      null,
      logger,
      new PublicationModels({ storage, logger, base: oneArticle, adapt: async () => oneArticle }),
    );
    if (approvedAt) await approve(page.id, approvedAt);
    return page.id;
  }

  async function approve(pageId: string, at: string) {
    await storage.updatePage(pageId, { status: "approved" });
    await saveVersion(storage, {
      id: `v-${pageId}-${at}`,
      pageId,
      name: "approved",
      kind: "approved",
      author: "Eddie",
      at,
    });
  }

  /** Changes the stored page as an editor's update would: `change` edits its Y.Doc. */
  async function edit(pageId: string, change: (fragment: Y.XmlFragment) => void) {
    const doc = buildDoc((await storage.loadDoc(pageId))!, pageId);
    const before = Y.encodeStateVector(doc);
    change(doc.getXmlFragment(pageFragmentName));
    await storage.appendUpdates(pageId, [Y.encodeStateAsUpdate(doc, before)]);
    doc.destroy();
  }

  beforeEach(() => {
    storage = openSqliteStorage({ file: ":memory:" });
    fits = [];
    bases = [];
    logged = [];
  });
  afterEach(async () => {
    await storage.close();
  });

  it("gives the shipped model to an issue without a publication", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    await issueWithPage("i-b", null);
    expect(await models().forIssue("i-b")).toEqual({ model: null, label: "shipped" });
    expect(fits).toEqual([]);
  });

  it("gives the shipped model while the publication has no approved page", async () => {
    await issueWithPage("i-a", "Le Matin");
    await issueWithPage("i-b", "Le Matin");
    expect((await models().forIssue("i-b")).label).toBe("shipped");
    expect(fits).toEqual([]);
  });

  it("adapts on the approved pages of the same publication, with their stored source and edited structure", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    await issueWithPage("i-other", "The Times", "2025-01-03T00:00:00Z");
    await issueWithPage("i-b", "Le Matin");
    const chosen = await models().forIssue("i-b");
    expect(chosen.label).toBe("adapted:1 page");
    expect(chosen.model).not.toBeNull();
    expect(fits).toHaveLength(1);
    const [page] = fits[0]!;
    expect(new TextDecoder().decode(page!.input as Uint8Array)).toMatch(/^Headline of i-a/);
    expect(page!.format).toBe("text");
    const lines = page!.truth.articles.flatMap((a) => [
      ...(a.headline?.lines ?? []),
      ...a.paragraphs.flatMap((p) => p.lines),
    ]);
    expect(lines.length).toBeGreaterThan(0);
    expect(bases).toEqual([null]);
  });

  it("gives the host's base model, labelled base, where there is nothing to adapt on", async () => {
    await issueWithPage("i-a", "Le Matin");
    await issueWithPage("i-b", null);
    const publication = models({ base: oneArticle });
    expect(await publication.forIssue("i-a")).toEqual({ model: oneArticle, label: "base" });
    expect(await publication.forIssue("i-b")).toEqual({ model: oneArticle, label: "base" });
    expect(fits).toEqual([]);
  });

  it("adapts from the host's base model", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    await issueWithPage("i-b", "Le Matin");
    expect((await models({ base: oneArticle }).forIssue("i-b")).label).toBe("adapted:1 page");
    expect(bases).toEqual([oneArticle]);
  });

  it("takes the shipped model given as the base for the shipped model", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    await issueWithPage("i-b", null);
    const publication = models({ base: shippedModel() });
    expect(await publication.forIssue("i-b")).toEqual({ model: null, label: "shipped" });
    await publication.forIssue("i-a", null);
    expect(bases).toEqual([null]);
  });

  it("leaves out the page it is asked to exclude", async () => {
    const approved = await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    expect((await models().forIssue("i-a", approved)).label).toBe("shipped");
  });

  it("reuses the adapted model while the approved pages are unchanged", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    await issueWithPage("i-b", "Le Matin");
    const publication = models();
    const first = await publication.forIssue("i-b");
    const again = await Promise.all([publication.forIssue("i-b"), publication.forIssue("i-a")]);
    expect(fits).toHaveLength(1);
    expect(again.map((c) => c.model)).toEqual([first.model, first.model]);
  });

  it("fits again when an approved page is edited or another is approved", async () => {
    const a = await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    const b = await issueWithPage("i-b", "Le Matin");
    const publication = models();
    await publication.forIssue("i-b");
    await edit(a, (fragment) => {
      // The page's last paragraph goes; its first ones stay, so the page still serves.
      const article = fragment.get(fragment.length - 1) as Y.XmlElement;
      article.delete(article.length - 1, 1);
    });
    expect((await publication.forIssue("i-b")).label).toBe("adapted:1 page");
    await approve(b, "2025-01-04T00:00:00Z");
    expect((await publication.forIssue("i-b")).label).toBe("adapted:2 pages");
    expect(fits).toHaveLength(3);
  });

  it("adapts on the most recently approved pages, oldest approval first", async () => {
    await issueWithPage("i-1", "Le Matin", "2025-01-01T00:00:00Z");
    await issueWithPage("i-2", "Le Matin", "2025-01-09T00:00:00Z");
    await issueWithPage("i-3", "Le Matin", "2025-01-05T00:00:00Z");
    expect((await models({ maxPages: 2 }).forIssue("i-1")).label).toBe("adapted:2 pages");
    const titles = fits[0]!.map((p) => new TextDecoder().decode(p.input as Uint8Array).split("\n")[0]);
    expect(titles).toEqual(["Headline of i-3", "Headline of i-2"]);
  });

  it("leaves out, with a warning, an approved page whose structure holds no line", async () => {
    const empty = await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    await edit(empty, (fragment) => fragment.delete(0, fragment.length));
    await issueWithPage("i-b", "Le Matin");
    logged.length = 0;
    expect((await models().forIssue("i-b")).label).toBe("shipped");
    expect(fits).toEqual([]);
    expect(logged).toEqual([
      [
        "approved page left out of its publication's model: its structure holds no line",
        { publication: "Le Matin", page: empty },
      ],
    ]);
  });

  it("answers with the shipped model when the fit fails, and tries again next time", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    let calls = 0;
    const failing = models({
      adapt: async () => {
        calls++;
        throw new Error("no trees today");
      },
    });
    expect((await failing.forIssue("i-a")).label).toBe("shipped");
    expect((await failing.forIssue("i-a")).label).toBe("shipped");
    expect(calls).toBe(2);
    expect(logged[0]?.[0]).toBe("adapting the model to a publication failed; the shipped model decides");
  });

  it("answers with the host's base model when the fit fails", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    const failing = models({
      base: oneArticle,
      adapt: async () => {
        throw new Error("no trees today");
      },
    });
    expect(await failing.forIssue("i-a")).toEqual({ model: oneArticle, label: "base" });
    expect(logged[0]?.[0]).toBe("adapting the model to a publication failed; the base model decides");
  });

  it("passes on a full worker queue, keeping nothing", async () => {
    await issueWithPage("i-a", "Le Matin", "2025-01-02T00:00:00Z");
    const busy = models({
      adapt: async () => {
        throw new JobError("busy", "the server is busy");
      },
    });
    await expect(busy.forIssue("i-a")).rejects.toThrow("the server is busy");
    expect(busy.cached).toBe(0);
  });
});
