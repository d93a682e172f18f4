import { ExportError, exportIssue, type IssueInput, parseIssueJson } from "@galley/export";
import { describe, expect, it } from "vitest";
import { sampleIssue } from "./sample-issue.ts";

function withSources(issue: IssueInput): IssueInput {
  const [first, second, ...rest] = issue.pages;
  return {
    ...issue,
    pages: [
      {
        ...first!,
        source: {
          format: "text",
          contentType: "text/plain",
          bytes: new TextEncoder().encode("科学导报讯\n开局发力\n"),
        },
      },
      { ...second!, source: { format: "hocr", bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x3c, 0x80]) } },
      ...rest,
    ],
  };
}

function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function errorOf(run: () => unknown): ExportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error("expected an ExportError");
}

describe("json export", () => {
  it("round-trips the issue through parseIssueJson, sources, geometry and nasty text included", () => {
    const issue = withSources(sampleIssue());
    const result = exportIssue(issue, "json");
    expect(result.contentType).toBe("application/json; charset=utf-8");
    expect(parseIssueJson(result.bytes)).toEqual(issue);
  });

  it("keeps UTF-8 sources readable and other bytes in base64", () => {
    const doc = JSON.parse(new TextDecoder().decode(exportIssue(withSources(sampleIssue()), "json").bytes));
    expect(doc.pages[0].source).toEqual({
      format: "text",
      contentType: "text/plain",
      encoding: "utf-8",
      data: "科学导报讯\n开局发力\n",
    });
    expect(doc.pages[1].source).toEqual({ format: "hocr", encoding: "base64", data: "//4APIA=" });
    expect(doc.pages[0].page.articles[0].status).toBe("approved");
  });

  it("refuses bytes that are not UTF-8 or not JSON", () => {
    expect(errorOf(() => parseIssueJson(new Uint8Array([0x7b, 0xff, 0x7d]))).message).toMatch(
      /not valid UTF-8/,
    );
    expect(errorOf(() => parseIssueJson("{ nope")).message).toMatch(/does not parse/);
    expect(errorOf(() => parseIssueJson("{ nope")).code).toBe("malformed-json");
  });

  it("refuses a document that is not a Galley issue or of another version", () => {
    expect(errorOf(() => parseIssueJson(encode([1, 2]))).message).toBe(
      "(root): expected an object, got an array",
    );
    expect(errorOf(() => parseIssueJson(encode({ format: "other" }))).message).toBe(
      'format: expected "galley-issue", got "other"',
    );
    expect(errorOf(() => parseIssueJson(encode({ format: "galley-issue", version: 2 }))).message).toMatch(
      /reads issue JSON version 1, the file is version 2/,
    );
  });

  it("names the path of the first bad field", () => {
    const doc = JSON.parse(new TextDecoder().decode(exportIssue(sampleIssue(), "json").bytes));
    doc.pages[1].page.articles[0].status = "published";
    expect(errorOf(() => parseIssueJson(encode(doc))).message).toBe(
      'pages[1].page.articles[0].status: expected one of "needs-review", "corrected", "approved", got "published"',
    );
    doc.pages[1].page.articles[0].status = "approved";
    doc.pages[0].page.articles[1].headline.lines = [3];
    expect(errorOf(() => parseIssueJson(encode(doc))).message).toBe(
      "pages[0].page.articles[1].headline.lines[0]: expected a string, got 3",
    );
    doc.pages[0].page.articles[1].headline.lines = ["3"];
    doc.date = "1 May 2024";
    expect(errorOf(() => parseIssueJson(encode(doc))).message).toBe(
      'date: expected an ISO date YYYY-MM-DD, got "1 May 2024"',
    );
  });

  it("refuses duplicate page ids and bad base64", () => {
    const doc = JSON.parse(new TextDecoder().decode(exportIssue(withSources(sampleIssue()), "json").bytes));
    doc.pages[1].source.data = "not base64!";
    expect(errorOf(() => parseIssueJson(encode(doc))).message).toMatch(
      /^pages\[1\]\.source\.data: expected base64/,
    );
    doc.pages[1].source.data = "AAAA";
    doc.pages[2].id = doc.pages[0].id;
    expect(errorOf(() => parseIssueJson(encode(doc))).message).toBe(
      'pages[2].id: duplicate page id "page-1"',
    );
  });
});
