export { type ApprovedPage, adaptModel, adaptSettings } from "./adapt.ts";
export { shippedModel } from "./bundled.ts";
export { checkModel } from "./check-model.ts";
export {
  assembleDecisions,
  boundDecisions,
  type DecisionOptions,
  decideLines,
  decidePage,
  type LineDecisions,
  sureness,
} from "./decide.ts";
export { type FeatureMatrix, featureNames, pageFeatures } from "./features.ts";
export { type BinnedRows, binRows, defaultFit, type FitSettings, fitHead, type Rows } from "./fit-trees.ts";
export { type PageLabels, pageLabels } from "./labels.ts";
export { type PageReading, readPage } from "./reading.ts";
export { pageSignals, type Router, route, type SignalName, signalNames } from "./router.ts";
export { RuleRole, type RuleView, ruleView } from "./rule-view.ts";
export {
  type Head,
  type HeadName,
  headMargin,
  headNames,
  type LineModel,
  sigmoid,
  type Thresholds,
  type Tree,
  treeValue,
} from "./trees.ts";
