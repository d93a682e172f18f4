import { type Article, type Block, type ReconstructedPage, reconstruct } from "@galley/core";
import { reconstructionToYDoc } from "@galley/doc";
import type { Storage } from "@galley/server";

/**
 * A small, fully known page for browser tests, stored straight into Galley's storage: three
 * articles (English and Chinese), one caption set apart, and a plain-text source whose line
 * numbers are the blocks' line ids. The first article holds a second story the reconstruction
 * missed ("CITY COUNCIL VOTES"), which the tests split off and promote to headline.
 */

/** The source lines, one per line; ids are 1-based line numbers. */
export const seedLines = [
  "Harbour bridge reopens", // 1
  "The harbour bridge reopened on Monday after", // 2
  "two years of repairs.", // 3
  "Traffic was light in the morning.", // 4
  "CITY COUNCIL VOTES", // 5
  "The council voted on the budget.", // 6
  "科学导报讯", // 7
  "本市今日召开科技大会，", // 8
  "与会代表讨论了人工智能。", // 9
  "Weather", // 10
  "Sunny with light winds.", // 11
  "Photo: the bridge at dawn.", // 12
];

const block = (text: string, lines: number[], confidence = 0.9): Block => ({
  text,
  lines: lines.map(String),
  confidence,
});

const article = (id: string, fields: Partial<Article>): Article => ({
  id,
  kicker: null,
  headline: null,
  subheadline: null,
  dateline: null,
  byline: null,
  paragraphs: [],
  confidence: 0.8,
  ...fields,
});

/** The seed page's reconstruction. */
export function seedPage(): ReconstructedPage {
  return {
    source: { format: "text", lineCount: seedLines.length, language: "en" },
    columns: [],
    articles: [
      article("a1", {
        headline: block("Harbour bridge reopens", [1]),
        paragraphs: [
          block("The harbour bridge reopened on Monday after two years of repairs.", [2, 3]),
          block("Traffic was light in the morning.", [4], 0.3),
          block("CITY COUNCIL VOTES", [5]),
          block("The council voted on the budget.", [6]),
        ],
      }),
      article("a2", {
        headline: block("科学导报讯", [7]),
        paragraphs: [block("本市今日召开科技大会，与会代表讨论了人工智能。", [8, 9])],
      }),
      article("a3", {
        headline: block("Weather", [10]),
        paragraphs: [block("Sunny with light winds.", [11])],
      }),
    ],
    captions: [block("Photo: the bridge at dawn.", [12])],
    other: [],
  };
}

/** Stores an issue holding the seed page; returns their ids. */
export async function storeSeedIssue(
  storage: Storage,
  pageId = "p-seed",
): Promise<{ issueId: string; pageId: string }> {
  const issueId = "i-seed";
  if (!(await storage.getIssue(issueId))) {
    await storage.createIssue({
      id: issueId,
      title: "Morning Edition",
      date: "2026-11-28",
      createdAt: new Date().toISOString(),
    });
  }
  const { ydoc, update } = reconstructionToYDoc(seedPage());
  ydoc.destroy();
  const source = new TextEncoder().encode(`${seedLines.join("\n")}\n`);
  await storage.createPage({
    id: pageId,
    issueId,
    number: (await storage.listPages(issueId)).length + 1,
    format: "text",
    status: "needs-review",
    articleCount: 3,
    sourceType: "text/plain; charset=utf-8",
    width: null,
    height: null,
    createdAt: new Date().toISOString(),
    source,
    ocrText: null,
    firstUpdate: update,
  });
  return { issueId, pageId };
}

/**
 * Stores a scanned page as the server does after OCR: the PNG as the source, Tesseract's hOCR
 * of it as the OCR text, and the reconstruction of that hOCR as the first update. The files are
 * `tests/fixtures/rendered/en-06.{png,hocr}` (see the README beside them).
 */
export async function storeScannedPage(
  storage: Storage,
  issueId: string,
  files: { png: Uint8Array; hocr: string },
  pageId = "p-scan",
): Promise<{ pageId: string; articleCount: number }> {
  const page = reconstruct(files.hocr, { format: "hocr" });
  const { ydoc, update } = reconstructionToYDoc(page);
  ydoc.destroy();
  await storage.createPage({
    id: pageId,
    issueId,
    number: (await storage.listPages(issueId)).length + 1,
    format: "hocr",
    status: "needs-review",
    articleCount: page.articles.length,
    sourceType: "image/png",
    width: page.source.width ?? null,
    height: page.source.height ?? null,
    createdAt: new Date().toISOString(),
    source: files.png,
    ocrText: files.hocr,
    firstUpdate: update,
  });
  return { pageId, articleCount: page.articles.length };
}
