import { buildArticle } from "../assemble/article-parts.ts";
import type { StreamLine } from "../assemble/stream.ts";
import { blockOf, type TextOptions } from "../assemble/text-blocks.ts";
import { splitTitle } from "../assemble/title-roles.ts";
import type { LineInfo } from "../lines/line-info.ts";
import { collectHyphenatedWords } from "../text/join.ts";
import type { Article, Block, OtherKind, ReconstructedPage } from "../types.ts";
import { type FeatureMatrix, featureNames, pageFeatures } from "./features.ts";
import { breaksAsHeading, opensWithHeading } from "./heading-shape.ts";
import type { PageReading } from "./reading.ts";
import { route } from "./router.ts";
import { RuleRole } from "./rule-view.ts";
import { type HeadName, headMargin, headNames, type LineModel, sigmoid, type Thresholds } from "./trees.ts";

/** The model's probabilities for each line of a stream, one array per decision. */
export type LineDecisions = Record<HeadName, Float32Array> & {
  /** The probability above which each decision is taken. */
  thresholds: Thresholds;
};

/**
 * Runs the model's heads over a page's features. The model names the features it was fitted
 * on; they are looked up by name, so a model fitted on fewer features still runs.
 */
export function decideLines(features: FeatureMatrix, model: LineModel): LineDecisions {
  const columns = model.features.map((name) => {
    const c = featureNames.indexOf(name);
    if (c < 0) throw new Error(`the model needs the feature "${name}", which this version does not read`);
    return c;
  });
  const row = new Float32Array(columns.length);
  const given = model.thresholds ?? {};
  const title = given.title ?? 0.5;
  const thresholds = { other: 0.5, begin: 0.5, title, lead: title, ...given };
  const out = { thresholds } as LineDecisions;
  for (const name of headNames) out[name] = new Float32Array(features.count);
  for (let i = 0; i < features.count; i++) {
    const at = i * features.width;
    for (let c = 0; c < columns.length; c++) row[c] = features.data[at + columns[c]!]!;
    for (const name of headNames) out[name][i] = sigmoid(headMargin(model.heads[name], row));
  }
  return out;
}

/**
 * The page a model makes of a read page: the rules' page where the model's router keeps it,
 * else the model's decisions assembled.
 */
export function decidePage(
  reading: PageReading,
  model: LineModel,
  options: { digitSpacing?: "keep" | "normalize" } = {},
): ReconstructedPage {
  if (route(model.router, reading) === "rules") return reading.rules;
  const features = pageFeatures(reading);
  const decisions = decideLines(features, model);
  return assembleDecisions(reading, features, decisions, {
    normalizeDigitSpacing: options.digitSpacing === "normalize",
  });
}

/** Options for `assembleDecisions`. */
export interface DecisionOptions {
  normalizeDigitSpacing?: boolean;
}

/**
 * Builds the page from the model's decisions: a line the model sets outside the articles is a
 * caption where the rules read one and otherwise `other`; every other line joins the current
 * article, or opens a new one where the model says an article begins or where a line set as a
 * heading stands between two paragraphs (`headingBreak`). A producer's regions
 * (`PageReading.zoned`) bind these decisions (`boundDecisions`, `keepRegionsWhole`): no
 * article begins inside one, a region's lines are titles together or not at all, and a region
 * the layout reads in two places goes whole to the owner of most of its lines. An article of title lines alone heads the one
 * after it. An article's title is the run of title lines that opens it, or else the run that
 * closes it (pages that set titles after their bodies), or else its opening line where the
 * model holds it likely enough for an opening line or the line is set as a heading
 * (`opensWithHeading`); title lines inside the body are its subheads and stay in the text.
 * Datelines, bylines and paragraphs are read inside each article as the rules read them.
 */
export function assembleDecisions(
  reading: PageReading,
  features: FeatureMatrix,
  decisions: LineDecisions,
  options: DecisionOptions = {},
): ReconstructedPage {
  const { infos, stream, rules } = reading;
  const text: TextOptions = {
    hyphenated: collectHyphenatedWords(stream.map((l) => l.text)),
    normalizeDigitSpacing: options.normalizeDigitSpacing ?? false,
  };
  const groups: number[][] = [];
  const outside: number[] = [];
  const bound = boundDecisions(reading, decisions);
  const isOutside = outsideLines(bound);
  for (let i = 0; i < infos.length; i++) {
    if (isOutside[i]) {
      outside.push(i);
      continue;
    }
    const current = groups.at(-1);
    if (!current || bound.begin[i]! > bound.thresholds.begin || headingBreak(reading, bound, current, i))
      groups.push([i]);
    else current.push(i);
  }
  foldBodilessTitles(groups, (i) => bound.title[i]! > bound.thresholds.title);
  const whole = reading.zoned ? keepRegionsWhole(stream, groups, outside) : { groups, outside };
  const articles: Article[] = whole.groups.map((lines, k) =>
    articleOf(infos, lines, bound, `a${k + 1}`, whole.groups[k + 1]?.[0], text),
  );
  const { captions, other } = outsideBlocks(infos, whole.outside, features, rules, text);
  return { ...rules, articles, captions, other };
}

/**
 * The least P(title) a line set as a heading inside an article needs to open an article of its
 * own: below it the model is sure the line is no title. Measured over three fits (bins 40, 48, 56)
 * at floors 0, 0.02 and 0.05: 0.05 raised both real means on each fit, 0.02 less, and no floor
 * cost articleF1 on one (docs/accuracy.md, "Choices").
 */
const headingBreakFloor = 0.05;

/**
 * Whether an article the model runs on past line `i` begins there all the same, at a line set
 * as a heading between two paragraphs (`breaksAsHeading`) that the model does not rule out as a
 * title, where the current article holds two lines or more and the stream may begin an article
 * (not inside a producer's region).
 */
function headingBreak(
  reading: PageReading,
  bound: LineDecisions,
  current: readonly number[],
  i: number,
): boolean {
  if (current.length < 2 || bound.title[i]! < headingBreakFloor) return false;
  if (reading.zoned && continuesRegion(reading.stream, i)) return false;
  return breaksAsHeading(reading.infos, i);
}

/** Whether the stream reads line `i` in a row from the source region of the line before it. */
function continuesRegion(stream: readonly StreamLine[], i: number): boolean {
  const region = stream[i]!.region;
  return region !== undefined && region === stream[i - 1]?.region;
}

/**
 * The decisions as assembly takes them: bound by the stream's regions (`boundByRegions`) where
 * they are a producer's zoning, which holds one article and a title whole; as given otherwise.
 */
export function boundDecisions(reading: PageReading, decisions: LineDecisions): LineDecisions {
  return reading.zoned ? boundByRegions(reading.stream, decisions) : decisions;
}

/**
 * An article of title lines alone has no body to head: its lines are the title of the article
 * that follows ("BINNENLAND." above "AMSTERDAM, Donderdag 30 November."), so they join it. The
 * last group keeps its lines, having nothing after it to head. In place.
 */
export function foldBodilessTitles(groups: number[][], isTitle: (i: number) => boolean): void {
  for (let k = groups.length - 2; k >= 0; k--) {
    if (groups[k]!.every(isTitle)) groups.splice(k, 2, [...groups[k]!, ...groups[k + 1]!]);
  }
}

/**
 * Gives the lines of each source region to one owner, as a producer's region holds one article
 * or none: where the layout reads a region in two places and the cuts left its lines with
 * different articles (or some outside), each goes to the owner of most of them (the outside
 * counts as one; on a tie a line stays). An article's opening line stays where it is, and no
 * line goes to an article that opens after it, so every article keeps its opening and title
 * run. `groups` are the articles' stream indices in order, `outside` the rest; returns new lists.
 */
export function keepRegionsWhole(
  stream: readonly StreamLine[],
  groups: readonly (readonly number[])[],
  outside: readonly number[],
): { groups: number[][]; outside: number[] } {
  const owner = new Int32Array(stream.length).fill(-1);
  groups.forEach((lines, k) => {
    for (const i of lines) owner[i] = k;
  });
  const held = [...outside, ...groups.flat()];
  const counts = new Map<string, Map<number, number>>();
  for (const i of held) {
    const region = stream[i]!.region;
    if (region === undefined) continue;
    const count = counts.get(region) ?? new Map<number, number>();
    counts.set(region, count);
    count.set(owner[i]!, (count.get(owner[i]!) ?? 0) + 1);
  }
  const opening = groups.map((lines) => lines[0]!);
  const moved = Int32Array.from(owner);
  for (let i = 0; i < stream.length; i++) {
    const count = counts.get(stream[i]!.region ?? "");
    if (!count || (owner[i]! >= 0 && opening[owner[i]!] === i)) continue;
    let best = owner[i]!;
    for (const [k, n] of count) if (n > (count.get(best) ?? 0) && (k < 0 || opening[k]! < i)) best = k;
    moved[i] = best;
  }
  const out: number[][] = groups.map(() => []);
  const rest: number[] = [];
  for (const i of held.sort((a, b) => a - b)) {
    const k = moved[i]!;
    if (k < 0) rest.push(i);
    else out[k]!.push(i);
  }
  return { groups: out.filter((lines) => lines.length > 0), outside: rest };
}

/**
 * The decisions bound by the source's regions (an ALTO TextBlock, a PAGE TextRegion, an hOCR
 * content area), where they bind (`regionsBind`: a producer's zoning; Tesseract's own blocks
 * except on CJK pages, where they run across the narrow gutters). On every real page we have truth for, no
 * producer's region holds lines of two articles, and every title is a region of its own (47
 * of 47 title regions hold title lines only). So an article begins only where the stream
 * enters a region, never between two lines it reads in a row from one region; and the lines of
 * such a run share one P(title), the mean of theirs, so a title is taken or left a region at a
 * time. Lines without a region are not bound. Returns new arrays; the decisions given are left as they were.
 */
export function boundByRegions(stream: readonly StreamLine[], decisions: LineDecisions): LineDecisions {
  const begin = new Float32Array(decisions.begin);
  const title = new Float32Array(decisions.title);
  for (let from = 0; from < stream.length; ) {
    let to = from + 1;
    while (to < stream.length && continuesRegion(stream, to)) to++;
    let sum = 0;
    for (let i = from; i < to; i++) sum += decisions.title[i]!;
    for (let i = from; i < to; i++) {
      if (i > from) begin[i] = 0;
      title[i] = sum / (to - from);
    }
    from = to;
  }
  return { ...decisions, begin, title };
}

/**
 * A probability read against the bar it had to clear: 0.5 at the bar, towards 1 (or 0) as the
 * model's log-odds move above (or below) it. Confidences are these, so "least sure" means
 * "nearest its decision's edge" whatever the bar.
 */
export function sureness(p: number, bar: number): number {
  const logit = (x: number) => Math.log(Math.max(x, 1e-9) / Math.max(1 - x, 1e-9));
  return 1 / (1 + Math.exp(-(logit(p) - logit(bar))));
}

/** How sure the model must be of one line to set it apart from the stretch it stands in. */
const lineApart = 0.8;

/**
 * Which lines stand outside the articles. The stream is cut where articles begin; a stretch
 * whose lines the model holds, on average, to be outside (a column of ads, a price list)
 * goes out whole, so it is never torn into articles line by line; inside a stretch that
 * stays, a line goes out alone only where the model is sure of it (a folio, a rule).
 */
function outsideLines(decisions: LineDecisions): Uint8Array {
  const n = decisions.other.length;
  const out = new Uint8Array(n);
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && decisions.begin[i]! <= decisions.thresholds.begin) continue;
    let sum = 0;
    for (let j = from; j < i; j++) sum += decisions.other[j]!;
    const whole = sum / (i - from) > decisions.thresholds.other;
    for (let j = from; j < i; j++) out[j] = whole || decisions.other[j]! > lineApart ? 1 : 0;
    from = i;
  }
  return out;
}

function articleOf(
  infos: readonly LineInfo[],
  lines: readonly number[],
  decisions: LineDecisions,
  id: string,
  nextStart: number | undefined,
  text: TextOptions,
): Article {
  const isTitle = (i: number) => decisions.title[i]! > decisions.thresholds.title;
  let lead = 0;
  while (lead < lines.length && isTitle(lines[lead]!)) lead++;
  let close = 0;
  if (lead === 0) while (close < lines.length - 1 && isTitle(lines[lines.length - 1 - close]!)) close++;
  const { begin: beginBar, title: titleBar, lead: leadBar } = decisions.thresholds;
  // No title run: the opening line is the title where it clears the lower bar of an opening
  // line, or where it is set as a heading (`opensWithHeading`; its sureness then stays the
  // model's, below the bar, so the editor's "next doubtful place" goes there).
  let openingBar = titleBar;
  if (
    !lead &&
    !close &&
    lines.length > 1 &&
    (decisions.title[lines[0]!]! > leadBar || opensWithHeading(infos, lines))
  ) {
    lead = 1;
    openingBar = leadBar;
  }
  const titleLines = lead ? lines.slice(0, lead) : lines.slice(lines.length - close);
  const bodyLines = lead ? lines.slice(lead) : lines.slice(0, lines.length - close);
  // How sure the model is of the article's extent: its opening, its inside, its end — each
  // probability read against the bar it had to clear, so 0.5 is a decision on the edge.
  const begins = (i: number) => sureness(decisions.begin[i]!, beginBar);
  const opening = lines[0] === 0 ? 1 : begins(lines[0]!);
  let inside = 1;
  for (let j = 1; j < lines.length; j++) inside = Math.min(inside, 1 - begins(lines[j]!));
  const end = nextStart === undefined ? 1 : begins(nextStart);
  let titleSure = 1;
  for (const i of titleLines)
    titleSure = Math.min(titleSure, sureness(decisions.title[i]!, i === lines[0] ? openingBar : titleBar));
  for (const i of bodyLines.slice(0, 2))
    titleSure = Math.min(titleSure, 1 - sureness(decisions.title[i]!, titleBar));
  return buildArticle(
    {
      id,
      body: bodyLines.map((i) => infos[i]!),
      title: titleLines.length ? splitTitle(titleLines.map((i) => infos[i]!)) : null,
      titleConfidence: titleSure,
      confidence: Math.min(opening, inside, end),
    },
    text,
  );
}

function outsideBlocks(
  infos: readonly LineInfo[],
  outside: readonly number[],
  features: FeatureMatrix,
  rules: ReconstructedPage,
  text: TextOptions,
): { captions: Block[]; other: Block[] } {
  const kinds = new Map<string, OtherKind | undefined>();
  for (const b of rules.other) for (const id of b.lines) kinds.set(id, b.kind);
  const captions: Block[] = [];
  const other: Block[] = [];
  let run: number[] = [];
  const flush = () => {
    if (!run.length) return;
    const first = run[0]!;
    const block = blockOf(
      run.map((i) => infos[i]!),
      text,
    );
    if (features.rules.role[first] === RuleRole.Caption) captions.push(block);
    else {
      const kind = kinds.get(infos[first]!.line.id);
      other.push(kind ? { ...block, kind } : block);
    }
    run = [];
  };
  for (const i of outside) {
    const last = run.at(-1);
    const sameKind =
      last !== undefined &&
      last === i - 1 &&
      (features.rules.role[last] === RuleRole.Caption) === (features.rules.role[i] === RuleRole.Caption) &&
      kinds.get(infos[last]!.line.id) === kinds.get(infos[i]!.line.id);
    if (!sameKind) flush();
    run.push(i);
  }
  flush();
  return { captions, other };
}
