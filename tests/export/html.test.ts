import { exportIssue } from "@galley/export";
import { HtmlValidate } from "html-validate";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleIssue } from "./sample-issue.ts";
import { unzipText } from "./validators.ts";

type Element = DefaultTreeAdapterMap["element"];
type ChildNode = DefaultTreeAdapterMap["childNode"];

function elements(node: { childNodes?: ChildNode[] }, out: Element[] = []): Element[] {
  for (const child of node.childNodes ?? []) {
    if ("tagName" in child) {
      out.push(child);
      elements(child, out);
    }
  }
  return out;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function textOf(node: { childNodes?: ChildNode[] }): string {
  return (node.childNodes ?? [])
    .map((c) => ("value" in c && c.nodeName === "#text" ? c.value : textOf(c as Element)))
    .join("");
}

/** Parses a page with parse5 (the WHATWG algorithm), failing on any parse error, and returns its elements. */
function parseStrict(html: string, name: string): Element[] {
  const errors: string[] = [];
  const doc = parse(html, {
    onParseError: (e) => errors.push(`${name}:${e.startLine}:${e.startCol} ${e.code}`),
  });
  expect(errors).toEqual([]);
  return elements(doc);
}

describe("html export", () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = unzipText(exportIssue(sampleIssue(), "html", { now: new Date("2024-05-02T10:00:00Z") }).bytes);
  });

  it("holds an index, a style sheet and one page per article", () => {
    expect([...files.keys()].sort()).toEqual([
      "articles/p001-a1.html",
      "articles/p001-a2.html",
      "articles/p002-a1.html",
      "articles/p002-a2.html",
      "articles/p003-a1.html",
      "articles/p003-a2.html",
      "index.html",
      "style.css",
    ]);
  });

  it("writes pages that html-validate finds valid and parse5 parses without a parse error", async () => {
    // `long-title` (an SEO hint) counts the raw source, entity references included, so an
    // escaped `&lt;` costs four characters; the exporter keeps titles to 70 characters of text.
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "long-title": "off" },
    });
    const pages = [...files].filter(([name]) => name.endsWith(".html"));
    for (const [name, html] of pages) {
      const report = await validator.validateString(html, name);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${name}:${m.line} ${m.ruleId} ${m.message}`),
      );
      expect(messages).toEqual([]);
      parseStrict(html, name);
    }
  });

  it("links every article from the index, grouped by page with its section", () => {
    const els = parseStrict(files.get("index.html")!, "index.html");
    const links = els.filter((e) => e.tagName === "a").map((e) => attr(e, "href"));
    for (const name of files.keys()) if (name.startsWith("articles/")) expect(links).toContain(name);
    const headings = els.filter((e) => e.tagName === "h2").map(textOf);
    expect(headings).toEqual([
      "第 1 版 要闻",
      "第 2 版 World",
      expect.stringMatching(/^第 3 版 Section <script>/),
    ]);
  });

  it("tags documents and articles with their language for CJK line breaking", () => {
    const zh = parseStrict(files.get("articles/p001-a1.html")!, "zh");
    expect(attr(zh.find((e) => e.tagName === "html")!, "lang")).toBe("zh-CN");
    expect(attr(zh.find((e) => e.tagName === "article")!, "lang")).toBe("zh");
    const en = parseStrict(files.get("articles/p002-a1.html")!, "en");
    expect(attr(en.find((e) => e.tagName === "article")!, "lang")).toBe("en");
    const css = files.get("style.css")!;
    expect(css).toMatch(
      /:lang\(zh\)[^{]*\{[^}]*line-break: strict;[^}]*word-break: normal;[^}]*overflow-wrap: anywhere;/,
    );
  });

  it("describes each article with NewsArticle JSON-LD carrying the required fields", () => {
    for (const [name, html] of files) {
      if (!name.startsWith("articles/")) continue;
      const scripts = parseStrict(html, name).filter((e) => e.tagName === "script");
      expect(scripts).toHaveLength(1);
      expect(attr(scripts[0]!, "type")).toBe("application/ld+json");
      const ld = JSON.parse(textOf(scripts[0]!));
      expect(ld["@context"]).toBe("https://schema.org");
      expect(ld["@type"]).toBe("NewsArticle");
      expect(typeof ld.headline).toBe("string");
      expect(ld.headline.length).toBeGreaterThan(0);
      expect(ld.datePublished).toBe("2024-05-01");
      expect(ld.printPage).toMatch(/^\d+$/);
      expect(typeof ld.articleBody).toBe("string");
      expect(ld.isPartOf).toEqual({
        "@type": "PublicationIssue",
        name: "Galley Test Gazette & <Co>",
        datePublished: "2024-05-01",
      });
    }
  });

  it("fills the optional JSON-LD fields where the article has them", () => {
    const html = files.get("articles/p002-a1.html")!;
    const script = parseStrict(html, "en").find((e) => e.tagName === "script")!;
    const ld = JSON.parse(textOf(script));
    expect(ld).toMatchObject({
      headline: "Council approves new bridge over the river",
      alternativeHeadline: "Construction to begin in the spring",
      author: [{ "@type": "Person", name: "MARY ADAMS" }],
      dateline: "SPRINGFIELD (AP) —",
      printPage: "2",
      printColumn: "1",
      printSection: "World",
      inLanguage: "en",
    });
    expect(ld.articleBody).toBe(
      "The town council yesterday approved the long-awaited bridge, ending a decade of debate about the crossing.\n\n" +
        "Work is expected to start in March and to take two years, the mayor said.",
    );
    const zh = JSON.parse(
      textOf(parseStrict(files.get("articles/p001-a1.html")!, "zh").find((e) => e.tagName === "script")!),
    );
    expect(zh.author).toEqual([{ "@type": "Person", name: "王波" }]);
    expect(zh.articleBody.startsWith("开局发力")).toBe(true);
    expect(zh.articleBody.endsWith("答卷。")).toBe(true);
  });

  it("keeps markup in OCR text as text, in the page and in the JSON-LD", () => {
    const html = files.get("articles/p003-a1.html")!;
    const els = parseStrict(html, "nasty");
    expect(els.filter((e) => e.tagName === "script")).toHaveLength(1);
    expect(textOf(els.find((e) => e.tagName === "h1")!)).toContain('<script>alert("x")</script> & &amp;');
    const ld = JSON.parse(textOf(els.find((e) => e.tagName === "script")!));
    expect(ld.headline).toContain('<script>alert("x")</script>');
    expect(ld.headline).toContain("lone \uFFFD high");
    expect(html).not.toContain("</script> &");
  });
});
