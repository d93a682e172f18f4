export { newArticleId } from "./article-id.ts";
export { type FoundArticle, type FoundBlock, findArticle, findBlock, siblingArticle, textBlocks } from "./blocks.ts";
export { mergeArticleWithPrevious } from "./commands/merge-article.ts";
export { moveArticleDown, moveArticleUp } from "./commands/move-article.ts";
export { moveBlockToNextArticle, moveBlockToPreviousArticle } from "./commands/move-block.ts";
export { setArticleStatus } from "./commands/set-article-status.ts";
export { setBlockRole } from "./commands/set-block-role.ts";
export { splitArticle } from "./commands/split-article.ts";
export { joinParagraphs, joinParagraphWithNext, splitParagraph } from "./commands/split-paragraph.ts";
export { joinSeparator, mergeConfidence, mergeLineIds, splitLineIds } from "./lines.ts";
export {
  type DoubtOptions,
  type DoubtPlace,
  type DoubtState,
  doubtKey,
  doubtPlugin,
  findDoubts,
  goToNextDoubt,
  goToPreviousDoubt,
} from "./plugins/doubt.ts";
export {
  findMatches,
  findNext,
  findPrevious,
  type Match,
  replaceAll,
  replaceNext,
  type SearchState,
  searchKey,
  searchPlugin,
  setSearch,
} from "./plugins/find-replace.ts";
export {
  lineTextsOf,
  type SourceState,
  setHighlightedLines,
  setSourceLines,
  sourceKey,
  sourcePlugin,
} from "./plugins/source.ts";
