import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pageFragmentName } from "@galley/doc";
import { exportIssue } from "@galley/export";
import {
  buildDoc,
  createPageFromUpload,
  createTokenAuthenticator,
  loadIssueInput,
  openDataDir,
  silentLogger,
} from "@galley/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { runCli } from "../../apps/cli/src/run.ts";
import { seedPage } from "./helpers/server.ts";

async function galley(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe("galley import", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "galley-import-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** An issue with the seed page, edited: a correction typed and the first article approved. */
  async function exportedIssue(): Promise<{
    file: string;
    original: Awaited<ReturnType<typeof loadIssueInput>>;
  }> {
    const storage = openDataDir(join(dir, "a"));
    await storage.createIssue({
      id: "i-orig",
      title: "科学导报 第 3 版",
      date: "2025-02-10",
      publication: "科学导报",
      createdAt: new Date().toISOString(),
    });
    const page = await createPageFromUpload(
      storage,
      { issueId: "i-orig", number: 3, bytes: seedPage },
      null,
      silentLogger,
    );
    const doc = buildDoc((await storage.loadDoc(page.id))!, page.id);
    const before = Y.encodeStateVector(doc);
    const article = doc.getXmlFragment(pageFragmentName).get(0) as Y.XmlElement;
    article.setAttribute("status", "approved");
    ((article.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "[corrected] ");
    await storage.appendUpdates(page.id, [Y.encodeStateAsUpdate(doc, before)]);
    const original = await loadIssueInput(storage, "i-orig");
    await storage.close();
    const file = join(dir, "issue.json");
    writeFileSync(file, exportIssue(original!, "json").bytes);
    return { file, original };
  }

  it("re-creates an exported issue: same ids, pages as edited, statuses and sources", async () => {
    const { file, original } = await exportedIssue();
    const result = await galley("import", file, "--data", join(dir, "b"));
    expect(result).toMatchObject({ code: 0, stdout: "i-orig\n" });
    const storage = openDataDir(join(dir, "b"));
    const imported = await loadIssueInput(storage, "i-orig");
    await storage.close();
    expect(imported).toEqual(original);
    expect(imported?.publication).toBe("科学导报");
    expect(imported?.pages[0]?.page.articles[0]?.status).toBe("approved");
    expect(JSON.stringify(imported)).toContain("[corrected] ");
  });

  it("refuses to import an issue that exists already, and changes nothing", async () => {
    const { file } = await exportedIssue();
    expect((await galley("import", file, "--data", join(dir, "b"))).code).toBe(0);
    const again = await galley("import", file, "--data", join(dir, "b"));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/issue i-orig exists already/);
  });

  it("refuses a file that is not a Galley issue, naming the problem", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ format: "something-else" }));
    const result = await galley("import", file, "--data", join(dir, "b"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.json: .*format/);
  });
});

describe("galley token create", () => {
  it("prints a token and nothing else, which the data directory then accepts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "galley-token-"));
    try {
      const result = await galley("token", "create", "--data", dir, "--role", "viewer", "--name", "Vera");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
      const storage = openDataDir(dir);
      const who = await createTokenAuthenticator(storage)(
        new Request("http://x/api/me", { headers: { authorization: `Bearer ${result.stdout.trim()}` } }),
      );
      await storage.close();
      expect(who).toMatchObject({ user: "Vera", role: "viewer", issueId: null });
      expect((await galley("token", "create", "--data", dir, "--role", "owner")).code).toBe(2);
      expect(
        (await galley("token", "create", "--data", dir, "--role", "viewer", "--issue", "i-none")).code,
      ).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
