import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { I18n, initialLocale } from "./i18n.ts";
import { zhCN } from "./zh-cn.ts";

describe("app catalogues", () => {
  it("have the same keys and placeholders", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(names(zhCN[key])).toEqual(names(en[key]));
  });
});

describe("initialLocale", () => {
  it("prefers the remembered choice", () => {
    expect(initialLocale("zh-CN", ["en-US"])).toBe("zh-CN");
  });

  it("falls back to the browser's languages when nothing valid is remembered", () => {
    expect(initialLocale(null, ["zh-CN", "en"])).toBe("zh-CN");
    expect(initialLocale("klingon", ["en-GB"])).toBe("en");
  });
});

describe("I18n", () => {
  it("translates with placeholders and switches locale", () => {
    const i18n = new I18n("en");
    const seen: string[] = [];
    i18n.onChange((l) => seen.push(l));
    expect(i18n.t("issue.page", { number: 3 })).toBe("Page 3");
    i18n.set("zh-CN");
    expect(i18n.t("issue.page", { number: 3 })).toBe("第 3 版");
    expect(seen).toEqual(["zh-CN"]);
  });
});
