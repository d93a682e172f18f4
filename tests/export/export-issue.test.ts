import { ExportError, exportFormats, exportIssue, type IssueInput } from "@galley/export";
import { describe, expect, it } from "vitest";
import { article, issue, page } from "./builder.ts";
import { sampleIssue } from "./sample-issue.ts";

function errorOf(run: () => unknown): ExportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error("expected an ExportError");
}

describe("exportIssue", () => {
  it("refuses an unknown format, naming the known ones", () => {
    const error = errorOf(() => exportIssue(sampleIssue(), "pdf"));
    expect(error.code).toBe("unknown-format");
    expect(error.message).toBe(`unknown export format "pdf" (expected ${exportFormats.join(", ")})`);
  });

  it("refuses an issue with no pages", () => {
    const error = errorOf(() => exportIssue(issue("Empty", "2024-05-01", "en"), "html"));
    expect(error.code).toBe("empty-issue");
    expect(error.message).toBe("issue issue-1 has no pages to export");
  });

  it("refuses an issue whose pages have no articles", () => {
    const error = errorOf(() =>
      exportIssue(issue("Empty", "2024-05-01", "en", page(1, {}), page(2, {})), "epub"),
    );
    expect(error.code).toBe("empty-issue");
    expect(error.message).toMatch(/no articles to export \(2 pages\)/);
  });

  it("refuses a date that is not ISO and duplicate page ids", () => {
    const bad: IssueInput = { ...sampleIssue(), date: "2024-5-1" };
    expect(errorOf(() => exportIssue(bad, "json")).code).toBe("invalid-issue");
    expect(errorOf(() => exportIssue({ ...bad, date: "2024-02-30" }, "json")).message).toBe(
      'issue issue-1: date "2024-02-30" is not an ISO date YYYY-MM-DD',
    );
    const one = page(1, {}, article({ body: ["x"] }));
    expect(errorOf(() => exportIssue(issue("Dup", "2024-05-01", "en", one, one), "json")).message).toMatch(
      /duplicate page id "page-1"/,
    );
  });

  it("exports every format of the same issue with its file name and content type", () => {
    const now = new Date("2024-05-02T10:00:00Z");
    const names = exportFormats.map((f) => {
      const r = exportIssue(sampleIssue(), f, { now });
      expect(r.bytes.length).toBeGreaterThan(0);
      return [r.filename, r.contentType];
    });
    expect(names).toEqual([
      ["galley-2024-05-01-issue-1.json", "application/json; charset=utf-8"],
      ["galley-2024-05-01-issue-1-html.zip", "application/zip"],
      ["galley-2024-05-01-issue-1-markdown.zip", "application/zip"],
      ["galley-2024-05-01-issue-1-nitf.zip", "application/zip"],
      ["galley-2024-05-01-issue-1-newsml.xml", "application/vnd.iptc.g2.newsmessage+xml"],
      ["galley-2024-05-01-issue-1.epub", "application/epub+zip"],
      ["galley-2024-05-01-issue-1-alto.zip", "application/zip"],
    ]);
  });

  it("gives the same bytes for the same issue and time", () => {
    const now = new Date("2024-05-02T10:00:00Z");
    for (const f of exportFormats)
      expect(exportIssue(sampleIssue(), f, { now }).bytes).toEqual(
        exportIssue(sampleIssue(), f, { now }).bytes,
      );
  });
});
