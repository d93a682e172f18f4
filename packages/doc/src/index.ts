export { fromReconstruction } from "./from-reconstruction.ts";
export { inspectPage, type PageInspection, type SetAsidePart, setAsideTextChars } from "./inspect-page.ts";
export {
  allowedParents,
  attributeProblem,
  attributeRules,
  isAllowedChild,
  isPageElementName,
  markNames,
  markProblem,
  maxAttributeChars,
  maxBlockLines,
  otherKinds,
  type PageElementName,
  pageAttributeProblem,
  pageAttributeRules,
  sourceFormats,
} from "./page-rules.ts";
export {
  allowsInlineSpans,
  attrsForRole,
  type BlockRole,
  blockNodeName,
  blockRoles,
  isBlockRole,
  isPageLevelRole,
  type RoleSpecificAttr,
  roleOf,
  roleSpecificAttrs,
} from "./roles.ts";
export { type ArticleStatus, articleStatuses, pageSchema } from "./schema.ts";
export { type EditedArticle, type EditedPage, toReconstruction } from "./to-reconstruction.ts";
export {
  pageFragmentName,
  pageMetaName,
  readEditedPage,
  readPageFromYDoc,
  reconstructionToYDoc,
  writePageToYDoc,
  yDocToReconstruction,
} from "./ydoc.ts";
