import { describe, expect, it } from "vitest";
import { en, format, messagesFor, pickLocale } from "./messages.ts";
import { zhCN } from "./zh-cn.ts";

describe("catalogues", () => {
  it("have the same keys and no empty message", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const m of [...Object.values(en), ...Object.values(zhCN)]) expect(m.trim()).not.toBe("");
  });

  it("keep the same placeholders in each translation", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zhCN[key])).toEqual(names(en[key]));
    }
  });
});

describe("pickLocale", () => {
  it("picks Chinese for any zh tag and English otherwise", () => {
    expect(pickLocale(["zh-TW", "en"])).toBe("zh-CN");
    expect(pickLocale(["de-DE", "en-GB", "zh"])).toBe("en");
    expect(pickLocale(["fr"])).toBe("en");
    expect(pickLocale([])).toBe("en");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(format(messagesFor("en")["find.count"], { current: 2, total: 5 })).toBe("2 of 5");
    expect(format("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
