import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ReconstructedPage } from "@galley/core";
import type { FitSettings } from "@galley/core/model";
import {
  assembleDecisions,
  boundDecisions,
  decideLines,
  defaultFit,
  type LineModel,
  pageSignals,
  type SignalName,
  sureness,
} from "@galley/core/model";
import type { ReadPage } from "./dataset.ts";
import { fitModel } from "./fit-model.ts";
import { fitRouter, type RoutedPage } from "./fit-router.ts";
import { type PageScore, scorePage } from "./score.ts";

/** One page's figures with the model (trained without its paper) and with the rules. */
export interface PageResult {
  name: string;
  paper: string;
  real: boolean;
  /** A real layout read by Tesseract (`CorpusPage.tesseract`): reported apart. */
  tesseract: boolean;
  geometry: boolean;
  titled: boolean;
  /** How many articles the page's truth holds (titles pooled per article weigh pages by it). */
  truthArticles: number;
  signals: Record<SignalName, number>;
  model: PageScore;
  rules: PageScore;
  /** The choice a router fitted without this page's paper makes (set by `routeResults`). */
  routed?: "model" | "rules";
  /** Each line decision of the model: how sure it was, and whether the truth agrees. */
  doubts: Doubt[];
}

/** One decision of the model on one line, for calibration. */
export interface Doubt {
  head: "begin" | "title";
  /** max(p, 1 - p): how sure the model was of what it decided. */
  confidence: number;
  wrong: boolean;
}

/** The page a model makes of a read page. */
export function modelPage(page: ReadPage, model: LineModel): ReconstructedPage {
  return assembleDecisions(page.reading, page.features, decideLines(page.features, model));
}

/** Scores one page both ways. */
export function scoreBoth(page: ReadPage, model: LineModel): PageResult {
  const source = page.page.format === "text" ? page.page.input : null;
  const decisions = boundDecisions(page.reading, decideLines(page.features, model));
  const doubts: Doubt[] = [];
  const { labels } = page;
  for (let i = 0; i < page.features.count; i++) {
    if (labels.other[i]) continue;
    const b = sureness(decisions.begin[i]!, decisions.thresholds.begin);
    doubts.push({
      head: "begin",
      confidence: Math.max(b, 1 - b),
      wrong: b > 0.5 !== (labels.begin[i] === 1),
    });
    if (!labels.titleKnown) continue;
    const t = sureness(decisions.title[i]!, decisions.thresholds.title);
    doubts.push({
      head: "title",
      confidence: Math.max(t, 1 - t),
      wrong: t > 0.5 !== (labels.title[i] === 1),
    });
  }
  return {
    doubts,
    name: page.page.name,
    paper: page.page.paper,
    real: page.page.real,
    tesseract: page.page.tesseract === true,
    geometry: page.page.format !== "text",
    titled: page.page.gt.rolesAnnotated !== false,
    truthArticles: page.page.gt.articles.length,
    signals: pageSignals(page.reading),
    model: scorePage(page.page.gt, assembleDecisions(page.reading, page.features, decisions), source),
    rules: scorePage(page.page.gt, page.reading.rules, source),
  };
}

/**
 * Leave one newspaper out: for each paper, a model fitted on every other paper's pages scores
 * that paper's pages (the fixtures are one "paper" too, left out in their turn).
 */
export function leaveOnePaperOut(pages: readonly ReadPage[], settings?: FitSettings): PageResult[] {
  const results: PageResult[] = [];
  for (const [paper, model] of modelsWithoutEachPaper(pages, settings))
    for (const p of pages)
      if (p.page.paper === paper && p.page.use !== "fit") results.push(scoreBoth(p, model));
  return results;
}

/**
 * For each paper scored (generated pages are training material only: never left out, never
 * scored), the model fitted on every other paper's pages.
 */
export function modelsWithoutEachPaper(
  pages: readonly ReadPage[],
  settings?: FitSettings,
): Map<string, LineModel> {
  const models = new Map<string, LineModel>();
  for (const p of pages) {
    const paper = p.page.paper;
    if (paper.startsWith("generated") || models.has(paper)) continue;
    models.set(
      paper,
      fitModel(
        pages.filter((q) => q.page.paper !== paper && q.page.use !== "score"),
        settings,
      ),
    );
  }
  return models;
}

/**
 * `modelsWithoutEachPaper` (at the default settings unless given), kept in the file `cache`
 * between runs of the tools that study them (read from it when it exists, else fitted and
 * written to it).
 */
export function cachedModelsWithoutEachPaper(
  pages: readonly ReadPage[],
  cache: string | undefined,
  settings: FitSettings = defaultFit,
): Record<string, LineModel> {
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8"));
  const models = Object.fromEntries(modelsWithoutEachPaper(pages, settings));
  if (cache) writeFileSync(cache, JSON.stringify(models));
  return models;
}

/** What a page gains with each choice, as the router is fitted to it. */
export function routedPage(r: PageResult): RoutedPage {
  const gain = (s: PageScore) => s.articleF1 + (r.titled ? s.titleAcc : 0);
  return { paper: r.paper, signals: r.signals, model: gain(r.model), rules: gain(r.rules) };
}

/** Sets each result's `routed` choice with a router fitted on the other papers' results. */
export function routeResults(results: PageResult[]): void {
  for (const paper of new Set(results.map((r) => r.paper))) {
    const router = fitRouter(results.filter((r) => r.paper !== paper && !r.tesseract).map(routedPage));
    for (const r of results) {
      if (r.paper !== paper) continue;
      r.routed = r.signals[router.signal] > router.threshold ? router.above : router.below;
    }
  }
}

/** Means of articleF1 and titleAcc (titleAcc over pages whose truth marks titles). */
export interface Means {
  pages: number;
  model: { articleF1: number; titleAcc: number | null };
  rules: { articleF1: number; titleAcc: number | null };
  routed: { articleF1: number; titleAcc: number | null };
}

/** The means of a set of results. */
export function meansOf(results: readonly PageResult[]): Means {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const titled = results.filter((r) => r.titled);
  const pick = (r: PageResult, k: "model" | "rules" | "routed") =>
    r[k === "routed" ? (r.routed ?? "model") : k];
  const side = (k: "model" | "rules" | "routed") => ({
    articleF1: mean(results.map((r) => pick(r, k).articleF1)) ?? 0,
    titleAcc: mean(titled.map((r) => pick(r, k).titleAcc)),
  });
  return { pages: results.length, model: side("model"), rules: side("rules"), routed: side("routed") };
}

/**
 * titleAcc pooled over articles rather than averaged over pages (a page of two articles moves
 * the page mean by a half per title; pooled, every title counts once): the routed choice's.
 */
export function pooledTitles(results: readonly PageResult[]): { articles: number; titleAcc: number } {
  let articles = 0;
  let right = 0;
  for (const r of results) {
    if (!r.titled) continue;
    articles += r.truthArticles;
    right += r[r.routed ?? "model"].titleAcc * r.truthArticles;
  }
  return { articles, titleAcc: articles ? right / articles : 0 };
}

/** A Markdown table of results grouped by `key`, with a row of means per group. */
export function resultTable(results: readonly PageResult[], key: (r: PageResult) => string): string {
  const groups = new Map<string, PageResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const f = (v: number | null) => (v === null ? "—" : v.toFixed(3));
  const rows = [
    "| pages | n | articleF1 routed | model | rules | titleAcc routed | model | rules |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const [name, group] of groups) {
    const m = meansOf(group);
    rows.push(
      `| ${name} | ${m.pages} | ${f(m.routed.articleF1)} | ${f(m.model.articleF1)} | ${f(m.rules.articleF1)} | ` +
        `${f(m.routed.titleAcc)} | ${f(m.model.titleAcc)} | ${f(m.rules.titleAcc)} |`,
    );
  }
  return rows.join("\n");
}

/**
 * Calibration: of the model's wrong decisions of one kind, the share that falls among the
 * 20 % of its decisions it was least sure of (0.2 would be no better than chance).
 */
export function lowestFifthShare(
  doubts: readonly Doubt[],
  head: Doubt["head"],
): { wrong: number; share: number } {
  const mine = doubts.filter((d) => d.head === head).sort((a, b) => a.confidence - b.confidence);
  const wrong = mine.filter((d) => d.wrong).length;
  const fifth = mine.slice(0, Math.ceil(mine.length * 0.2));
  return { wrong, share: wrong ? fifth.filter((d) => d.wrong).length / wrong : 0 };
}
