import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** A form's field errors, from message keys to text in the reader's language. */
export const translateErrors = (errors: Record<string, MessageKey>, t: Translate): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
