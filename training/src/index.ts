export {
  adCorpus,
  type CorpusPage,
  fixtureCorpus,
  fullCorpus,
  realCorpus,
  tesseractCorpus,
} from "./corpus.ts";
export { lineWeight, type ReadPage, readCorpus } from "./dataset.ts";
export {
  type Doubt,
  leaveOnePaperOut,
  lowestFifthShare,
  type Means,
  meansOf,
  modelPage,
  type PageResult,
  resultTable,
  routedPage,
  routeResults,
  scoreBoth,
} from "./evaluate.ts";
export { fitModel } from "./fit-model.ts";

export { type FixturePage, textFixturePages } from "./fixtures.ts";
export { expandLines, type GroundTruth, type GroundTruthArticle, type LineList } from "./ground-truth.ts";
export { type LineLabels, labelLines } from "./labels.ts";
export { columnF1, type PageScore, pairwiseF1, scorePage, truthClusters } from "./score.ts";
export { textView } from "./text-view.ts";
export { truthPage } from "./truth-page.ts";
