/**
 * Writes the composed text-stream fixtures (`tests/fixtures/text/stream-*.txt` with
 * `.gt.json`). Run: `npx tsx tests/tools/make-text-fixtures.ts`. Deterministic: the same specs
 * give the same files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { composeStream, type StreamPool, type StreamSpec } from "./compose-stream.ts";

const here = dirname(fileURLToPath(import.meta.url));
const pool = (name: string) => JSON.parse(readFileSync(join(here, "texts", name), "utf8")) as StreamPool;
const zhPool: StreamPool = {
  source: "",
  articles: [...pool("zh-local-news.json").articles, ...pool("zh-rural-2018.json").articles],
  captions: pool("zh-local-news.json").captions,
};
const enPool: StreamPool = {
  source: "",
  articles: [
    ...pool("en-local-news.json").articles,
    ...pool("en-nasa.json").articles.filter((a) => a.paragraphs.length <= 4),
  ],
  captions: pool("en-local-news.json").captions,
};

const base = {
  furniture: false,
  jumps: false,
  captions: false,
  hyphenate: false,
  digitSpaces: false,
  gaps: false,
} as const;
const specs: StreamSpec[] = [
  {
    ...base,
    id: "stream-zh-first",
    lang: "zh",
    order: "first",
    spacing: "single",
    indent: "lost",
    furniture: true,
    jumps: true,
    captions: true,
    stories: 6,
    seed: 11,
  },
  {
    ...base,
    id: "stream-zh-after-double",
    lang: "zh",
    order: "after",
    spacing: "double",
    indent: "lost",
    digitSpaces: true,
    captions: true,
    stories: 6,
    seed: 12,
  },
  {
    ...base,
    id: "stream-zh-first-gaps",
    lang: "zh",
    order: "first",
    spacing: "single",
    gaps: true,
    indent: "kept",
    furniture: true,
    stories: 5,
    seed: 13,
  },
  {
    ...base,
    id: "stream-zh-after",
    lang: "zh",
    order: "after",
    spacing: "single",
    indent: "lost",
    digitSpaces: true,
    stories: 6,
    seed: 14,
  },
  {
    ...base,
    id: "stream-en-first-hyphen",
    lang: "en",
    order: "first",
    spacing: "single",
    gaps: true,
    indent: "lost",
    hyphenate: true,
    furniture: true,
    jumps: true,
    captions: true,
    stories: 6,
    seed: 21,
  },
  {
    ...base,
    id: "stream-en-after",
    lang: "en",
    order: "after",
    spacing: "single",
    gaps: true,
    indent: "lost",
    hyphenate: true,
    stories: 5,
    seed: 22,
  },
  {
    ...base,
    id: "stream-en-first-kept",
    lang: "en",
    order: "first",
    spacing: "single",
    indent: "kept",
    hyphenate: true,
    captions: true,
    stories: 5,
    seed: 23,
  },
  {
    ...base,
    id: "stream-zh-first-tight",
    lang: "zh",
    order: "first",
    spacing: "tight",
    indent: "lost",
    jumps: true,
    stories: 6,
    seed: 15,
  },
  {
    ...base,
    id: "stream-en-first-tight",
    lang: "en",
    order: "first",
    spacing: "tight",
    indent: "lost",
    hyphenate: true,
    stories: 6,
    seed: 24,
  },
];

const dir = join(here, "..", "fixtures", "text");
for (const spec of specs) {
  const { text, gt } = composeStream(spec, spec.lang === "zh" ? zhPool : enPool);
  writeFileSync(join(dir, `${spec.id}.txt`), text);
  writeFileSync(join(dir, `${spec.id}.gt.json`), `${JSON.stringify({ ...gt, spec }, null, 1)}\n`);
  console.log(spec.id, text.split("\n").length, "lines", gt.articles.length, "articles");
}
