// Safe to import from client components: the rule form's state and the body it sends.
import type { AlertRuleInput, Level, Op, ProbeSpec, Receiver, RuleKind, Severity } from "./api";

export interface RuleDraft {
  name: string;
  kind: RuleKind;
  enabled: boolean;
  forSeconds: string;
  message: string;
  levels: { op: Op; value: string; severity: Severity }[];
  receivers: { key: string; repeatIntervalSeconds: number }[];
  metricMode: "template" | "promql";
  templateScope: string;
  templateResource: string;
  templateRule: string;
  templateLabels: Record<string, string>;
  promql: string;
  logMatchers: string;
  logRegex: string;
  logWindow: string;
  probe: string;
  probeCondition: ProbeSpec["condition"];
  probeMinutes: string;
  probeDays: string;
}

export const REPEAT_INTERVALS = [300, 900, 1800, 3600, 14400, 43200, 86400] as const;

/** A receiver in a select: scope and channel name in one value. */
export const receiverKey = (r: Pick<Receiver, "scope" | "channel">) => `${r.scope}:${r.channel}`;
const receiverOf = (key: string, repeatIntervalSeconds: number): Receiver => {
  const i = key.indexOf(":");
  return { scope: key.slice(0, i) as Receiver["scope"], channel: key.slice(i + 1), repeatIntervalSeconds };
};

/** "app=web" per line (or comma separated) → {app: "web"}; a line without "=" is kept with an
 *  empty value so the server names it rather than the form dropping it. */
export function parseMatchers(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[\n,]+/)) {
    const line = part.trim();
    if (!line) continue;
    const i = line.indexOf("=");
    const key = (i < 0 ? line : line.slice(0, i)).trim();
    const value =
      i < 0
        ? ""
        : line
            .slice(i + 1)
            .trim()
            .replace(/^"(.*)"$/, "$1");
    out[key] = value;
  }
  return out;
}

export const formatMatchers = (m: Record<string, string> | undefined) =>
  Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function emptyDraft(): RuleDraft {
  return {
    name: "",
    kind: "metric",
    enabled: true,
    forSeconds: "60",
    message: "",
    levels: [{ op: ">", value: "", severity: "warning" }],
    receivers: [],
    metricMode: "template",
    templateScope: "",
    templateResource: "",
    templateRule: "",
    templateLabels: {},
    promql: "",
    logMatchers: "",
    logRegex: "",
    logWindow: "300",
    probe: "",
    probeCondition: "failing",
    probeMinutes: "3",
    probeDays: "14",
  };
}

export function draftOf(rule: AlertRuleInput): RuleDraft {
  const d = emptyDraft();
  const tpl = rule.metric?.template;
  return {
    ...d,
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    forSeconds: String(rule.for),
    message: rule.message,
    levels: rule.levels.map((l) => ({ op: l.op, value: String(l.value), severity: l.severity })),
    receivers: rule.receivers.map((r) => ({ key: receiverKey(r), repeatIntervalSeconds: r.repeatIntervalSeconds })),
    metricMode: rule.metric?.promql && !tpl ? "promql" : "template",
    templateScope: tpl?.scope ?? "",
    templateResource: tpl?.resource ?? "",
    templateRule: tpl?.rule ?? "",
    templateLabels: tpl?.labels ?? {},
    promql: rule.metric?.promql ?? "",
    logMatchers: formatMatchers(rule.log?.matchers),
    logRegex: rule.log?.regex ?? "",
    logWindow: String(rule.log?.windowSeconds ?? 300),
    probe: rule.probe?.probe ?? "",
    probeCondition: rule.probe?.condition ?? "failing",
    probeMinutes: String(rule.probe?.minutes ?? 3),
    probeDays: String(rule.probe?.days ?? 14),
  };
}

/** The contract's body: only the spec of the chosen kind; label values left empty are not sent. */
export function ruleInputOf(d: RuleDraft): AlertRuleInput {
  const input: AlertRuleInput = {
    name: d.name.trim(),
    kind: d.kind,
    enabled: d.enabled,
    for: num(d.forSeconds),
    message: d.message,
    levels: d.levels.map((l): Level => ({ op: l.op, value: num(l.value), severity: l.severity })),
    receivers: d.receivers.filter((r) => r.key).map((r) => receiverOf(r.key, r.repeatIntervalSeconds)),
  };
  if (d.kind === "metric") {
    if (d.metricMode === "promql") input.metric = { promql: d.promql };
    else {
      const labels = Object.fromEntries(Object.entries(d.templateLabels).filter(([, v]) => v.trim() !== ""));
      input.metric = {
        template: {
          scope: d.templateScope,
          resource: d.templateResource,
          rule: d.templateRule,
          ...(Object.keys(labels).length ? { labels } : {}),
        },
      };
    }
  }
  if (d.kind === "log")
    input.log = { matchers: parseMatchers(d.logMatchers), regex: d.logRegex, windowSeconds: num(d.logWindow) };
  if (d.kind === "probe")
    input.probe =
      d.probeCondition === "failing"
        ? { probe: d.probe, condition: "failing", minutes: num(d.probeMinutes) }
        : { probe: d.probe, condition: "cert-expiry", days: num(d.probeDays) };
  return input;
}
