import type { Article, Block, ReconstructedPage } from "@galley/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fromReconstruction } from "./from-reconstruction.ts";
import { attrsForRole } from "./roles.ts";
import { pageSchema } from "./schema.ts";
import { toReconstruction } from "./to-reconstruction.ts";
import { reconstructionToYDoc, yDocToReconstruction } from "./ydoc.ts";

const b = (text: string, ...lines: string[]): Block => ({ text, lines });

function article(id: string, fields: Partial<Article>): Article {
  return {
    id,
    kicker: null,
    headline: null,
    subheadline: null,
    dateline: null,
    byline: null,
    paragraphs: [],
    confidence: 0.9,
    ...fields,
  };
}

function page(articles: Article[], extra: Partial<ReconstructedPage> = {}): ReconstructedPage {
  return {
    source: { format: "text", lineCount: 20, language: "zh" },
    columns: [b("", "1", "2")],
    articles,
    captions: [],
    other: [],
    ...extra,
  };
}

const withStatus = (p: ReconstructedPage) => ({
  ...p,
  articles: p.articles.map((a) => ({ ...a, status: "needs-review" })),
});

describe("fromReconstruction / toReconstruction", () => {
  it("round-trips title blocks, paragraphs, captions and furniture", () => {
    const p = page(
      [
        article("a1", {
          kicker: b("孝义经济开发区", "9"),
          headline: { text: "氢能全产业链布局领跑全国", lines: ["10", "11"], confidence: 0.7 },
          paragraphs: [b("第一段。", "1", "2"), b("第二段。", "3")],
          byline: { ...b("郑婷", "12") },
        }),
      ],
      {
        captions: [{ ...b("图片说明", "13"), article: "a1" }],
        other: [{ ...b("第4版", "14"), kind: "folio" }],
      },
    );
    expect(toReconstruction(fromReconstruction(p))).toEqual(withStatus(p));
  });

  it("marks an inline dateline and byline inside their paragraphs", () => {
    const p = page([
      article("a1", {
        dateline: { text: "科学导报讯", lines: ["1"], inline: "start" },
        byline: { text: "王波", lines: ["3"], inline: "end" },
        paragraphs: [b("科学导报讯 开局发力，起步争先。", "1", "2"), b("交上一份满意的答卷。 王波", "3")],
      }),
    ]);
    const doc = fromReconstruction(p);
    const marks = new Set<string>();
    doc.descendants((n) => {
      for (const m of n.marks) marks.add(m.type.name);
    });
    expect([...marks].sort()).toEqual(["byline_span", "dateline_span"]);
    expect(toReconstruction(doc)).toEqual(withStatus(p));
  });

  it("keeps an inline span whose text is not in the paragraph as a block of its own", () => {
    const p = page([
      article("a1", {
        byline: { text: "李阳", lines: ["3"], inline: "end" },
        paragraphs: [b("正文。", "3")],
      }),
    ]);
    expect(toReconstruction(fromReconstruction(p))).toEqual(withStatus(p));
  });

  it("survives a Y.Doc and an update", () => {
    const p = page([article("a1", { headline: b("Headline", "1"), paragraphs: [b("Body text.", "2")] })]);
    const { update } = reconstructionToYDoc(p);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, update);
    expect(yDocToReconstruction(replica)).toEqual(withStatus(p));
  });

  it("reads a block of an article role found at page level as unplaced text", () => {
    const stray = pageSchema.node("block", attrsForRole("headline", { lines: ["7"], confidence: 0.5 }), [
      pageSchema.text("Stray title"),
    ]);
    const out = toReconstruction(pageSchema.node("page", null, [stray]));
    expect(out.other).toEqual([{ text: "Stray title", lines: ["7"], confidence: 0.5, kind: "unplaced" }]);
    expect(out.articles).toEqual([]);
  });

  it("keeps unplaced text a page holds through another round trip", () => {
    const p = page([], { other: [{ ...b("Stray title", "7"), kind: "unplaced" }] });
    expect(toReconstruction(fromReconstruction(p))).toEqual(withStatus(p));
  });
});
