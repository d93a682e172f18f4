import type { ExportResult, IssueInput, IssuePage } from "../types.ts";
import { fileBase } from "./file-names.ts";

/** Marks a file as a Galley issue; `parseIssueJson` checks it. */
export const issueJsonFormat = "galley-issue";
/** Version of the issue JSON layout; bumped on any incompatible change. */
export const issueJsonVersion = 1;

/** The original upload inside the issue JSON: UTF-8 text as is, other bytes in base64. */
export interface IssueJsonSource {
  format: string;
  contentType?: string;
  encoding: "utf-8" | "base64";
  data: string;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function encodeSource(source: NonNullable<IssuePage["source"]>): IssueJsonSource {
  const head = { format: source.format, ...(source.contentType ? { contentType: source.contentType } : {}) };
  try {
    return { ...head, encoding: "utf-8", data: strictUtf8.decode(source.bytes) };
  } catch {
    return { ...head, encoding: "base64", data: Buffer.from(source.bytes).toString("base64") };
  }
}

function pageJson(page: IssuePage): Record<string, unknown> {
  return {
    id: page.id,
    number: page.number,
    page: page.page,
    ...(page.lines ? { lines: page.lines } : {}),
    ...(page.image
      ? { image: { width: page.image.width, height: page.image.height, contentType: page.image.contentType } }
      : {}),
    ...(page.source ? { source: encodeSource(page.source) } : {}),
  };
}

/**
 * Exports the issue as one JSON document: `{ format: "galley-issue", version: 1, id, title,
 * date, publication?, language?, pages: [{ id, number, page, lines?, image?, source? }] }` where `page` is
 * the page as edited in the reconstruction contract (each article with its `status`), `lines`
 * the source lines with geometry, `image` the page image's size (not its bytes) and `source`
 * the original upload (UTF-8 text as is, anything else base64). Text is kept exactly as
 * edited (JSON escapes control characters and lone surrogates), so `parseIssueJson` of the
 * result gives back the same issue.
 */
export function exportJson(issue: IssueInput): ExportResult {
  const doc = {
    format: issueJsonFormat,
    version: issueJsonVersion,
    id: issue.id,
    title: issue.title,
    date: issue.date,
    ...(issue.publication ? { publication: issue.publication } : {}),
    ...(issue.language ? { language: issue.language } : {}),
    pages: issue.pages.map(pageJson),
  };
  return {
    filename: `${fileBase(issue)}.json`,
    contentType: "application/json; charset=utf-8",
    bytes: new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`),
  };
}
