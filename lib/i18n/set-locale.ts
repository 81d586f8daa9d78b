import "server-only";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./locales";

/** Remembers the chosen language for a year. A preference, not data: no audit row. */
export async function setLocaleCookie(locale: unknown): Promise<boolean> {
  if (!isLocale(locale)) return false;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return true;
}
