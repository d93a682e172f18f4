import { isJunkLine, type LineInfo } from "../lines/line-info.ts";
import type { PageReading } from "./reading.ts";
import { RuleRole, type RuleView, ruleView } from "./rule-view.ts";

/**
 * The features the model decides on: what the line-level rules read of each line (its text
 * facts and layout evidence), what the rules decided, the same of its neighbours, and a few
 * facts of the whole page. Missing evidence is -1, never a guess.
 */

const lineNames = [
  "cjk",
  "chars_log",
  "words",
  "ends_sentence",
  "ends_colon",
  "ends_hyphen",
  "starts_lower",
  "starts_sentence",
  "clauses",
  "dateline",
  "dateline_at_start",
  "byline_end",
  "byline_line",
  "bare_name",
  "furniture",
  "jump",
  "credit",
  "opens_caption",
  "all_caps",
  "title_case",
  "titleish",
  "junk",
  "gap_before",
  "gap_after",
  "measure_rel",
  "fill",
  "indent",
  "size_ratio",
  "hint_change",
  "hint_caption",
  "hint_furniture",
  "hint_heading",
  "column_change",
  "rule_begin",
  "rule_end",
  "rule_title",
  "rule_kicker",
  "rule_headline",
  "rule_subheadline",
  "rule_other",
  "rule_caption",
  "rule_dateline",
  "rule_byline",
  "rule_article_log",
  "rule_article_pos",
  "page_pos",
  "digit_share",
  "upper_share",
  "ends_comma",
  "chars_rel",
  "size_rank",
  "currency",
  "caps_opening",
  "numbers",
] as const;

/** The features of a line's neighbours, taken at offsets -2, -1, +1, +2. */
const windowNames = [
  "chars_log",
  "ends_sentence",
  "titleish",
  "gap_before",
  "fill",
  "size_ratio",
  "rule_begin",
  "rule_title",
  "rule_other",
  "dateline",
  "byline_line",
  "byline_end",
  "all_caps",
  "hint_change",
  "chars_rel",
  "currency",
  "numbers",
] as const;

const offsets = [-2, -1, 1, 2] as const;

// Prices as papers print them: a currency sign, or a sum with its unit.
const currency =
  /[£$€¥ƒ₤元]|\d\s?(?:fr\.?|francs?|fl\.|gulden|s\.\s?\d+\s?d\.|cents?|mark|元|圆)(?![\p{L}])/iu;
// A line opening with a word in capitals followed by more text: the call of an ad or notice.
const capsOpening = /^[\p{Lu}]{3,}[\p{Lu}\s'’.-]*[.,:—–-]\s*\S/u;
const numberRun = /\d+(?:[.,]\d+)*/g;

const pageNames = [
  "page_titles_follow",
  "page_cjk",
  "page_sized",
  "page_geometry",
  "page_rule_articles",
  "page_titleish",
] as const;

/** Every feature's name, in row order. */
export const featureNames: readonly string[] = [
  ...lineNames,
  ...offsets.flatMap((o) => windowNames.map((n) => `${o < 0 ? "prev" : "next"}${Math.abs(o)}_${n}`)),
  ...pageNames,
];

const lineIndex = new Map<string, number>(lineNames.map((n, i) => [n, i]));
const windowColumns = windowNames.map((n) => lineIndex.get(n)!);

/** A page's features: `count` rows of `width` numbers, row-major. */
export interface FeatureMatrix {
  count: number;
  width: number;
  data: Float32Array;
  /** The rules' view the features were read from. */
  rules: RuleView;
}

/** The features of every line of a read page. */
export function pageFeatures(reading: PageReading): FeatureMatrix {
  const { infos, stream } = reading;
  const n = infos.length;
  const rules = ruleView(
    reading.rules,
    stream.map((l) => l.id),
  );
  const base = lineNames.length;
  const own = new Float32Array(n * base);
  const measure = dominant(stream.map((l) => l.measure ?? 0));
  const medianChars = median(infos.map((x) => x.chars)) || 1;
  const sizes = [...new Set(stream.map((l) => round2(l.sizeRatio ?? 0)))].sort((a, b) => b - a);
  for (let i = 0; i < n; i++) {
    lineRow(infos, rules, i, { measure, medianChars, sizes }, own.subarray(i * base, (i + 1) * base));
  }
  const width = featureNames.length;
  const data = new Float32Array(n * width);
  const page = pageRow(reading, rules);
  for (let i = 0; i < n; i++) {
    const row = data.subarray(i * width, (i + 1) * width);
    row.set(own.subarray(i * base, (i + 1) * base), 0);
    let c = base;
    for (const o of offsets) {
      const j = i + o;
      for (const col of windowColumns) row[c++] = j >= 0 && j < n ? own[j * base + col]! : -1;
    }
    row.set(page, c);
  }
  return { count: n, width, data, rules };
}

interface PageFacts {
  measure: number;
  medianChars: number;
  sizes: number[];
}

function lineRow(
  infos: readonly LineInfo[],
  rules: RuleView,
  i: number,
  page: PageFacts,
  row: Float32Array,
): void {
  const x = infos[i]!;
  const l = x.line;
  const prev = infos[i - 1]?.line;
  const next = infos[i + 1]?.line;
  const letters = x.text.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  const digits = x.text.replace(/[^0-9]/g, "").length;
  const role = rules.role[i]!;
  const k = rules.article[i]!;
  const b = (v: boolean) => (v ? 1 : 0);
  const titleRole = role === RuleRole.Kicker || role === RuleRole.Headline || role === RuleRole.Subheadline;
  const size = l.sizeRatio ?? 0;
  const values = [
    b(x.cjk),
    Math.log1p(x.chars),
    Math.min(x.words, 40),
    b(x.endsSentence),
    b(x.endsColon),
    b(x.endsHyphen),
    b(x.startsLower),
    b(x.startsSentence),
    Math.min(x.clauses, 10),
    b(x.dateline !== null),
    b(x.dateline !== null && x.dateline.from === 0),
    b(x.bylineEnd !== null),
    b(x.bylineLine !== null),
    b(x.bareName),
    b(x.furniture !== null),
    b(x.jump),
    b(x.credit),
    b(x.opensCaption),
    b(x.allCaps),
    b(x.titleCase),
    b(x.titleish),
    b(isJunkLine(x)),
    gap(l.gapBefore),
    gap(next?.gapBefore),
    l.measure && page.measure ? l.measure / page.measure : -1,
    l.fill ?? -1,
    l.indent ?? -1,
    l.sizeRatio ?? -1,
    l.articleHint === undefined || prev?.articleHint === undefined
      ? -1
      : b(l.articleHint !== prev.articleHint),
    b(l.roleHint === "caption"),
    b(l.roleHint === "furniture"),
    b(l.roleHint === "heading"),
    l.column === undefined || prev?.column === undefined ? -1 : b(l.column !== prev.column),
    b(k >= 0 && rules.previous[i] !== k),
    b(k >= 0 && rules.next[i] !== k),
    b(titleRole),
    b(role === RuleRole.Kicker),
    b(role === RuleRole.Headline),
    b(role === RuleRole.Subheadline),
    b(role === RuleRole.Other),
    b(role === RuleRole.Caption),
    b(role === RuleRole.Dateline || (x.dateline !== null && k >= 0)),
    b(role === RuleRole.Byline),
    Math.log1p(rules.articleSize[i]!),
    k >= 0 ? (rules.articleSize[i]! > 1 ? rules.position[i]! / (rules.articleSize[i]! - 1) : 0) : -1,
    infos.length > 1 ? i / (infos.length - 1) : 0,
    x.chars ? digits / x.chars : 0,
    letters.length ? upper / letters.length : 0,
    b(/[,，、;；]$/.test(x.text)),
    x.chars / page.medianChars,
    size > 0 && page.sizes.length > 1 ? page.sizes.indexOf(round2(size)) / (page.sizes.length - 1) : -1,
    b(currency.test(x.text)),
    b(capsOpening.test(x.text)),
    Math.min(10, x.text.match(numberRun)?.length ?? 0),
  ];
  row.set(values);
}

function pageRow(reading: PageReading, rules: RuleView): number[] {
  const { infos } = reading;
  const n = infos.length || 1;
  let cjk = 0;
  let sized = 0;
  let titleish = 0;
  for (const x of infos) {
    if (x.cjk) cjk++;
    if (x.line.sizeRatio !== undefined) sized++;
    if (x.titleish) titleish++;
  }
  return [
    rules.titlesFollow,
    cjk / n,
    sized / n,
    reading.geometry ? 1 : 0,
    reading.rules.articles.length / n,
    titleish / n,
  ];
}

function gap(g: string | undefined): number {
  return g === undefined ? -1 : g === "none" ? 0 : g === "line" ? 1 : g === "paragraph" ? 2 : 3;
}

function dominant(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [v, c] of counts) if (c > most) [best, most] = [v, c];
  return best;
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
