import type { Article, Block, Box, OtherKind, SourceFormat, SourceLine, SourceWord } from "@galley/core";
import { type ArticleStatus, articleStatuses, type EditedArticle, type EditedPage } from "@galley/doc";
import {
  arrayAt,
  fail,
  numberAt,
  objectAt,
  oneOfAt,
  optionalNumberAt,
  optionalStringAt,
  stringAt,
  stringsAt,
} from "./json-check.ts";

const sourceFormats: readonly SourceFormat[] = ["text", "hocr", "alto", "page"];
const otherKinds: readonly OtherKind[] = [
  "folio",
  "running-head",
  "section",
  "jump",
  "credit",
  "ad",
  "unplaced",
];

/** Reads one contract `Block`, keeping the extra fields Galley defines. */
export function readBlock(value: unknown, path: string): Block {
  const o = objectAt(value, path);
  const block: Block = { text: stringAt(o.text, `${path}.text`), lines: stringsAt(o.lines, `${path}.lines`) };
  const confidence = optionalNumberAt(o.confidence, `${path}.confidence`);
  if (confidence !== undefined) block.confidence = confidence;
  if (o.inline !== undefined) block.inline = oneOfAt(o.inline, ["start", "end"] as const, `${path}.inline`);
  const article = optionalStringAt(o.article, `${path}.article`);
  if (article !== undefined) block.article = article;
  if (o.kind !== undefined) block.kind = oneOfAt(o.kind, otherKinds, `${path}.kind`);
  if (o.x !== undefined) {
    const x = arrayAt(o.x, `${path}.x`);
    if (x.length !== 2) fail(`${path}.x`, "[left, right]", x);
    block.x = [numberAt(x[0], `${path}.x[0]`), numberAt(x[1], `${path}.x[1]`)];
  }
  return block;
}

function readBlockOrNull(value: unknown, path: string): Block | null {
  return value === null || value === undefined ? null : readBlock(value, path);
}

function readBlocks(value: unknown, path: string): Block[] {
  return arrayAt(value, path).map((b, i) => readBlock(b, `${path}[${i}]`));
}

function readArticle(value: unknown, path: string): EditedArticle {
  const o = objectAt(value, path);
  const article: Article = {
    id: stringAt(o.id, `${path}.id`),
    kicker: readBlockOrNull(o.kicker, `${path}.kicker`),
    headline: readBlockOrNull(o.headline, `${path}.headline`),
    subheadline: readBlockOrNull(o.subheadline, `${path}.subheadline`),
    dateline: readBlockOrNull(o.dateline, `${path}.dateline`),
    byline: readBlockOrNull(o.byline, `${path}.byline`),
    paragraphs: readBlocks(o.paragraphs, `${path}.paragraphs`),
    confidence: o.confidence === undefined ? 1 : numberAt(o.confidence, `${path}.confidence`),
  };
  const status: ArticleStatus =
    o.status === undefined ? "needs-review" : oneOfAt(o.status, articleStatuses, `${path}.status`);
  return { ...article, status };
}

/** Reads a page in the reconstruction contract, with article statuses. */
export function readEditedPage(value: unknown, path: string): EditedPage {
  const o = objectAt(value, path);
  const s = objectAt(o.source, `${path}.source`);
  const source: EditedPage["source"] = {
    format: oneOfAt(s.format, sourceFormats, `${path}.source.format`),
    lineCount: numberAt(s.lineCount, `${path}.source.lineCount`),
  };
  const language = optionalStringAt(s.language, `${path}.source.language`);
  if (language !== undefined) source.language = language;
  const width = optionalNumberAt(s.width, `${path}.source.width`);
  if (width !== undefined) source.width = width;
  const height = optionalNumberAt(s.height, `${path}.source.height`);
  if (height !== undefined) source.height = height;
  return {
    source,
    columns: readBlocks(o.columns, `${path}.columns`),
    articles: arrayAt(o.articles, `${path}.articles`).map((a, i) => readArticle(a, `${path}.articles[${i}]`)),
    captions: readBlocks(o.captions, `${path}.captions`),
    other: readBlocks(o.other, `${path}.other`),
  };
}

function readBox(value: unknown, path: string): Box {
  const o = objectAt(value, path);
  return {
    x: numberAt(o.x, `${path}.x`),
    y: numberAt(o.y, `${path}.y`),
    w: numberAt(o.w, `${path}.w`),
    h: numberAt(o.h, `${path}.h`),
  };
}

function readWord(value: unknown, path: string): SourceWord {
  const o = objectAt(value, path);
  const word: SourceWord = { text: stringAt(o.text, `${path}.text`), box: readBox(o.box, `${path}.box`) };
  const conf = optionalNumberAt(o.conf, `${path}.conf`);
  if (conf !== undefined) word.conf = conf;
  return word;
}

/** Reads the source lines of a page (`SourceLine[]`). */
export function readSourceLines(value: unknown, path: string): SourceLine[] {
  return arrayAt(value, path).map((v, i) => {
    const p = `${path}[${i}]`;
    const o = objectAt(v, p);
    const line: SourceLine = { id: stringAt(o.id, `${p}.id`), text: stringAt(o.text, `${p}.text`) };
    if (o.box !== undefined) line.box = readBox(o.box, `${p}.box`);
    if (o.words !== undefined)
      line.words = arrayAt(o.words, `${p}.words`).map((w, j) => readWord(w, `${p}.words[${j}]`));
    for (const key of ["fontSize", "blankBefore"] as const) {
      const n = optionalNumberAt(o[key], `${p}.${key}`);
      if (n !== undefined) line[key] = n;
    }
    for (const key of ["region", "regionType"] as const) {
      const s = optionalStringAt(o[key], `${p}.${key}`);
      if (s !== undefined) line[key] = s;
    }
    if (o.hyphenated !== undefined) {
      if (typeof o.hyphenated !== "boolean") fail(`${p}.hyphenated`, "a boolean", o.hyphenated);
      line.hyphenated = o.hyphenated;
    }
    return line;
  });
}
