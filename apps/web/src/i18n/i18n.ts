import { format, isLocale, type Locale, type Messages, messagesFor, pickLocale } from "@galley/editor";
import { type AppMessageKey, type AppMessages, en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

/**
 * The app's language: chosen from `navigator.languages` on first visit, switchable, and
 * remembered in localStorage. `t` looks a key up in the app's catalogue; the editor's own
 * strings come from the editor package's catalogue for the same locale.
 */

const storageKey = "galley.locale";
const catalogues: Record<Locale, AppMessages> = { en, "zh-CN": zhCN };

/** The locale to start with: the remembered choice, else the browser's preference. */
export function initialLocale(stored: string | null, languages: readonly string[]): Locale {
  return isLocale(stored) ? stored : pickLocale(languages);
}

/** The app's current locale and its catalogues. */
export class I18n {
  private current: Locale;
  private readonly listeners = new Set<(locale: Locale) => void>();

  constructor(locale: Locale) {
    this.current = locale;
  }

  /** Reads the remembered or preferred locale of this browser. */
  static fromBrowser(): I18n {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(storageKey);
    } catch {
      // Storage may be off (privacy settings): fall back to the browser's languages.
    }
    return new I18n(initialLocale(stored, navigator.languages ?? [navigator.language]));
  }

  get locale(): Locale {
    return this.current;
  }

  /** The editor's catalogue for the current locale. */
  get editorMessages(): Messages {
    return messagesFor(this.current);
  }

  /** The message for `key`, with placeholders filled. */
  t(key: AppMessageKey, values: Record<string, string | number> = {}): string {
    return format(catalogues[this.current][key], values);
  }

  /** Switches locale, remembers it and tells the listeners. */
  set(locale: Locale): void {
    if (locale === this.current) return;
    this.current = locale;
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      // Not remembered; still switched for this visit.
    }
    for (const listener of this.listeners) listener(locale);
  }

  /** Calls `listener` on every switch; returns the unsubscribe function. */
  onChange(listener: (locale: Locale) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
