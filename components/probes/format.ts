// Safe to import from client components: how probe numbers read on every page.
import type { When } from "./api";

export const percent = (ratio: number | null | undefined) =>
  ratio == null ? "—" : `${(Math.floor(ratio * 10000) / 100).toFixed(2)}%`;

export const millis = (ms: number | null | undefined) => (ms == null ? "—" : `${Math.round(ms)} ms`);

export const when = (at: When | null | undefined, locale?: string) =>
  at == null || at === "" ? "—" : new Date(at).toLocaleString(locale);
