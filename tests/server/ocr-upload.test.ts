import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { issueToken, openDataDir } from "@galley/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildServer, spawnServer } from "./helpers/child-server.ts";
import { type JobBody, readJobEvents } from "./helpers/jobs.ts";

/** The commands of a process's children (`ps --ppid`). */
function childCommands(pid: number): string[] {
  try {
    return execFileSync("ps", ["-o", "comm=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** A real scan (see tests/fixtures/server/SOURCE.md), OCR'd by the real Tesseract behind `galley serve`. */
const scan = readFileSync(new URL("../fixtures/server/en-06-top.png", import.meta.url));

describe("uploading a page image to galley serve", () => {
  let dataDir: string;
  let server: ChildServer;
  let token: string;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "galley-ocr-"));
    const storage = openDataDir(dataDir);
    await storage.createIssue({
      id: "i-scan",
      title: "Scans",
      date: "1992-12-29",
      createdAt: new Date().toISOString(),
    });
    token = (await issueToken(storage, { role: "admin", name: "Ada" })).token;
    await storage.close();
    server = await spawnServer(dataDir);
  });
  afterAll(async () => {
    server.process.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("OCRs the scan to hOCR, reconstructs it, and keeps the image and the line boxes", async () => {
    const response = await api("/api/issues/i-scan/pages?number=1&lang=eng", { method: "POST", body: scan });
    expect(response.status).toBe(201);
    const page = (await response.json()) as { id: string; format: string; articleCount: number };
    expect(page.format).toBe("hocr");
    expect(page.articleCount).toBeGreaterThan(0);

    const image = await api(`/api/pages/${page.id}/image`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(scan)).toBe(true);
    const source = await api(`/api/pages/${page.id}/source`);
    expect(Buffer.from(await source.arrayBuffer()).equals(scan)).toBe(true);

    const lines = (await (await api(`/api/pages/${page.id}/lines`)).json()) as {
      format: string;
      width: number;
      lines: { text: string; box?: object; words?: { conf?: number }[] }[];
    };
    expect(lines.format).toBe("hocr");
    expect(lines.width).toBe(1200);
    expect(lines.lines.some((l) => l.text.includes("Aeronautics"))).toBe(true);
    expect(lines.lines.every((l) => l.box)).toBe(true);
    expect(lines.lines[0]?.words?.[0]?.conf).toBeTypeOf("number");

    const info = (await (await api(`/api/pages/${page.id}/info`)).json()) as {
      hasImage: boolean;
      width: number;
    };
    expect(info).toMatchObject({ hasImage: true, width: 1200 });
  });

  it("runs a scan as a job: OCR, then reconstruction, then the page, with progress in order", async () => {
    const response = await api("/api/issues/i-scan/pages?number=3&lang=eng&name=top.png", {
      method: "POST",
      body: scan,
      headers: { prefer: "respond-async" },
    });
    expect(response.status).toBe(202);
    const { job } = (await response.json()) as { job: JobBody };
    const seen = await readJobEvents(await api(`/api/jobs/${job.id}/events`));
    const phases = seen.map((j) => j.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases.slice(-4)).toEqual(["ocr", "reconstruct", "store", null]);
    const duringOcr = seen.filter((j) => j.phase === "ocr").map((j) => j.fraction);
    expect(Math.max(...duringOcr)).toBeLessThanOrEqual(0.8);
    const fractions = seen.map((j) => j.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: "done", label: "top.png" });
    const info = (await (await api(`/api/pages/${last.pageId}/info`)).json()) as { hasImage: boolean };
    expect(info.hasImage).toBe(true);
  });

  it("cancels a scan during OCR: Tesseract is stopped and no page is left", async () => {
    const response = await api("/api/issues/i-scan/pages?number=4&lang=eng", {
      method: "POST",
      body: scan,
      headers: { prefer: "respond-async" },
    });
    const { job } = (await response.json()) as { job: JobBody };
    const events = await api(`/api/jobs/${job.id}/events`);
    let cancelled = false;
    const seen = await readJobEvents(events, (j) => {
      if (j.phase === "ocr" && !cancelled) {
        cancelled = true;
        void api(`/api/jobs/${job.id}`, { method: "DELETE" });
      }
    });
    expect(seen.at(-1)).toMatchObject({ state: "cancelled", pageId: null });
    const issue = (await (await api("/api/issues/i-scan")).json()) as { pages: { number: number }[] };
    expect(issue.pages.map((p) => p.number)).not.toContain(4);
    // SIGKILLed at the cancel; wait (bounded) for the kernel to reap it.
    const deadline = Date.now() + 5000;
    while (childCommands(server.process.pid!).includes("tesseract") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(childCommands(server.process.pid!)).not.toContain("tesseract");
  });

  it("answers 503 naming the Debian package when a Tesseract language is missing", async () => {
    const response = await api("/api/issues/i-scan/pages?number=2&lang=klingon", {
      method: "POST",
      body: scan,
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/tesseract-ocr-klingon/);
  });
});
