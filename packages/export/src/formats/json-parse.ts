import type { SourceFormat } from "@galley/core";
import { ExportError } from "../errors.ts";
import { isIsoDate } from "../text/iso-date.ts";
import type { IssueInput, IssuePage } from "../types.ts";
import { issueJsonFormat, issueJsonVersion } from "./json.ts";
import { arrayAt, fail, numberAt, objectAt, oneOfAt, optionalStringAt, stringAt } from "./json-check.ts";
import { readEditedPage, readSourceLines } from "./json-parse-page.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeSource(value: unknown, path: string): NonNullable<IssuePage["source"]> {
  const o = objectAt(value, path);
  const format = oneOfAt(
    o.format,
    ["text", "hocr", "alto", "page"] as const,
    `${path}.format`,
  ) as SourceFormat;
  const encoding = oneOfAt(o.encoding, ["utf-8", "base64"] as const, `${path}.encoding`);
  const data = stringAt(o.data, `${path}.data`);
  if (encoding === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) fail(`${path}.data`, "base64", data);
  const bytes =
    encoding === "utf-8" ? new TextEncoder().encode(data) : new Uint8Array(Buffer.from(data, "base64"));
  const contentType = optionalStringAt(o.contentType, `${path}.contentType`);
  return { format, bytes, ...(contentType !== undefined ? { contentType } : {}) };
}

function readPage(value: unknown, path: string): IssuePage {
  const o = objectAt(value, path);
  const number = numberAt(o.number, `${path}.number`);
  if (!Number.isInteger(number) || number < 1) fail(`${path}.number`, "a positive integer", number);
  const page: IssuePage = {
    id: stringAt(o.id, `${path}.id`),
    number,
    page: readEditedPage(o.page, `${path}.page`),
  };
  if (o.lines !== undefined) page.lines = readSourceLines(o.lines, `${path}.lines`);
  if (o.image !== undefined) {
    const image = objectAt(o.image, `${path}.image`);
    page.image = {
      width: numberAt(image.width, `${path}.image.width`),
      height: numberAt(image.height, `${path}.image.height`),
      contentType: stringAt(image.contentType, `${path}.image.contentType`),
    };
  }
  if (o.source !== undefined) page.source = decodeSource(o.source, `${path}.source`);
  return page;
}

/**
 * Reads an issue exported by `exportJson` back into an `IssueInput`, checking every field:
 * bytes that are not UTF-8, not JSON, not a Galley issue (`format`), of another `version`, or
 * with a field of the wrong shape are refused with a `malformed-json` `ExportError` whose
 * message names the path of the first bad value ("pages[1].page.articles[0].status: expected
 * one of …"). Page ids must be unique. Nothing is guessed or filled in beyond the contract's
 * documented defaults (an article without `status` is "needs-review").
 */
export function parseIssueJson(bytes: Uint8Array | string): IssueInput {
  let text: string;
  try {
    text = typeof bytes === "string" ? bytes : strictUtf8.decode(bytes);
  } catch {
    throw new ExportError("malformed-json", "the issue JSON is not valid UTF-8");
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExportError("malformed-json", `the issue JSON does not parse: ${reason}`);
  }
  const o = objectAt(doc, "(root)");
  if (o.format !== issueJsonFormat) fail("format", JSON.stringify(issueJsonFormat), o.format);
  if (o.version !== issueJsonVersion) {
    throw new ExportError(
      "malformed-json",
      `version: this Galley reads issue JSON version ${issueJsonVersion}, the file is version ${JSON.stringify(o.version)}`,
    );
  }
  const date = stringAt(o.date, "date");
  if (!isIsoDate(date)) fail("date", "an ISO date YYYY-MM-DD", date);
  const issue: IssueInput = {
    id: stringAt(o.id, "id"),
    title: stringAt(o.title, "title"),
    date,
    pages: arrayAt(o.pages, "pages").map((p, i) => readPage(p, `pages[${i}]`)),
  };
  const language = optionalStringAt(o.language, "language");
  if (language !== undefined) issue.language = language;
  const publication = optionalStringAt(o.publication, "publication");
  if (publication !== undefined) issue.publication = publication;
  const seen = new Set<string>();
  issue.pages.forEach((page, i) => {
    if (seen.has(page.id))
      throw new ExportError("malformed-json", `pages[${i}].id: duplicate page id "${page.id}"`);
    seen.add(page.id);
  });
  return issue;
}
