// What the alert evaluator hands to delivery: one entry per alert whose state is to be told.
// The evaluator decides *when* (transition, repeat interval, acknowledgement, silence,
// inhibition); lib/alerts/channels decides *how* (each channel's format, send-resolved,
// retries) and who is told in the console (in-app notifications).

export type AlertStatus = "firing" | "resolved";
export type Severity = "info" | "warning" | "error" | "critical";

/** A receiver of a rule: a channel by name, the tenant's own or a system-wide one. */
export interface ReceiverRef {
  channel: string;
  scope: "tenant" | "system";
}

export interface AlertNotification {
  tenantId: number;
  environmentId: number;
  /** alert_instances.id: deliveries and in-app notifications link back to it. */
  alertId: number;
  ruleName: string;
  status: AlertStatus;
  severity: Severity;
  /** Rendered from the rule's message template. */
  message: string;
  value: number | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  fingerprint: string;
  startsAt: Date;
  /** Set when resolved. */
  endsAt: Date | null;
  /** The console page of the alert. */
  generatorURL: string;
  receivers: ReceiverRef[];
}
