"use server";

import { setLocaleCookie } from "@/lib/i18n/set-locale";

export async function setLocaleAction(locale: string): Promise<boolean> {
  return setLocaleCookie(locale);
}
