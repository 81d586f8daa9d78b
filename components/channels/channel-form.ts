// Safe to import from client components: the channel form's values and the config it sends.
import { CONFIG_FIELDS, hasStoredSecret, type ChannelDto, type ChannelKind } from "./api";

export type Values = Record<string, string | boolean>;

export function valuesOf(channel?: ChannelDto): Values {
  const out: Values = {};
  if (!channel) return out;
  for (const f of CONFIG_FIELDS[channel.kind]) {
    const v = channel.config[f.key];
    if (f.secret || v == null) continue;
    out[f.key] = f.type === "checkbox" ? Boolean(v) : Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
}

/** The config the API takes; a secret left empty on edit is left out, so the stored one stays. */
export function configOf(kind: ChannelKind, values: Values, channel?: ChannelDto): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const f of CONFIG_FIELDS[kind]) {
    const v = values[f.key];
    if (f.key === "token") {
      // A bearer token typed now; none typed keeps a stored bearer token (the token is optional on update).
      const token = typeof v === "string" ? v.trim() : "";
      const keep = channel?.kind === kind && hasStoredSecret(channel) && authType(channel) === "bearer";
      config.auth = token ? { type: "bearer", token } : keep ? { type: "bearer" } : { type: "none" };
      continue;
    }
    if (f.type === "select") {
      config[f.key] = typeof v === "string" && f.options?.includes(v) ? v : f.options?.[0];
      continue;
    }
    if (f.type === "checkbox") {
      config[f.key] = Boolean(v);
      continue;
    }
    const text = typeof v === "string" ? v.trim() : "";
    if (text === "") continue;
    if (f.type === "number") config[f.key] = Number(text);
    else if (f.type === "list")
      config[f.key] = text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    else config[f.key] = text;
  }
  return config;
}

function authType(channel: ChannelDto): string | undefined {
  const auth = channel.config.auth as { type?: string } | undefined;
  return auth?.type;
}
