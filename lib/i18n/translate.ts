// Safe to import from client components.
import { en, type MessageKey, type Messages } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Locale } from "./locales";

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translator over one catalogue; `{name}` placeholders are filled from vars. */
export function makeTranslate(messages: Messages): Translate {
  return (key, vars) => {
    const template = messages[key] ?? en[key] ?? key;
    return vars
      ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
      : template;
  };
}

export type { MessageKey, Messages };
