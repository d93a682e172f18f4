export { fromReconstruction } from "./from-reconstruction.ts";
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
  readPageFromYDoc,
  reconstructionToYDoc,
  writePageToYDoc,
  yDocToReconstruction,
} from "./ydoc.ts";
