import { type Router, type SignalName, signalNames } from "@galley/core/model";

/** A page's out-of-fold figures both ways and its page facts. */
export interface RoutedPage {
  paper: string;
  signals: Record<SignalName, number>;
  /** The page's gain (articleF1, plus titleAcc where the truth marks titles) with each choice. */
  model: number;
  rules: number;
}

/**
 * Fits the router. Which page fact to cut on is chosen by cross-validation over the papers
 * (each fact's cut fitted without a paper, scored on that paper), so a fact that only sorts
 * the pages it was fitted on loses to one that sorts unseen papers; the cut on the chosen fact
 * is then fitted on every page. Every paper counts once, however many pages it has.
 */
export function fitRouter(pages: readonly RoutedPage[]): Router {
  const papers = [...new Set(pages.map((p) => p.paper))];
  let best: SignalName = signalNames[0];
  let bestGain = Number.NEGATIVE_INFINITY;
  for (const signal of signalNames) {
    let gain = 0;
    for (const paper of papers) {
      const cut = fitCut(
        pages.filter((p) => p.paper !== paper),
        signal,
      );
      const held = pages.filter((p) => p.paper === paper);
      for (const p of held) gain += p[choose(cut, p)] / held.length;
    }
    if (gain > bestGain + 1e-9) {
      bestGain = gain;
      best = signal;
    }
  }
  return fitCut(pages, best);
}

function choose(router: Router, page: RoutedPage): "rules" | "model" {
  return page.signals[router.signal] > router.threshold ? router.above : router.below;
}

/**
 * The best cut on one fact: the threshold and sides with the highest paper-weighted gain; of
 * equal cuts, the one in the widest gap between pages. No cut (every page to the model) unless
 * a cut gains.
 */
function fitCut(pages: readonly RoutedPage[], signal: SignalName): Router {
  const perPaper = new Map<string, number>();
  for (const p of pages) perPaper.set(p.paper, (perPaper.get(p.paper) ?? 0) + 1);
  const w = (p: RoutedPage) => 1 / perPaper.get(p.paper)!;
  let best: Router = { signal, threshold: Number.POSITIVE_INFINITY, above: "rules", below: "model" };
  let bestGain = pages.reduce((s, p) => s + w(p) * p.model, 0) + 1e-9;
  let bestGap = 0;
  const cuts = [...new Set(pages.map((p) => p.signals[signal]))].sort((a, b) => a - b);
  for (let c = 0; c < cuts.length - 1; c++) {
    const threshold = (cuts[c]! + cuts[c + 1]!) / 2;
    const gap = cuts[c + 1]! - cuts[c]!;
    for (const above of ["rules", "model"] as const) {
      const router: Router = { signal, threshold, above, below: above === "rules" ? "model" : "rules" };
      let gain = 0;
      for (const p of pages) gain += w(p) * p[choose(router, p)];
      if (gain > bestGain + 1e-9 || (Math.abs(gain - bestGain) <= 1e-9 && gap > bestGap)) {
        bestGain = Math.max(gain, bestGain);
        bestGap = gap;
        best = router;
      }
    }
  }
  return best;
}
