import { exportIssue } from "@galley/export";
import MarkdownIt from "markdown-it";
import { parseFragment } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { nastyText, sampleIssue } from "./sample-issue.ts";
import { unzipText } from "./validators.ts";

/** The documented cleaning, restated: forbidden characters dropped, lone surrogates to U+FFFD, white space folded. */
function cleaned(text: string): string {
  return (
    text
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule under test
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function split(md: string): { front: Record<string, unknown>; body: string } {
  const match = md.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  expect(match).not.toBeNull();
  return { front: parseYaml(match![1]!) as Record<string, unknown>, body: match![2]! };
}

const markdown = new MarkdownIt({ html: true, linkify: false });

describe("markdown export", () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = unzipText(
      exportIssue(sampleIssue(), "markdown", { now: new Date("2024-05-02T10:00:00Z") }).bytes,
    );
  });

  it("writes one file per article with front matter a YAML parser reads back", () => {
    expect(files.size).toBe(6);
    const { front } = split(files.get("articles/p002-a1.md")!);
    expect(front).toEqual({
      title: "Council approves new bridge over the river",
      kicker: "ELECTION 2024",
      subheadline: "Construction to begin in the spring",
      byline: "By MARY ADAMS",
      dateline: "SPRINGFIELD (AP) —",
      date: "2024-05-01",
      issue: "Galley Test Gazette & <Co>",
      page: 2,
      column: 1,
      section: "World",
      language: "en",
      status: "approved",
      captions: ["The old ferry landing, photographed in 1998."],
    });
  });

  it("round-trips nasty text through the front matter exactly (after the documented cleaning)", () => {
    const { front } = split(files.get("articles/p003-a1.md")!);
    for (const key of ["title", "kicker", "subheadline", "byline", "dateline"])
      expect(front[key]).toBe(cleaned(nastyText));
    expect(front.section).toBe(cleaned(`Section ${nastyText}`));
    expect(front.captions).toEqual([cleaned(nastyText)]);
  });

  it("renders the body as the same paragraphs of text, with no markup interpreted", () => {
    const { body } = split(files.get("articles/p003-a1.md")!);
    const html = markdown.render(body);
    const fragment = parseFragment(html);
    const blocks = fragment.childNodes.filter((n) => "tagName" in n) as {
      tagName: string;
      childNodes: unknown[];
    }[];
    expect(blocks.map((b) => b.tagName)).toEqual(["h1", "p", "p", "p", "p", "p"]);
    const texts = blocks.map((b) =>
      (b.childNodes as { nodeName: string; value?: string }[])
        .map((c) => (c.nodeName === "#text" ? c.value : `<${c.nodeName}>`))
        .join(""),
    );
    expect(texts).toEqual([
      cleaned(nastyText),
      cleaned(nastyText),
      "# not a heading",
      "1. not a list",
      "- not a list either",
      "--- front: matter",
    ]);
  });

  it("keeps Chinese text unescaped and strips the inline dateline and byline from the body", () => {
    const { front, body } = split(files.get("articles/p001-a1.md")!);
    expect(front.dateline).toBe("科学导报讯");
    expect(front.byline).toBe("王波");
    expect(front.language).toBe("zh");
    expect(body).toContain("# 科技创新引领产业升级\n\n开局发力，全省一季度");
    expect(body).toContain("交出了一份亮眼的答卷。\n");
    expect(body).not.toContain("王波");
  });
});
