export { type BlockRole, blockRoles, pageSchema, roleOf } from "@galley/doc";
export { actionById, type EditorAction, editorActions, editorKeymaps, roleOrder } from "./actions.ts";
export { articleColor, articlePalette } from "./article-colors.ts";
export { newArticleId, newCutId } from "./article-id.ts";
export {
  type FoundArticle,
  type FoundBlock,
  findArticle,
  findBlock,
  siblingArticle,
  textBlocks,
} from "./blocks.ts";
export {
  article,
  byline,
  bylineSpan,
  type Child,
  caption,
  dateline,
  datelineSpan,
  doc,
  furniture,
  headline,
  kicker,
  p,
  stateOf,
  subheadline,
  type TaggedNode,
} from "./builder.ts";
export {
  type Collab,
  type ConnectOptions,
  collabPlugins,
  connectPage,
  pageLanguage,
  protectedNodes,
} from "./collab.ts";
export { giveTitleToNextArticle, giveTitleToPreviousArticle } from "./commands/give-title.ts";
export { isCutPair, joinTextBlocks } from "./commands/join-blocks.ts";
export { mergeArticleWithPrevious } from "./commands/merge-article.ts";
export { moveArticleDown, moveArticleUp } from "./commands/move-article.ts";
export { moveBlockToNextArticle, moveBlockToPreviousArticle } from "./commands/move-block.ts";
export { setArticleStatus } from "./commands/set-article-status.ts";
export { setBlockRole } from "./commands/set-block-role.ts";
export { splitArticle } from "./commands/split-article.ts";
export { joinParagraphs, joinParagraphWithNext, splitParagraph } from "./commands/split-paragraph.ts";
export { readDomSelection } from "./dom-selection.ts";
export {
  format,
  isLocale,
  type Locale,
  locales,
  type MessageKey,
  type Messages,
  messagesFor,
  pickLocale,
} from "./i18n/messages.ts";
export { joinSeparator, lineAtOffset, mergeConfidence, mergeLineIds, splitLineIds } from "./lines.ts";
export { mountEditor } from "./mount-editor.ts";
export type { EditorHandle, EditorStatus, EditorUser, MountEditorOptions } from "./mount-options.ts";
export { PendingChanges } from "./pending-changes.ts";
export { articleCards, articleCardsKey, articleCardsPlugin, type CardInfo } from "./plugins/article-cards.ts";
export { articleIdsKey, articleIdsPlugin } from "./plugins/article-ids.ts";
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
  caretLine,
  lineStripKey,
  lineStripPlugin,
  type PageImage,
  setPageImage,
} from "./plugins/line-strip.ts";
export {
  lineTextsOf,
  type SourceState,
  setHighlightedLines,
  setSourceLines,
  sourceKey,
  sourcePlugin,
} from "./plugins/source.ts";
export { setUiState, type UiState, uiStateKey, uiStatePlugin } from "./plugins/ui-state.ts";
export { articlesOfPeople, presenceOf } from "./presence.ts";
export { type ArticleRegion, articleRegions, groupBoxes, type RegionLine } from "./regions.ts";
export {
  collabUrl,
  fetchMe,
  fetchPageFacts,
  fetchPageSource,
  httpBase,
  type PageFacts,
  type PageSource,
  pageImageUrl,
  type Role,
  ServerError,
} from "./server-api.ts";
export { editorCss, ensureStyles } from "./styles.ts";
export {
  articleHeadline,
  headlinesOf,
  isTitleBlock,
  type TitleFlag,
  titleFlagOf,
  titleRoles,
} from "./titles.ts";
export { colorForUser, userColors } from "./user-color.ts";
export { FindBar } from "./view/find-bar.ts";
export { Outline } from "./view/outline.ts";
export { type ConnectionState, type Presence, StatusBar } from "./view/status-bar.ts";
export { describeKeys, Toolbar } from "./view/toolbar.ts";
