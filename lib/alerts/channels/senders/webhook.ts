import "server-only";
import type { LoadedChannel } from "../channel-config";
import { absoluteLink, groupStatus, type DeliveryGroup } from "../delivery-group";
import { authHeaders, postJson } from "./http";

const ZERO_TIME = "0001-01-01T00:00:00Z";

/** Labels (or annotations) every alert of the group shares, as Alertmanager's commonLabels. */
function common(maps: Record<string, string>[]): Record<string, string> {
  if (!maps.length) return {};
  return Object.fromEntries(Object.entries(maps[0]).filter(([k, v]) => maps.every((m) => m[k] === v)));
}

/** Alertmanager's webhook payload, version 4. */
export function webhookPayload(group: DeliveryGroup) {
  return {
    version: "4",
    groupKey: group.groupKey,
    truncatedAlerts: 0,
    status: groupStatus(group),
    receiver: group.receiver,
    groupLabels: { alertname: group.ruleName },
    commonLabels: common(group.alerts.map((a) => a.labels)),
    commonAnnotations: common(group.alerts.map((a) => a.annotations)),
    externalURL: absoluteLink("/"),
    alerts: group.alerts.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt: a.endsAt ?? ZERO_TIME,
      generatorURL: absoluteLink(a.generatorURL),
      fingerprint: a.fingerprint,
    })),
  };
}

export async function sendWebhook(channel: LoadedChannel, group: DeliveryGroup, signal: AbortSignal) {
  const auth = (channel.config.auth ?? { type: "none" }) as { type: string; username?: string };
  const { status } = await postJson(channel.secrets.url!, webhookPayload(group), {
    signal,
    headers: authHeaders(auth, channel.secrets),
    upstream: `webhook ${channel.name}`,
  });
  return { status };
}
