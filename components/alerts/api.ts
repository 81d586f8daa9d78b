// Safe to import from client components: the alerts API of the shared contract (rules, alerts,
// silences, templates, the tenant overview) in one place, so the merger can line it up.
import { apiPath, type EnvironmentNames } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";

export type When = string | number;

export const SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const OPS = [">", ">=", "<", "<=", "==", "!="] as const;
export type Op = (typeof OPS)[number];
export const RULE_KINDS = ["metric", "log", "probe"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const ALERT_STATES = ["pending", "firing", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export interface Level {
  op: Op;
  value: number;
  severity: Severity;
}

export interface Receiver {
  channel: string;
  scope: "tenant" | "system";
  repeatIntervalSeconds: number;
}

export interface MetricSpec {
  template?: { scope: string; resource: string; rule: string; labels?: Record<string, string> };
  promql?: string;
}
export interface LogSpec {
  matchers: Record<string, string>;
  regex: string;
  windowSeconds: number;
}
export interface ProbeSpec {
  probe: string;
  condition: "failing" | "cert-expiry";
  minutes?: number;
  days?: number;
}

export interface AlertRuleDto {
  name: string;
  kind: RuleKind;
  enabled: boolean;
  for: number;
  message: string;
  levels: Level[];
  receivers: Receiver[];
  metric?: MetricSpec;
  log?: LogSpec;
  probe?: ProbeSpec;
  expr: string;
  state: "ok" | "pending" | "firing";
  createdAt: When;
  updatedAt: When;
}

export type AlertRuleInput = Pick<
  AlertRuleDto,
  "name" | "kind" | "enabled" | "for" | "message" | "levels" | "receivers" | "metric" | "log" | "probe"
>;

export interface AlertEvent {
  at: When;
  kind: "pending" | "firing" | "resolved" | "silenced" | "acknowledged" | "notified" | "inhibited";
  value: number | null;
  severity: Severity | null;
}

export interface AlertItem {
  id: number | string;
  rule: string;
  kind: RuleKind;
  state: AlertState;
  severity: Severity;
  value: number | null;
  labels: Record<string, string>;
  message: string;
  startsAt: When | null;
  firedAt: When | null;
  resolvedAt: When | null;
  acknowledgedBy: string | null;
  acknowledgedAt: When | null;
  silenced: boolean;
  inhibited: boolean;
  history: AlertEvent[];
  /** Present on the tenant overview's recent list. */
  project?: string;
  environment?: string;
}

export interface SilenceDto {
  id: number | string;
  rule?: string;
  matchers: Record<string, string>;
  endsAt: When;
  comment: string;
  createdBy: string;
  createdAt: When;
  active: boolean;
}

export type SilenceInput = Pick<SilenceDto, "matchers" | "comment"> & { rule?: string; endsAt: string };

export interface TemplateRule {
  name: string;
  label: string;
  unit: string;
  labels: string[];
  promql: string;
  embedded: boolean;
}
export interface TemplateCatalogue {
  scopes: { name: string; label: string; resources: { name: string; label: string; rules: TemplateRule[] }[] }[];
}

export interface AlertsOverview {
  firing: number;
  bySeverity: Record<Severity, number>;
  today: number;
  environments: { project: string; environment: string; firing: number }[];
  recent: AlertItem[];
}

const seg = encodeURIComponent;
const env = (n: EnvironmentNames) => apiPath.environment(n);

export const alertsApi = {
  rules: (n: EnvironmentNames) => `${env(n)}/alert-rules`,
  rule: (n: EnvironmentNames, name: string) => `${env(n)}/alert-rules/${seg(name)}`,
  alerts: (n: EnvironmentNames, filter: { state?: string; severity?: string }) => {
    const q = new URLSearchParams();
    if (filter.state) q.set("state", filter.state);
    if (filter.severity) q.set("severity", filter.severity);
    const qs = q.toString();
    return `${env(n)}/alerts${qs ? `?${qs}` : ""}`;
  },
  acknowledge: (n: EnvironmentNames, id: number | string) => `${env(n)}/alerts/${seg(String(id))}/acknowledge`,
  silences: (n: EnvironmentNames) => `${env(n)}/silences`,
  silence: (n: EnvironmentNames, id: number | string) => `${env(n)}/silences/${seg(String(id))}`,
  templates: () => "/api/v1/alert-templates",
  overview: (tenant: string) => `${apiPath.tenant(tenant)}/alerts/overview`,
};

const envKey = (n: EnvironmentNames) => ["t", n.tenant, "p", n.project, "e", n.environment] as const;

export const alertKeys = {
  all: (n: EnvironmentNames) => [...envKey(n), "alerts"] as const,
  rules: (n: EnvironmentNames) => [...envKey(n), "alerts", "rules"] as const,
  alerts: (n: EnvironmentNames, filter: { state?: string; severity?: string }) =>
    [...envKey(n), "alerts", "instances", filter] as const,
  silences: (n: EnvironmentNames) => [...envKey(n), "alerts", "silences"] as const,
  templates: () => ["alert-templates"] as const,
  overview: (tenant: string) => ["t", tenant, "alerts-overview"] as const,
};

export const fetchRules = (n: EnvironmentNames) => getJson<{ items: AlertRuleDto[] }>(alertsApi.rules(n));
export const createRule = (n: EnvironmentNames, input: AlertRuleInput) =>
  sendJson<AlertRuleDto>("POST", alertsApi.rules(n), input);
export const updateRule = (n: EnvironmentNames, name: string, input: AlertRuleInput) =>
  sendJson<AlertRuleDto>("PUT", alertsApi.rule(n, name), input);
export const deleteRule = (n: EnvironmentNames, name: string) => sendJson<void>("DELETE", alertsApi.rule(n, name));

export const fetchAlerts = (n: EnvironmentNames, filter: { state?: string; severity?: string }) =>
  getJson<{ items: AlertItem[] }>(alertsApi.alerts(n, filter));
export const acknowledgeAlert = (n: EnvironmentNames, id: number | string) =>
  sendJson<unknown>("POST", alertsApi.acknowledge(n, id));

export const fetchSilences = (n: EnvironmentNames) => getJson<{ items: SilenceDto[] }>(alertsApi.silences(n));
export const createSilence = (n: EnvironmentNames, input: SilenceInput) =>
  sendJson<SilenceDto>("POST", alertsApi.silences(n), input);
export const deleteSilence = (n: EnvironmentNames, id: number | string) =>
  sendJson<void>("DELETE", alertsApi.silence(n, id));

export const fetchTemplates = () => getJson<TemplateCatalogue>(alertsApi.templates());
export const fetchOverview = (tenant: string) => getJson<AlertsOverview>(alertsApi.overview(tenant));

/** A rule without its server-made fields, as the edit form starts from it. */
export function ruleInputOf(rule: AlertRuleDto): AlertRuleInput {
  const { name, kind, enabled, for: forSeconds, message, levels, receivers, metric, log, probe } = rule;
  return { name, kind, enabled, for: forSeconds, message, levels, receivers, metric, log, probe };
}
