import type { I18n } from "../i18n/i18n.ts";
import { cancelJob, fetchIssueJobs, followJob, isFinished, type Job } from "../uploads/jobs.ts";
import { planPages } from "../uploads/pair-files.ts";
import { type Upload, uploadPage } from "../uploads/upload-page.ts";
import { el } from "./dom.ts";

type RowState =
  | "waiting"
  | "uploading"
  | "queued"
  | "ocr"
  | "reconstruct"
  | "store"
  | "done"
  | "failed"
  | "cancelled";

interface Row {
  dom: HTMLElement;
  bar: HTMLProgressElement;
  status: HTMLElement;
  cancel: HTMLButtonElement;
  state: RowState;
  error: string | null;
  fraction: number;
  upload: Upload | null;
  job: Job | null;
  stopFollowing: (() => void) | null;
  start: (() => void) | null;
  /** The page number this upload took (given back when it fails or is cancelled). */
  number: number | null;
  /** Whether its page, once added, is announced (`onPage`); not for jobs that ended before. */
  announce: boolean;
}

/** Uploads sent at once; the others wait (the server works on jobs in parallel anyway). */
const concurrentUploads = 2;

/**
 * Adding pages to an issue: drop files on the panel or pick them (several at once: images, text,
 * hOCR, ALTO, PAGE; an image named like an hOCR/ALTO/PAGE file goes with it as its page image).
 * Each file gets a row with a progress bar — the bytes going out, then the server's job (OCR,
 * reconstruction, storing) — a Cancel button, and at the end the page or that file's own error;
 * the other files go on. Jobs started earlier (by this browser or another) and still running, or
 * that ended in the last hour, are listed when the panel opens, so one can leave and come back.
 * `onPage` is called whenever a page has been added; `usedNumbers` says the issue's page numbers.
 */
export class UploadPanel {
  /** The panel element. */
  readonly dom: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly lang: HTMLSelectElement;
  private readonly list: HTMLOListElement;
  private readonly rows: Row[] = [];
  private readonly labels: { el: HTMLElement; key: Parameters<I18n["t"]>[0] }[] = [];
  private destroyed = false;

  constructor(
    private readonly i18n: I18n,
    private readonly issueId: string,
    private readonly usedNumbers: () => number[],
    private readonly onPage: (pageId: string) => void,
  ) {
    const label = (
      tag: "h2" | "span" | "p",
      key: Parameters<I18n["t"]>[0],
      attrs: Record<string, string> = {},
    ) => {
      const node = el(tag, attrs);
      this.labels.push({ el: node, key });
      return node;
    };
    this.input = el("input", { type: "file", multiple: true, class: "upload-input", "data-upload": "input" });
    this.input.addEventListener("change", () => {
      if (this.input.files) this.add([...this.input.files]);
      this.input.value = "";
    });
    const choose = el("button", { type: "button", "data-upload": "choose" });
    this.labels.push({ el: choose, key: "upload.choose" });
    choose.addEventListener("click", () => this.input.click());
    this.lang = el("select", { "data-upload": "lang" });
    for (const [value, text] of [
      ["chi_sim+eng", "中文 + English"],
      ["eng", "English"],
      ["chi_sim", "中文"],
    ] as const) {
      this.lang.append(el("option", { value }, text));
    }
    const zone = el(
      "div",
      { class: "drop-zone", "data-upload": "zone" },
      label("p", "upload.drop"),
      el("p", {}, choose, " ", el("label", { class: "lang" }, label("span", "upload.lang"), " ", this.lang)),
      label("p", "upload.pairing", { class: "meta" }),
      this.input,
    );
    zone.addEventListener("dragover", (e) => {
      e.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      if (e.dataTransfer?.files.length) this.add([...e.dataTransfer.files]);
    });
    this.list = el("ol", { class: "upload-list" });
    this.dom = el("section", { class: "upload-panel" }, label("h2", "upload.title"), zone, this.list);
    this.relabel();
    void this.comeBack();
  }

  /** Re-labels after a language switch. */
  relabel(): void {
    for (const { el: node, key } of this.labels) node.textContent = this.i18n.t(key);
    this.lang.setAttribute("aria-label", this.i18n.t("upload.lang"));
    for (const row of this.rows) this.paint(row);
  }

  /** Plans and starts uploading `files`. */
  add(files: File[]): void {
    // Page numbers are given as each upload starts (in the files' order), the lowest one free.
    for (const planned of planPages(files, 1)) {
      const row = this.row(
        planned.image ? `${planned.file.name} + ${planned.image.name}` : planned.file.name,
      );
      row.start = () => this.send(row, planned.file, planned.image, this.claimNumber(row));
      this.rows.push(row);
      this.list.append(row.dom);
    }
    this.pump();
  }

  /** Stops following jobs (they go on on the server). */
  destroy(): void {
    this.destroyed = true;
    for (const row of this.rows) row.stopFollowing?.();
  }

  /**
   * The lowest page number that no page of the issue, and no upload here under way or done, has.
   * A file that fails gives its number back for the next one.
   */
  private claimNumber(row: Row): number {
    const taken = new Set([
      ...this.usedNumbers(),
      ...this.rows.map((r) => r.number).filter((n): n is number => n !== null),
    ]);
    let number = 1;
    while (taken.has(number)) number++;
    row.number = number;
    row.dom.dataset.number = String(number);
    this.paint(row);
    return number;
  }

  private row(name: string): Row {
    const bar = el("progress", { max: 1, value: 0 });
    const status = el("span", { class: "upload-status", role: "status" });
    const cancel = el("button", { type: "button", class: "upload-cancel" });
    const dom = el(
      "li",
      { "data-state": "waiting" },
      el("span", { class: "upload-name" }, name),
      bar,
      status,
      cancel,
    );
    const row: Row = {
      dom,
      bar,
      status,
      cancel,
      state: "waiting",
      error: null,
      fraction: 0,
      upload: null,
      job: null,
      stopFollowing: null,
      start: null,
      number: null,
      announce: true,
    };
    cancel.addEventListener("click", () => this.cancel(row));
    this.paint(row);
    return row;
  }

  /** Starts waiting uploads while fewer than `concurrentUploads` are sending bytes. */
  private pump(): void {
    while (this.rows.filter((r) => r.state === "uploading").length < concurrentUploads) {
      const next = this.rows.find((r) => r.state === "waiting" && r.start);
      if (!next) return;
      next.state = "uploading";
      next.start!();
    }
  }

  private send(row: Row, file: File, image: File | null, number: number): void {
    row.upload = uploadPage(
      {
        issueId: this.issueId,
        number,
        file,
        image,
        ...(this.isImage(file) ? { lang: this.lang.value } : {}),
      },
      (fraction) => {
        row.fraction = fraction;
        this.paint(row);
      },
    );
    this.paint(row);
    row.upload.answer.then(
      (answer) => {
        row.upload = null;
        if (answer.kind === "page") this.finish(row, answer.pageId);
        else this.follow(row, answer.job);
        this.pump();
      },
      (error: unknown) => {
        row.upload = null;
        if (error instanceof DOMException && error.name === "AbortError") row.state = "cancelled";
        else {
          row.state = "failed";
          row.error = error instanceof Error ? error.message : String(error);
        }
        this.paint(row);
        this.pump();
      },
    );
  }

  private isImage(file: File): boolean {
    return file.type.startsWith("image/") || /\.(png|jpe?g|tiff?)$/i.test(file.name);
  }

  private follow(row: Row, job: Job): void {
    this.showJob(row, job);
    if (isFinished(job)) return;
    row.stopFollowing = followJob(job, (next) => this.showJob(row, next));
  }

  private showJob(row: Row, job: Job): void {
    if (this.destroyed) return;
    row.job = job;
    row.fraction = job.fraction;
    if (job.state === "done") {
      row.stopFollowing?.();
      if (job.pageId) this.finish(row, job.pageId);
      return;
    }
    if (job.state === "failed" || job.state === "cancelled") {
      row.state = job.state;
      row.error = job.error;
    } else
      row.state =
        job.phase === "ocr" || job.phase === "reconstruct" || job.phase === "store" ? job.phase : "queued";
    this.paint(row);
  }

  private finish(row: Row, pageId: string): void {
    row.state = "done";
    row.fraction = 1;
    row.dom.dataset.pageId = pageId;
    this.paint(row);
    if (row.announce) this.onPage(pageId);
  }

  private cancel(row: Row): void {
    if (row.upload) {
      row.upload.abort();
      return;
    }
    if (row.state === "waiting") {
      row.state = "cancelled";
      this.paint(row);
      return;
    }
    if (row.job && !isFinished(row.job)) {
      cancelJob(row.job.id).then(
        (job) => this.showJob(row, job),
        (error: unknown) => {
          row.error = error instanceof Error ? error.message : String(error);
          this.paint(row);
        },
      );
    }
  }

  /** Lists the issue's recent jobs that this panel is not already showing. */
  private async comeBack(): Promise<void> {
    let jobs: Job[];
    try {
      jobs = await fetchIssueJobs(this.issueId);
    } catch {
      return;
    }
    for (const job of jobs.filter((j) => j.kind === "upload").reverse()) {
      if (this.destroyed || this.rows.some((r) => r.job?.id === job.id)) continue;
      const row = this.row(job.label ?? job.id);
      row.dom.dataset.jobId = job.id;
      // A page added before this visit is in the list already: no need to reload it.
      row.announce = !isFinished(job);
      this.rows.push(row);
      this.list.append(row.dom);
      this.follow(row, job);
    }
  }

  private paint(row: Row): void {
    const { i18n } = this;
    row.dom.dataset.state = row.state;
    if (row.job) row.dom.dataset.jobId = row.job.id;
    const percent = Math.round(row.fraction * 100);
    const text: Record<RowState, string> = {
      waiting: i18n.t("upload.waiting"),
      uploading: row.fraction >= 1 ? i18n.t("upload.processing") : i18n.t("upload.sending", { percent }),
      queued: i18n.t("upload.queued"),
      ocr: i18n.t("upload.ocr", { percent }),
      reconstruct: i18n.t("upload.reconstruct", { percent }),
      store: i18n.t("upload.store", { percent }),
      done: i18n.t("upload.done"),
      failed: i18n.t("upload.failed", { message: row.error ?? "" }),
      cancelled: i18n.t("upload.cancelled"),
    };
    if (row.state === "failed" || row.state === "cancelled") row.number = null;
    row.status.textContent =
      row.number !== null && row.state !== "done"
        ? `${i18n.t("issue.page", { number: row.number })} · ${text[row.state]}`
        : text[row.state];
    row.status.classList.toggle("error", row.state === "failed");
    // Bytes going out fill the bar as they go; the server's phases then carry it on.
    if (row.state === "waiting" || (row.state === "uploading" && row.fraction >= 1))
      row.bar.removeAttribute("value");
    else row.bar.value = row.state === "uploading" ? row.fraction : row.state === "done" ? 1 : row.fraction;
    row.cancel.textContent = i18n.t("upload.cancel");
    // A server without jobs works on the page inside the request once the bytes are sent: it
    // cannot be stopped from here any more, so Cancel goes.
    row.cancel.hidden =
      ["done", "failed", "cancelled"].includes(row.state) || (row.state === "uploading" && row.fraction >= 1);
  }
}
