import { cjkShare } from "@galley/core";

/** Whether a BCP 47 tag names a CJK language (Chinese, Japanese, Korean, Cantonese). */
export function isCjkLanguage(tag: string | undefined): boolean {
  return tag !== undefined && /^(zh|ja|ko|yue|cmn)(-|$)/i.test(tag);
}

const kana = /[\u3040-\u30FF]/;
const hangul = /[\uAC00-\uD7AF\u1100-\u11FF]/;

/**
 * The language of a piece of text, for `lang`/`xml:lang` attributes. Text that is mostly CJK
 * (30 % or more of its non-space characters) keeps the context language when that is a CJK
 * one, else is tagged `ja` (kana), `ko` (hangul) or `zh`. Other text keeps the context
 * language unless that is a CJK one, in which case it is `und` (undetermined): Latin text in
 * a Chinese paper must not be broken and hyphenated by Chinese rules.
 */
export function detectLanguage(text: string, context: string | undefined): string {
  if (cjkShare(text) >= 0.3) {
    if (isCjkLanguage(context)) return context!;
    if (kana.test(text)) return "ja";
    if (hangul.test(text)) return "ko";
    return "zh";
  }
  if (!context || isCjkLanguage(context)) return "und";
  return context;
}

/** A tag that is valid for `xml:lang` / `xs:language`, or `und` when `tag` is not one. */
export function safeLanguageTag(tag: string | undefined): string {
  return tag && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : "und";
}
