import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type BatchProgress, formatProgressBar, listPages, reconstructBatch } from "./batch.ts";

const here = dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "galley-batch-test-"));
  dirs.push(d);
  return d;
}

describe("reconstructBatch", () => {
  it("OCRs images, reconstructs OCR files, reports progress and keeps going past a bad page", async () => {
    const input = await scratch();
    const out = await scratch();
    await copyFile(join(here, "..", "test-data", "hello.png"), join(input, "a.png"));
    await writeFile(join(input, "b.txt"), "Headline\n\nThe body of the story goes on here.\n");
    await writeFile(join(input, "c.xml"), "<alto><Layout>");
    const seen: BatchProgress[] = [];
    const files = await listPages(input);
    const result = await reconstructBatch(files, out, { lang: "eng", onProgress: (p) => seen.push(p) });
    expect(result.written.map((f) => f.slice(out.length + 1))).toEqual(["a.json", "b.json"]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.message).toMatch(/broken ALTO/);
    const a = JSON.parse(await readFile(join(out, "a.json"), "utf8"));
    expect(a.source.format).toBe("hocr");
    expect(JSON.stringify(a)).toMatch(/quick brown fox/);
    expect(seen.at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(seen.some((p) => p.ocr?.stage === "recognizing")).toBe(true);
  });
});

describe("formatProgressBar", () => {
  it("draws the share done, counting the page at hand's OCR stage", () => {
    expect(formatProgressBar({ done: 1, total: 4, file: "/x/p2.png" }, 8)).toBe("[##......] 1/4 p2.png");
    expect(
      formatProgressBar(
        { done: 1, total: 4, file: "p2.png", ocr: { stage: "recognizing", fraction: 0.5 } },
        8,
      ),
    ).toBe("[###.....] 1/4 p2.png (recognizing)");
  });
});
