import { exportIssue } from "@galley/export";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sampleIssue } from "./sample-issue.ts";
import { epubcheck, unzipText } from "./validators.ts";

describe("epub export", () => {
  const bytes = exportIssue(sampleIssue(), "epub", { now: new Date("2024-05-02T10:00:00Z") }).bytes;

  it("passes epubcheck with no errors or warnings", async () => {
    const result = await epubcheck(bytes);
    expect(result.output).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
    expect(result.code, result.output).toBe(0);
  }, 60_000);

  it("starts with the mimetype entry, stored uncompressed", () => {
    // Local file header: signature, version, flags, method (0 = stored) at offset 8, name at 30.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(30, 38))).toBe("mimetype");
    expect(new TextDecoder().decode(unzipSync(bytes).mimetype)).toBe("application/epub+zip");
  });

  it("navigates by page, then article", () => {
    const nav = unzipText(bytes).get("EPUB/nav.xhtml")!;
    const pages = [...nav.matchAll(/<li><a href="articles\/(p\d+-a\d+)\.xhtml">(第 \d+ 版[^<]*)<\/a>/g)].map(
      (m) => m[2],
    );
    expect(pages).toEqual([
      "第 1 版 · 要闻",
      "第 2 版 · World",
      expect.stringMatching(/^第 3 版 · Section &lt;script&gt;/),
    ]);
    expect(nav).toContain(
      '<a href="articles/p001-a1.xhtml" lang="zh" xml:lang="zh">科技创新引领产业升级</a>',
    );
  });

  it("lists the printed pages, each pointing at its page break", () => {
    const files = unzipText(bytes);
    const list = files.get("EPUB/nav.xhtml")!.match(/<nav epub:type="page-list"[\s\S]*?<\/nav>/)?.[0] ?? "";
    const targets = [...list.matchAll(/<a href="articles\/([^"#]+)#([^"]+)">(\d+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(targets).toEqual([
      ["p001-a1.xhtml", "page-1", "1"],
      ["p002-a1.xhtml", "page-2", "2"],
      ["p003-a1.xhtml", "page-3", "3"],
    ]);
    for (const [file, id] of targets) expect(files.get(`EPUB/articles/${file}`)).toContain(`id="${id}"`);
  });
});
