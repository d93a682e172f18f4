import type { PageReading } from "./reading.ts";

/**
 * The choice between the rules' page and the model's page, made per page from a few facts of
 * the whole page. The rules were written against modern pages (datelines, bylines, set titles)
 * and read those almost perfectly; the model was fitted to archive pages as well, where the
 * rules fail. Which facts and where to cut is fitted to data (`training/src/fit-router.ts`).
 */

/**
 * Page facts the router may cut on: what kind of page it is (how many of the rules' articles
 * carry a dateline or a byline, or either; the script; whether it has coordinates), not how
 * well the rules did.
 */
export const signalNames = [
  "credited_articles",
  "datelined_articles",
  "bylined_articles",
  "cjk",
  "geometry",
] as const;

/** One of `signalNames`. */
export type SignalName = (typeof signalNames)[number];

/** A fitted cut: pages whose `signal` is above `threshold` take `above`, the rest `below`. */
export interface Router {
  signal: SignalName;
  threshold: number;
  above: "rules" | "model";
  below: "rules" | "model";
}

/** The page facts of a read page. */
export function pageSignals(reading: PageReading): Record<SignalName, number> {
  const articles = reading.rules.articles;
  const n = articles.length || 1;
  let credited = 0;
  let datelined = 0;
  let bylined = 0;
  for (const a of articles) {
    if (a.dateline || a.byline) credited++;
    if (a.dateline) datelined++;
    if (a.byline) bylined++;
  }
  let cjk = 0;
  for (const x of reading.infos) if (x.cjk) cjk++;
  const lines = reading.infos.length || 1;
  return {
    credited_articles: credited / n,
    datelined_articles: datelined / n,
    bylined_articles: bylined / n,
    cjk: cjk / lines,
    geometry: reading.geometry ? 1 : 0,
  };
}

/** Which page a router picks for a read page. */
export function route(router: Router | undefined, reading: PageReading): "rules" | "model" {
  if (!router) return "model";
  return pageSignals(reading)[router.signal] > router.threshold ? router.above : router.below;
}
