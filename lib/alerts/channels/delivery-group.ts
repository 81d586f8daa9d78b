import type { AlertNotification, AlertStatus, Severity } from "../notification";

/** One alert as queued: what every format needs, serialisable as JSON. */
export interface QueuedAlert {
  alertId: number;
  status: AlertStatus;
  severity: Severity;
  message: string;
  value: number | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  fingerprint: string;
  startsAt: string;
  endsAt: string | null;
  generatorURL: string;
}

/** A delivery's payload: one rule's alerts of one evaluation round for one channel. Rendered
 *  into the channel's format when sent, so a channel edited meanwhile gets its new settings. */
export interface DeliveryGroup {
  groupKey: string;
  ruleName: string;
  receiver: string;
  alerts: QueuedAlert[];
}

export function queuedAlert(n: AlertNotification): QueuedAlert {
  return {
    alertId: n.alertId,
    status: n.status,
    severity: n.severity,
    message: n.message,
    value: n.value,
    // alertname and severity as Alertmanager expects them; the rule's own labels cannot override them.
    labels: { ...n.labels, alertname: n.ruleName, severity: n.severity },
    annotations: { ...n.annotations, ...(n.message && { message: n.message }) },
    fingerprint: n.fingerprint,
    startsAt: n.startsAt.toISOString(),
    endsAt: n.endsAt?.toISOString() ?? (n.status === "resolved" ? new Date().toISOString() : null),
    generatorURL: n.generatorURL,
  };
}

export const groupStatus = (g: DeliveryGroup): AlertStatus =>
  g.alerts.some((a) => a.status === "firing") ? "firing" : "resolved";

/** "[FIRING:2] rule" as Alertmanager's default title. */
export function groupTitle(g: DeliveryGroup): string {
  const firing = g.alerts.filter((a) => a.status === "firing").length;
  const status = groupStatus(g);
  return `[${status.toUpperCase()}${status === "firing" ? `:${firing}` : ""}] ${g.ruleName}`;
}

/** Plain lines, one per alert, for chat and mail bodies. */
export function groupLines(g: DeliveryGroup): string[] {
  return g.alerts.map((a) => {
    const labels = Object.entries(a.labels)
      .filter(([k]) => k !== "alertname" && k !== "severity")
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    const value = a.value === null ? "" : ` (value ${a.value})`;
    return `[${a.status}] ${a.severity}: ${a.message || a.labels.alertname}${value}${labels ? ` {${labels}}` : ""}`;
  });
}

/** An absolute link for a console path, using the configured public origin. */
export function absoluteLink(link: string): string {
  if (/^https?:\/\//.test(link)) return link;
  const base = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  try {
    return new URL(link, base).toString();
  } catch {
    return link;
  }
}
