import { zhCN } from "./zh-cn.ts";

/**
 * The editor's UI strings. Two catalogues, English (`en`) and Simplified Chinese (`zhCN`), with
 * the same keys (a test checks it). Placeholders are written `{name}` (see `format`).
 */

/** The locales the editor speaks. */
export const locales = ["en", "zh-CN"] as const;

/** One of `locales`. */
export type Locale = (typeof locales)[number];

/** The English catalogue; its keys are the keys every catalogue has. */
export const en = {
  "toolbar.label": "Editing tools",
  "action.undo": "Undo",
  "action.redo": "Redo",
  "action.splitArticle": "Split article here",
  "action.mergeArticle": "Merge with previous article",
  "action.moveArticleUp": "Move article up",
  "action.moveArticleDown": "Move article down",
  "action.moveBlockPrevious": "Move block to previous article",
  "action.moveBlockNext": "Move block to next article",
  "action.splitParagraph": "Split paragraph",
  "action.joinParagraphs": "Join with previous block",
  "action.find": "Find and replace",
  "action.nextDoubt": "Next doubtful place",
  "action.previousDoubt": "Previous doubtful place",
  "action.giveTitlePrevious": "Give this title to the previous article",
  "action.giveTitleNext": "Give this title to the next article",
  "toolbar.article": "Article",
  "toolbar.block": "Block to",
  "toolbar.title": "Title to",
  "toolbar.doubt": "Doubt",
  "short.undo": "Undo",
  "short.redo": "Redo",
  "short.splitArticle": "Split",
  "short.mergeArticle": "Merge",
  "short.moveArticleUp": "Up",
  "short.moveArticleDown": "Down",
  "short.moveBlockPrevious": "Prev.",
  "short.moveBlockNext": "Next",
  "short.previousDoubt": "Prev.",
  "short.nextDoubt": "Next",
  "short.find": "Find",
  "card.label": "Article {number}",
  "card.noHeadline": "No headline",
  "card.twoHeadlines": "Two headlines",
  "doubt.wordConfidence": "OCR confidence {percent}%",
  "outline.label": "Articles on this page",
  "outline.doubts": "{count} doubtful",
  "outline.empty": "No articles on this page.",
  "strip.label": "The printed line {line}",
  "role.label": "Block role",
  "role.paragraph": "Paragraph",
  "role.headline": "Headline",
  "role.kicker": "Kicker",
  "role.subheadline": "Subheadline",
  "role.byline": "Byline",
  "role.dateline": "Dateline",
  "role.caption": "Caption",
  "role.furniture": "Furniture",
  "status.label": "Article status",
  "status.needs-review": "Needs review",
  "status.corrected": "Corrected",
  "status.approved": "Approved",
  "find.query": "Find",
  "find.replacement": "Replace with",
  "find.next": "Next",
  "find.previous": "Previous",
  "find.replace": "Replace",
  "find.replaceAll": "Replace all",
  "find.close": "Close",
  "find.count": "{current} of {total}",
  "find.none": "No matches",
  "connection.connecting": "Connecting…",
  "connection.connected": "Connected",
  "connection.disconnected": "Offline — changes are kept and sent on reconnect",
  "connection.denied": "Access denied",
  "connection.notFound": "This page does not exist (or was deleted)",
  "offline.title": "Disconnected",
  "offline.pending":
    "{count} changes not yet stored: they are kept in this tab and sent when the connection is back. Keep this tab open.",
  "offline.nothing": "No unsaved changes. Reconnecting…",
  "sync.loading": "Loading page…",
  "readonly.notice": "Read only — you can view this page but not change it",
  "presence.label": "Editing now",
  "presence.you": "{name} (you)",
} as const;

/** A message key. */
export type MessageKey = keyof typeof en;

/** A catalogue: every key, translated. */
export type Messages = Record<MessageKey, string>;

const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/** The catalogue for `locale`. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Whether `value` names one of the editor's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The locale to use for a browser's preferred languages (`navigator.languages`): the first that
 * is Chinese (any `zh` tag) or English wins; English when none is.
 */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lang = tag.toLowerCase();
    if (lang === "zh" || lang.startsWith("zh-")) return "zh-CN";
    if (lang === "en" || lang.startsWith("en-")) return "en";
  }
  return "en";
}

/** Fills `{name}` placeholders in a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
