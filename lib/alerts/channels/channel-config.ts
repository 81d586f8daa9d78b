import "server-only";
import { open, seal } from "@/lib/crypto/secret-box";
import { assertEgressAllowed, refusalForHost } from "@/lib/net/egress";
import { AppError } from "@/lib/errors";
import type { AlertChannelRow } from "@/lib/db/schema";
import type { ChannelBody, ChannelKind } from "./schemas";

/** What is sealed: every value that grants access (URLs carry bot tokens, passwords, keys). */
export interface ChannelSecrets {
  url?: string;
  token?: string;
  password?: string;
  secret?: string;
}

export type HttpAuth = { type: "none" } | { type: "bearer" } | { type: "basic"; username: string };

/** What may be shown, per kind. */
export type PublicConfig =
  | { url: string; auth: HttpAuth } // webhook, alertmanager
  | { host: string; port: number; tls: "none" | "starttls" | "tls"; username?: string; from: string; to: string[] }
  | { url: string; msgType: "interactive" | "text" } // feishu
  | { url: string }; // dingtalk

/** A channel ready to send: its public config and opened secrets. */
export interface LoadedChannel {
  id: number;
  name: string;
  kind: ChannelKind;
  tenantId: number | null;
  sendResolved: boolean;
  config: Record<string, unknown>;
  secrets: ChannelSecrets;
}

export function loadChannel(row: AlertChannelRow): LoadedChannel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    tenantId: row.tenantId,
    sendResolved: row.sendResolved,
    config: row.config,
    secrets: JSON.parse(open(row.secrets)) as ChannelSecrets,
  };
}

/** The URL as shown: no credentials, query values and long path segments (tokens) masked. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const path = u.pathname
      .split("/")
      .map((s) => (s.length >= 16 ? "****" : s))
      .join("/");
    const query = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=****`).join("&");
    return `${u.protocol}//${u.host}${path === "/" ? "" : path}${query ? `?${query}` : ""}`;
  } catch {
    return "****";
  }
}

/**
 * The Alertmanager `npm run up` runs on loopback (FACET_LOCAL_ALERTMANAGER_URL, set by the
 * operator, never by users) is reachable by system channels although loopback is refused to
 * user-supplied addresses; a tenant's channel never gets this exception.
 */
export function isLocalAlertmanager(url: string, tenantId: number | null): boolean {
  const local = process.env.FACET_LOCAL_ALERTMANAGER_URL;
  if (tenantId !== null || !local) return false;
  try {
    return new URL(url).origin === new URL(local).origin;
  } catch {
    return false;
  }
}

export const defaultSendResolved = (kind: ChannelKind) => kind !== "email";

const invalid = (path: string, message: string) => new AppError("VALIDATION", message, { errors: [{ path, message }] });

/**
 * Splits a body into shown config and sealed secrets, keeping stored secrets the body leaves out
 * (or sends back redacted), and checks every address against the egress policy.
 */
export async function splitConfig(
  body: ChannelBody,
  before: LoadedChannel | null,
  tenantId: number | null,
): Promise<{ config: Record<string, unknown>; secrets: string }> {
  const kept: ChannelSecrets = before && before.kind === body.kind ? before.secrets : {};
  const secrets: ChannelSecrets = {};
  let config: PublicConfig;
  if (body.kind === "email") {
    const { password, ...shown } = body.config;
    const refusal = await refusalForHost(shown.host).catch(() => `the host '${shown.host}' does not resolve`);
    if (refusal) throw invalid("body.config.host", `The address is not allowed: ${refusal}`);
    secrets.password = password ?? (shown.username ? kept.password : undefined);
    config = shown;
  } else {
    const url = await resolveUrl(body.config.url, kept.url, body.kind === "alertmanager" ? tenantId : -1);
    secrets.url = url;
    if (body.kind === "webhook" || body.kind === "alertmanager") {
      const auth = body.config.auth;
      if (auth.type === "bearer") {
        secrets.token = auth.token ?? kept.token;
        if (!secrets.token) throw invalid("body.config.auth.token", "Enter the bearer token.");
        config = { url: redactUrl(url), auth: { type: "bearer" } };
      } else if (auth.type === "basic") {
        secrets.password = auth.password ?? kept.password;
        if (!secrets.password) throw invalid("body.config.auth.password", "Enter the password.");
        config = { url: redactUrl(url), auth: { type: "basic", username: auth.username } };
      } else config = { url: redactUrl(url), auth: { type: "none" } };
    } else if (body.kind === "feishu") {
      secrets.secret = body.config.secret ?? kept.secret;
      config = { url: redactUrl(url), msgType: body.config.msgType };
    } else {
      secrets.secret = body.config.secret ?? kept.secret;
      config = { url: redactUrl(url) };
    }
  }
  return { config: config as Record<string, unknown>, secrets: seal(JSON.stringify(secrets)) };
}

/** `tenantId` -1: no operator exception (only an alertmanager channel may have it). */
async function resolveUrl(given: string | undefined, stored: string | undefined, tenantId: number | null) {
  // The redacted URL the API showed (or none) means "keep the stored one".
  if (stored && (given === undefined || given === redactUrl(stored))) return stored;
  if (!given) throw invalid("body.config.url", "Enter the URL.");
  if (!isLocalAlertmanager(given, tenantId)) await assertEgressAllowed(given, { path: "body.config.url" });
  return given;
}

/** Whether the channel holds a credential besides its URL. */
export const hasSecret = (s: ChannelSecrets) => Boolean(s.token || s.password || s.secret);
