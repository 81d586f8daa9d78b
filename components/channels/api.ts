// Safe to import from client components: the alert channels API of the shared contract, for a
// tenant's channels and the system-wide ones, in one place so the merger can line it up.
import { apiPath } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";

export type When = string | number;

export const CHANNEL_KINDS = ["webhook", "email", "feishu", "dingtalk", "alertmanager"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Where channels live: one tenant's, or the system-wide ones (sysadmins). */
export type ChannelScope = { level: "tenant"; tenant: string } | { level: "system" };

export interface DeliveryDto {
  at: When;
  status: "delivered" | "failed" | "retrying";
  attempts: number;
  error?: string;
}

export interface ChannelDto {
  name: string;
  scope: "tenant" | "system";
  kind: ChannelKind;
  sendResolved: boolean;
  /** Secrets are redacted: the URL shown without its token, `hasSecret` when a credential is stored. */
  config: Record<string, unknown>;
  lastDeliveryAt: When | null;
  lastError: string | null;
  pending: number;
  recentDeliveries: DeliveryDto[];
  createdAt: When;
  updatedAt: When;
}

export interface ChannelInput {
  name: string;
  kind: ChannelKind;
  sendResolved: boolean;
  config: Record<string, unknown>;
}

/** The answer of "Send test": the contract leaves it open, so the UI reads the usual fields. */
export interface TestResult {
  ok?: boolean;
  status?: string;
  error?: string | null;
  detail?: string;
  [extra: string]: unknown;
}

const seg = encodeURIComponent;

const base = (scope: ChannelScope) =>
  scope.level === "tenant" ? `${apiPath.tenant(scope.tenant)}/alert-channels` : "/api/v1/alert-channels";

export const channelsApi = {
  list: base,
  item: (scope: ChannelScope, name: string) => `${base(scope)}/${seg(name)}`,
  test: (scope: ChannelScope, name: string) => `${base(scope)}/${seg(name)}/test`,
};

export const channelKeys = {
  all: (scope: ChannelScope) =>
    scope.level === "tenant"
      ? (["t", scope.tenant, "alert-channels"] as const)
      : (["system", "alert-channels"] as const),
};

export const fetchChannels = (scope: ChannelScope) => getJson<{ items: ChannelDto[] }>(channelsApi.list(scope));
export const createChannel = (scope: ChannelScope, input: ChannelInput) =>
  sendJson<ChannelDto>("POST", channelsApi.list(scope), input);
export const updateChannel = (scope: ChannelScope, name: string, input: ChannelInput) =>
  sendJson<ChannelDto>("PUT", channelsApi.item(scope, name), input);
export const deleteChannel = (scope: ChannelScope, name: string) =>
  sendJson<void>("DELETE", channelsApi.item(scope, name));
export const testChannel = (scope: ChannelScope, name: string) =>
  sendJson<TestResult>("POST", channelsApi.test(scope, name));

/** One config field of a channel kind's form. Secret fields are write-only: empty keeps the stored one. */
export interface ConfigField {
  key: string;
  type: "text" | "url" | "email" | "number" | "password" | "checkbox" | "list" | "select";
  required?: boolean;
  secret?: boolean;
  /** For "select": the values, in order; the first is the default. */
  options?: readonly string[];
}

// Config keys per kind, as lib/alerts/channels/schemas.ts takes them. `token` is the bearer
// token of webhook and Alertmanager channels, sent as `auth: {type: "bearer", token}`.
export const CONFIG_FIELDS: Record<ChannelKind, ConfigField[]> = {
  webhook: [
    { key: "url", type: "url", required: true },
    { key: "token", type: "password", secret: true },
  ],
  email: [
    { key: "to", type: "list", required: true },
    { key: "from", type: "email", required: true },
    { key: "host", type: "text", required: true },
    { key: "port", type: "number", required: true },
    { key: "tls", type: "select", options: ["starttls", "tls", "none"] },
    { key: "username", type: "text" },
    { key: "password", type: "password", secret: true },
  ],
  feishu: [
    { key: "url", type: "url", required: true },
    { key: "secret", type: "password", secret: true },
  ],
  dingtalk: [
    { key: "url", type: "url", required: true },
    { key: "secret", type: "password", secret: true },
  ],
  alertmanager: [
    { key: "url", type: "url", required: true },
    { key: "token", type: "password", secret: true },
  ],
};

/** Whether a channel holds a stored credential (the API says so, never what it is). */
export const hasStoredSecret = (channel: ChannelDto | undefined) => channel?.config.hasSecret === true;

/** What a test send came back with: failed when the server says so in any of the usual ways. */
export function testOutcome(result: TestResult): { ok: boolean; detail: string } {
  const error = typeof result.error === "string" && result.error ? result.error : null;
  const failed = result.ok === false || result.status === "failed" || error !== null;
  return { ok: !failed, detail: error ?? (typeof result.detail === "string" ? result.detail : "") };
}
