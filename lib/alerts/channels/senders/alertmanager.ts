import "server-only";
import { isLocalAlertmanager, type LoadedChannel } from "../channel-config";
import { absoluteLink, type DeliveryGroup } from "../delivery-group";
import { authHeaders, postJson } from "./http";

/** POST /api/v2/alerts: Alertmanager then groups, silences and routes. A firing alert carries no
 *  end (Alertmanager applies its resolve_timeout); a resolved one ends now or when it resolved. */
export function alertmanagerAlerts(group: DeliveryGroup) {
  return group.alerts.map((a) => ({
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    ...(a.status === "resolved" && { endsAt: a.endsAt ?? new Date().toISOString() }),
    generatorURL: absoluteLink(a.generatorURL),
  }));
}

export async function sendAlertmanager(channel: LoadedChannel, group: DeliveryGroup, signal: AbortSignal) {
  const auth = (channel.config.auth ?? { type: "none" }) as { type: string; username?: string };
  const base = channel.secrets.url!.replace(/\/+$/, "");
  const { status } = await postJson(`${base}/api/v2/alerts`, alertmanagerAlerts(group), {
    signal,
    headers: authHeaders(auth, channel.secrets),
    upstream: `alertmanager ${channel.name}`,
    operatorTrusted: isLocalAlertmanager(base, channel.tenantId),
  });
  return { status };
}
