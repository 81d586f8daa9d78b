// Safe to import from client components: the alert rules API's contract (issue 14).
import { z } from "zod";
import { DnsLabel, EnvironmentParams } from "@/lib/tenancy/schemas";

export const SEVERITIES = ["info", "warning", "error", "critical"] as const;
export const OPS = [">", ">=", "<", "<=", "==", "!="] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Op = (typeof OPS)[number];

export const MAX_LOG_WINDOW_SECONDS = 600;

const LabelKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "Use a Prometheus label name.");
const LabelValue = z.string().max(253);
const Labels = z.record(LabelKey, LabelValue).refine((r) => Object.keys(r).length <= 16, "At most 16 labels.");

export const Level = z.object({
  op: z.enum(OPS),
  value: z.number().finite(),
  severity: z.enum(SEVERITIES),
});
export type Level = z.infer<typeof Level>;

export const Receiver = z.object({
  channel: DnsLabel,
  scope: z.enum(["tenant", "system"]).default("tenant"),
  repeatIntervalSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(3600),
});
export type Receiver = z.infer<typeof Receiver>;

export const TemplateRef = z.object({
  scope: z.string().min(1).max(64),
  resource: z.string().min(1).max(64),
  rule: z.string().min(1).max(64),
  labels: Labels.optional(),
});
export type TemplateRef = z.infer<typeof TemplateRef>;

export const MetricSpec = z
  .object({ template: TemplateRef.optional(), promql: z.string().min(1).max(4096).optional() })
  .refine((m) => Boolean(m.template) !== Boolean(m.promql), "Choose a template or write PromQL, not both.");
export type MetricSpec = z.infer<typeof MetricSpec>;

export const LogSpec = z.object({
  matchers: Labels.default({}),
  regex: z.string().min(1, "Enter a regular expression.").max(256, "At most 256 characters."),
  windowSeconds: z.number().int().min(30).max(MAX_LOG_WINDOW_SECONDS, "At most 10 minutes."),
});
export type LogSpec = z.infer<typeof LogSpec>;

export const ProbeSpec = z.object({
  probe: DnsLabel,
  condition: z.enum(["failing", "cert-expiry"]),
  minutes: z.number().int().min(1).max(1440).optional(),
  days: z.number().int().min(1).max(365).optional(),
});
export type ProbeSpec = z.infer<typeof ProbeSpec>;

export const AlertRuleBody = z
  .object({
    name: DnsLabel,
    kind: z.enum(["metric", "log", "probe"]),
    enabled: z.boolean().default(true),
    for: z.number().int().min(0).max(86_400).default(0),
    message: z.string().max(2048).default("{{ $labels.alertname }} is {{ $value }}"),
    levels: z.array(Level).max(4).default([]),
    receivers: z.array(Receiver).max(16).default([]),
    metric: MetricSpec.optional(),
    log: LogSpec.optional(),
    probe: ProbeSpec.optional(),
  })
  .superRefine((b, ctx) => {
    if (!b[b.kind])
      ctx.addIssue({ code: "custom", path: [b.kind], message: `A ${b.kind} rule needs its ${b.kind} part.` });
    for (const other of ["metric", "log", "probe"] as const)
      if (other !== b.kind && b[other])
        ctx.addIssue({ code: "custom", path: [other], message: `A ${b.kind} rule has no ${other} part.` });
    if (b.kind !== "probe" && b.levels.length === 0)
      ctx.addIssue({ code: "custom", path: ["levels"], message: "Add at least one level." });
    const severities = b.levels.map((l) => l.severity);
    if (new Set(severities).size !== severities.length)
      ctx.addIssue({ code: "custom", path: ["levels"], message: "One level per severity." });
    const channels = b.receivers.map((r) => `${r.scope}/${r.channel}`);
    if (new Set(channels).size !== channels.length)
      ctx.addIssue({ code: "custom", path: ["receivers"], message: "Each channel once." });
  });
export type AlertRuleBody = z.infer<typeof AlertRuleBody>;

export const AlertRuleParams = EnvironmentParams.extend({ name: DnsLabel });
export const AlertParams = EnvironmentParams.extend({ id: z.coerce.number().int().positive() });
export const SilenceParams = AlertParams;

export const AlertsQuery = z.object({
  state: z.enum(["pending", "firing", "resolved"]).optional(),
  severity: z.enum(SEVERITIES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const SilenceBody = z
  .object({
    rule: DnsLabel.optional(),
    matchers: Labels.default({}),
    endsAt: z.coerce.date(),
    comment: z.string().min(1, "Say why.").max(1024),
  })
  .superRefine((s, ctx) => {
    if (!s.rule && Object.keys(s.matchers).length === 0)
      ctx.addIssue({ code: "custom", path: ["matchers"], message: "Name a rule or at least one label." });
    if (s.endsAt.getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be in the future." });
  });
export type SilenceBody = z.infer<typeof SilenceBody>;

export interface AlertRuleDto {
  name: string;
  kind: "metric" | "log" | "probe";
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
  lastEvalAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertHistoryDto {
  at: string;
  kind: string;
  value: number | null;
  severity: Severity;
}

export interface AlertDto {
  id: number;
  rule: string;
  kind: "metric" | "log" | "probe";
  state: "pending" | "firing" | "resolved";
  severity: Severity;
  value: number | null;
  labels: Record<string, string>;
  message: string;
  startsAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  silenced: boolean;
  inhibited: boolean;
  history: AlertHistoryDto[];
}

export interface SilenceDto {
  id: number;
  rule?: string;
  matchers: Record<string, string>;
  endsAt: string;
  comment: string;
  createdBy: string;
  createdAt: string;
  active: boolean;
}

export interface AlertTemplateRuleDto {
  name: string;
  label: string;
  unit: string;
  labels: string[];
  promql: string;
  embedded: boolean;
}
export interface AlertTemplatesDto {
  scopes: {
    name: string;
    label: string;
    resources: { name: string; label: string; rules: AlertTemplateRuleDto[] }[];
  }[];
}

export interface AlertsOverviewDto {
  firing: number;
  bySeverity: Record<Severity, number>;
  today: number;
  environments: { project: string; environment: string; firing: number }[];
  recent: (AlertDto & { project: string; environment: string })[];
}
