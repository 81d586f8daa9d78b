import type { Attributes, AttrValue, Scope } from "../otlp/model";

const MAX_STRING = 4096;
const MAX_JSON = 64 * 1024;

function clip(value: AttrValue): AttrValue {
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 128).map(clip);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, 128)
        .map(([k, v]) => [k, clip(v)]),
    );
  return value;
}

/** Attributes as stored: long values clipped, the whole set bounded; null when empty. */
export function attributesText(attributes: Attributes, scope?: Scope): string | null {
  const all: Attributes = scope?.name
    ? {
        ...attributes,
        "otel.scope.name": scope.name,
        ...(scope.version ? { "otel.scope.version": scope.version } : {}),
      }
    : attributes;
  const keys = Object.keys(all);
  if (keys.length === 0) return null;
  let text = JSON.stringify(all);
  if (
    text.length <= MAX_JSON &&
    !keys.some((k) => typeof all[k] === "string" && (all[k] as string).length > MAX_STRING)
  )
    return text;
  text = JSON.stringify(clip(all));
  return text.length <= MAX_JSON ? text : JSON.stringify({ "facet.truncated": true });
}

export const stringAttr = (attributes: Attributes, ...keys: string[]): string | null => {
  for (const key of keys) {
    const v = attributes[key];
    if (typeof v === "string" && v !== "") return v;
    if (typeof v === "number") return String(v);
  }
  return null;
};

export const numberAttr = (attributes: Attributes, ...keys: string[]): number | null => {
  for (const key of keys) {
    const v = attributes[key];
    const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
    if (Number.isFinite(n)) return n;
  }
  return null;
};
