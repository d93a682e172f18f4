import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportFormats, exportIssue, type IssueInput, parseIssueJson } from "@galley/export";
import { importIssue, loadIssueInput, openDataDir, type Storage } from "@galley/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../apps/cli/src/run.ts";
import { startTestServer, type TestServer } from "../server/helpers/server.ts";
import { article, issue, page } from "./builder.ts";

/** A two-page issue whose text sources print exactly its source lines (ids "1", "2", …). */
function storedIssue(): IssueInput {
  const built = issue(
    "CLI Gazette",
    "2024-05-01",
    "zh",
    page(
      1,
      { language: "zh" },
      article({
        headline: "科技创新引领产业升级",
        dateline: { text: "科学导报讯", inline: "start" },
        body: ["科学导报讯 开局发力，全省一季度重点项目建设进展顺利。"],
        status: "approved",
      }),
    ),
    page(
      2,
      { language: "en" },
      article({ headline: "Council approves bridge", body: ["The council voted."] }),
    ),
  );
  built.id = "cli-issue";
  for (const p of built.pages) {
    const text = `${(p.lines ?? []).map((l) => l.text).join("\n")}\n`;
    p.source = {
      format: "text",
      contentType: "text/plain; charset=utf-8",
      bytes: new TextEncoder().encode(text),
    };
  }
  return built;
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("galley export", () => {
  let dir: string;
  let input: IssueInput;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "galley-export-cli-"));
    input = storedIssue();
    const storage = openDataDir(join(dir, "data"));
    await importIssue(storage, input);
    await storage.createIssue({
      id: "empty",
      title: "Empty",
      date: "2024-05-02",
      createdAt: new Date().toISOString(),
    });
    await storage.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the stored issue, which reads back as the issue that was imported", async () => {
    const out = join(dir, "issue.json");
    const result = await cli(
      "export",
      "cli-issue",
      "--format",
      "json",
      "--out",
      out,
      "--data",
      join(dir, "data"),
    );
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toMatch(/^wrote .*issue\.json \(galley-2024-05-01-cli-issue\.json, \d+ bytes\)\n$/);
    const back = parseIssueJson(readFileSync(out));
    expect(back.title).toBe("CLI Gazette");
    expect(back.pages.map((p) => p.page)).toEqual(input.pages.map((p) => p.page));
    expect(back.pages.map((p) => p.source)).toEqual(input.pages.map((p) => p.source));
    expect(back.pages[0]!.lines?.map((l) => l.text)).toEqual(input.pages[0]!.lines?.map((l) => l.text));
  });

  it("refuses an unknown format with the usage and exit code 2", async () => {
    const result = await cli(
      "export",
      "cli-issue",
      "--format",
      "pdf",
      "--out",
      join(dir, "x"),
      "--data",
      join(dir, "data"),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^galley export: unknown format "pdf" \(expected json, html, markdown, nitf, newsml, epub, alto\)\nusage: /,
    );
  });

  it("refuses an unknown issue and an empty one with exit code 1", async () => {
    const data = join(dir, "data");
    const unknown = await cli("export", "nope", "--format", "html", "--out", join(dir, "x"), "--data", data);
    expect(unknown).toMatchObject({ code: 1, stderr: `galley export: no issue nope in ${data}\n` });
    const empty = await cli("export", "empty", "--format", "html", "--out", join(dir, "x"), "--data", data);
    expect(empty).toMatchObject({ code: 1, stderr: "galley export: issue empty has no pages to export\n" });
  });

  it("needs --format and --out", async () => {
    expect((await cli("export", "cli-issue", "--out", "x")).stderr).toMatch(/--format is required/);
    expect((await cli("export", "cli-issue", "--format", "json")).stderr).toMatch(/--out is required/);
  });
});

describe("GET /api/issues/:issueId/export", () => {
  let server: TestServer;
  let storage: Storage;

  beforeAll(async () => {
    server = await startTestServer();
    storage = server.storage;
  });
  afterAll(() => server.close());

  it("answers every format as a download, the same bytes the exporter makes", async () => {
    const issue = await loadIssueInput(storage, server.issueId);
    expect(issue).not.toBeNull();
    for (const format of exportFormats) {
      const response = await server.api(`/api/issues/${server.issueId}/export?format=${format}`, {
        token: server.tokens.viewer,
      });
      expect(response.status).toBe(200);
      const expected = exportIssue(issue!, format);
      expect(response.headers.get("content-type")).toBe(expected.contentType);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${expected.filename}"`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // Formats that stamp the time differ in that stamp only; compare the JSON byte for byte.
      if (format === "json") expect(bytes).toEqual(expected.bytes);
      else expect(bytes.length).toBeGreaterThan(expected.bytes.length / 2);
    }
  });

  it("answers 400 for an unknown format, 404 for an unknown issue, 422 for an empty issue", async () => {
    await storage.createIssue({
      id: "blank",
      title: "Blank",
      date: "2024-05-02",
      createdAt: new Date().toISOString(),
    });
    const status = async (path: string) => {
      const response = await server.api(path);
      const body = (await response.json()) as { error: string };
      return [response.status, body.error];
    };
    expect(await status(`/api/issues/${server.issueId}/export?format=pdf`)).toEqual([
      400,
      expect.stringMatching(/unknown export format "pdf"/),
    ]);
    expect(await status("/api/issues/nope/export?format=json")).toEqual([404, expect.stringMatching(/nope/)]);
    expect(await status("/api/issues/blank/export?format=json")).toEqual([
      422,
      "issue blank has no pages to export",
    ]);
  });
});
