import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { issueToken, openDataDir } from "@galley/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildServer, spawnServer } from "./helpers/child-server.ts";

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

  it("answers 503 naming the Debian package when a Tesseract language is missing", async () => {
    const response = await api("/api/issues/i-scan/pages?number=2&lang=klingon", {
      method: "POST",
      body: scan,
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/tesseract-ocr-klingon/);
  });
});
