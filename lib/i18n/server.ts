import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import { CATALOGUES, makeTranslate, type Translate } from "./translate";

export async function getLocale(): Promise<Locale> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return resolveLocale(c.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
}

export async function getTranslate(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: makeTranslate(CATALOGUES[locale]) };
}
