import type { ReconstructedPage } from "@galley/core";
import { type ApprovedPage, type LineModel, shippedModel } from "@galley/core/model";
import { isJobError } from "../jobs/job-error.ts";
import type { Logger } from "../logger.ts";
import type { PageRecord, Storage } from "../storage/storage.ts";
import { loadPageDoc } from "./page-doc.ts";

/** Which model decides a page's articles, and how it is named in the upload's answer and the log. */
export interface ChosenModel {
  /**
   * The model adapted to the page's publication, or the host's base model; null: the shipped
   * model, which every worker holds already, so nothing is sent to it.
   */
  model: LineModel | null;
  /**
   * `"shipped"` (the shipped model, unadapted), `"base"` (the host's `baseModel`, unadapted), or
   * `"adapted:N pages"` (`"adapted:1 page"`) for the base model adapted on N approved pages.
   */
  label: string;
}

/** The shipped model, chosen. */
export const shippedChoice: ChosenModel = { model: null, label: "shipped" };

/** Whether `choice` is a model adapted to a publication (rather than the base model as it is). */
export function isAdapted(choice: ChosenModel): boolean {
  return choice.label.startsWith("adapted:");
}

/** What `PublicationModels` reads, how it fits, and how much it keeps. */
export interface PublicationModelsOptions {
  storage: Storage;
  logger: Logger;
  /**
   * The model pages are decided with when nothing is adapted, and the one adapted from
   * (default: the shipped model). One that is not the shipped model is labelled `"base"`.
   */
  base?: LineModel;
  /**
   * Adapts `base` to the pages given, in that order (core's `adaptModel`): in a worker on the
   * server, in the calling thread for the CLI and tests. `base` is null for the shipped model,
   * which a worker has of its own (a task need not carry it).
   */
  adapt(pages: ApprovedPage[], base: LineModel | null): Promise<LineModel>;
  /** Approved pages adapted on at most, the most recently approved (default 20). */
  maxPages?: number;
  /** Publications whose adapted model is kept in memory, least recently used dropped first (default 16). */
  maxCached?: number;
}

/** An approved page of the publication, as found before anything heavy is read. */
interface Candidate {
  page: PageRecord;
  /** When it was approved (its last "approved" version), ISO; its creation when it has none. */
  approvedAt: string;
  /** The last history entry it stores: a later edit changes it, and so the cache key. */
  lastSeq: number;
}

interface Entry {
  key: string;
  choice: Promise<ChosenModel>;
}

/**
 * The model each page of a publication is reconstructed with: the base model (the shipped one
 * unless the host gives another) adapted to the pages of that publication its editors approved
 * (status `approved`, in any issue whose `publication` is the same string), the corrected
 * structure of each as its truth. Pages of an issue without a publication, or of one with no
 * approved page, get the base model as it is.
 *
 * Adapted models are kept per publication, keyed by the pages adapted on and the last stored
 * change of each: another upload of the publication reuses the model until a page is approved,
 * unapproved or edited. Uploads arriving together share one fit.
 */
export class PublicationModels {
  private readonly cache = new Map<string, Entry>();
  private readonly maxPages: number;
  private readonly maxCached: number;
  /** What decides when nothing is adapted; its `model` is what `adapt` adapts. */
  private readonly unadapted: ChosenModel;

  constructor(private readonly options: PublicationModelsOptions) {
    this.maxPages = options.maxPages ?? 20;
    this.maxCached = options.maxCached ?? 16;
    // shippedModel() is asked only when a base is given: otherwise it is read on first use.
    const { base } = options;
    this.unadapted =
      base === undefined || base === shippedModel() ? shippedChoice : { model: base, label: "base" };
  }

  /**
   * The model for a new page of `issueId` (`exclude`: a page of the publication to leave out,
   * the page itself when it is reconstructed again). An approved page whose source or document
   * cannot be read, or whose structure holds no line, is left out with a warning. A failed fit
   * is logged and answered with the base model, except a full worker queue (`JobError`
   * "busy"), which is thrown like the reconstruction's own would be.
   */
  async forIssue(issueId: string, exclude: string | null = null): Promise<ChosenModel> {
    const publication = (await this.options.storage.getIssue(issueId))?.publication;
    if (!publication) return this.unadapted;
    const chosen = await this.candidates(publication, exclude);
    if (chosen.length === 0) return this.unadapted;
    const key = chosen.map((c) => `${c.page.id}:${c.lastSeq}`).join(",");
    const cached = this.cache.get(publication);
    if (cached?.key === key) {
      this.cache.delete(publication);
      this.cache.set(publication, cached);
      return cached.choice;
    }
    const fitted = this.fit(publication, chosen);
    const entry: Entry = { key, choice: fitted.then((f) => f.choice) };
    // A fit that failed is not kept: the next upload of the publication tries again.
    const forget = () => {
      if (this.cache.get(publication) === entry) this.cache.delete(publication);
    };
    fitted.then((f) => {
      if (!f.keep) forget();
    }, forget);
    this.cache.delete(publication);
    this.cache.set(publication, entry);
    while (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    return entry.choice;
  }

  /** Publications whose adapted model is kept now. */
  get cached(): number {
    return this.cache.size;
  }

  /** The publication's approved pages to adapt on, oldest approval first (so the order is fixed). */
  private async candidates(publication: string, exclude: string | null): Promise<Candidate[]> {
    const { storage } = this.options;
    const found: Candidate[] = [];
    for (const issue of await storage.listIssues()) {
      if (issue.publication !== publication) continue;
      for (const page of await storage.listPages(issue.id)) {
        if (page.status !== "approved" || page.id === exclude) continue;
        const approval = (await storage.listVersions(page.id)).findLast((v) => v.kind === "approved");
        const since = await storage.readHistory(page.id, approval?.seq);
        if (!since) continue;
        found.push({
          page,
          approvedAt: approval?.at ?? page.createdAt,
          lastSeq: since.at(-1)?.seq ?? approval?.seq ?? 0,
        });
      }
    }
    const newestFirst = (a: Candidate, b: Candidate) =>
      b.approvedAt.localeCompare(a.approvedAt) || a.page.id.localeCompare(b.page.id);
    return found.sort(newestFirst).slice(0, this.maxPages).reverse();
  }

  /** Reads the chosen pages and adapts on those that can serve; `keep` is false after a failed fit. */
  private async fit(
    publication: string,
    chosen: Candidate[],
  ): Promise<{ choice: ChosenModel; keep: boolean }> {
    const pages: ApprovedPage[] = [];
    for (const candidate of chosen) {
      const approved = await this.readApproved(publication, candidate.page);
      if (approved) pages.push(approved);
    }
    const { unadapted } = this;
    if (pages.length === 0) return { choice: unadapted, keep: true };
    try {
      const model = await this.options.adapt(pages, unadapted.model);
      const n = pages.length;
      return { choice: { model, label: `adapted:${n} page${n === 1 ? "" : "s"}` }, keep: true };
    } catch (error) {
      if (isJobError(error) && error.code === "busy") throw error;
      this.options.logger.error(
        `adapting the model to a publication failed; the ${unadapted.label} model decides`,
        { publication, pages: pages.length, error },
      );
      return { choice: unadapted, keep: false };
    }
  }

  /** The page as `adaptModel` reads it, or null (logged) when it cannot serve as truth. */
  private async readApproved(publication: string, page: PageRecord): Promise<ApprovedPage | null> {
    const { storage, logger } = this.options;
    const skip = (why: string, error?: unknown) => {
      logger.warn(`approved page left out of its publication's model: ${why}`, {
        publication,
        page: page.id,
        ...(error === undefined ? {} : { error }),
      });
      return null;
    };
    let source: Awaited<ReturnType<Storage["getPageSource"]>>;
    let truth: ReconstructedPage;
    try {
      source = await storage.getPageSource(page.id);
      truth = (await loadPageDoc(storage, page.id)).page;
    } catch (error) {
      return skip("it does not load", error);
    }
    if (!source) return skip("its source is missing");
    if (lineCount(truth) === 0) return skip("its structure holds no line");
    return { input: source.ocrText ?? source.bytes, format: page.format, truth };
  }
}

/** Source line ids the page's blocks hold, all roles together. */
function lineCount(page: ReconstructedPage): number {
  let count = 0;
  for (const article of page.articles) {
    for (const block of [
      article.kicker,
      article.headline,
      article.subheadline,
      article.dateline,
      article.byline,
    ])
      count += block?.lines.length ?? 0;
    for (const paragraph of article.paragraphs) count += paragraph.lines.length;
  }
  for (const block of [...page.captions, ...page.other]) count += block.lines.length;
  return count;
}
