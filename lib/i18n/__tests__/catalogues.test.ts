import { describe, expect, it } from "vitest";
import { resolveLocale } from "../locales";
import { en } from "../messages/en";
import { zhCN } from "../messages/zh-CN";
import { makeTranslate } from "../translate";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("zh-CN has every English key, translated, with the same placeholders", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      const zh = zhCN[key as keyof typeof en];
      expect(zh.trim(), key).not.toBe("");
      expect(placeholders(zh), key).toEqual(placeholders(value));
    }
  });

  it("fills placeholders", () => {
    expect(makeTranslate(en)("overview.welcome", { name: "Alice" })).toBe("Welcome, Alice.");
    expect(makeTranslate(zhCN)("shell.signedInAs", { username: "alice" })).toBe("当前用户：alice");
  });

  it("picks the locale from the cookie, then Accept-Language", () => {
    expect(resolveLocale("zh-CN", "en-US")).toBe("zh-CN");
    expect(resolveLocale(undefined, "zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(resolveLocale("fr", "fr-FR, en;q=0.5")).toBe("en");
    expect(resolveLocale(undefined, null)).toBe("en");
  });
});
