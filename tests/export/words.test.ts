import { exportIssue } from "@galley/export";
import { describe, expect, it } from "vitest";
import { article, issue, page } from "./builder.ts";
import { unzipText } from "./validators.ts";

/** The exporters' own words follow the issue's language; an article with no headline is marked. */

const now = new Date("2024-05-02T10:00:00Z");
const body = (n: number) => [`第${n}段正文，内容完整，用于测试导出的文字是否跟随语言。`];

function twoPages(language: string) {
  return issue(
    "测试报",
    "2024-05-01",
    language,
    page(1, { language: "zh" }, article({ headline: "头条新闻", body: body(1) }), article({ body: body(2) })),
    page(2, { language: "zh" }, article({ headline: "第二版新闻", body: body(3) })),
  );
}

describe("the HTML site's own words", () => {
  it("are Chinese on a Chinese issue", () => {
    const index = unzipText(exportIssue(twoPages("zh-CN"), "html", { now }).bytes).get("index.html")!;
    expect(index).toContain('<html lang="zh-CN">');
    expect(index).toContain("2 个版面，3 篇文章");
    expect(index).toContain(">第 1 版</a>");
    expect(index).toContain('<nav aria-label="版面">');
    expect(index).not.toMatch(/Page \d|articles on/);
  });

  it("are English on an English issue", () => {
    const index = unzipText(exportIssue(twoPages("en"), "html", { now }).bytes).get("index.html")!;
    expect(index).toContain("3 articles on 2 pages");
    expect(index).toContain(">Page 1</a>");
  });
});

describe("an article with no headline", () => {
  it("is marked in the HTML site, with a note in the issue's language", () => {
    const files = unzipText(exportIssue(twoPages("zh-CN"), "html", { now }).bytes);
    const untitled = files.get("articles/p001-a2.html")!;
    expect(untitled).toContain('data-untitled="true"');
    expect(untitled).toContain('<h1 class="untitled">第2段正文');
    expect(untitled).toContain('<p class="untitled-note">原版无标题</p>');
    expect(files.get("articles/p001-a1.html")).not.toContain("untitled");
    expect(files.get("index.html")).toMatch(
      /<li lang="zh" class="untitled"><a href="articles\/p001-a2.html">/,
    );
  });

  it("is marked in the Markdown front matter", () => {
    const files = unzipText(exportIssue(twoPages("en"), "markdown", { now }).bytes);
    expect(files.get("articles/p001-a2.md")).toContain("\nuntitled: true\n");
    expect(files.get("articles/p001-a1.md")).not.toContain("untitled");
  });
});
