export { fromReconstruction } from "./from-reconstruction.ts";
export {
  type ArticleStatus,
  articleStatuses,
  type BlockRole,
  blockRoles,
  isBlockRole,
  pageSchema,
} from "./schema.ts";
export { type EditedArticle, type EditedPage, toReconstruction } from "./to-reconstruction.ts";
export {
  pageFragmentName,
  pageMetaName,
  readPageFromYDoc,
  reconstructionToYDoc,
  writePageToYDoc,
  yDocToReconstruction,
} from "./ydoc.ts";
