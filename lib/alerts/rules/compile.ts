import { AppError } from "@/lib/errors";
import { injectLogqlNamespace } from "../expr/logql";
import { quoteString } from "../expr/position";
import { injectPromqlNamespace } from "../expr/promql";
import { assertSafeRegex } from "../expr/safe-regex";
import type { AlertRuleBody, Level } from "../schemas";
import { findTemplate } from "../templates";

/** What a rule compiles against: the environment's namespace and its cluster's external stores. */
export interface CompileEnv {
  namespace: string;
  prometheus: { namespaceLabel: string } | null;
  loki: { namespaceLabel: string } | null;
}

/** Labels the embedded log store can filter on, and the column each one reads. */
export const EMBEDDED_LOG_LABELS: Record<string, "service" | "pod"> = {
  service: "service",
  service_name: "service",
  app: "service",
  pod: "pod",
};

const invalid = (path: string, message: string) =>
  new AppError("VALIDATION", "The rule is not valid.", { errors: [{ path, message }] });

export const probeJob = (probe: string) => `probe/${probe}`;

/** The LogQL of a log rule before scoping: count of matching lines over the window. */
export function logqlOf(log: NonNullable<AlertRuleBody["log"]>, namespace: string, namespaceLabel: string): string {
  // The namespace matcher first: a selector needs one matcher, and the rule may have none.
  const matchers = [
    `${namespaceLabel}=${quoteString(namespace)}`,
    ...Object.entries(log.matchers)
      .filter(([k]) => k !== namespaceLabel)
      .map(([k, v]) => `${k}=${quoteString(v)}`),
  ];
  return `sum(count_over_time({${matchers.join(", ")}} |~ ${quoteString(log.regex)} [${log.windowSeconds}s]))`;
}

/** Probe rules without levels get the natural one for their condition. */
export function effectiveLevels(body: AlertRuleBody): Level[] {
  if (body.levels.length || body.kind !== "probe" || !body.probe) return body.levels;
  return body.probe.condition === "failing"
    ? [{ op: "==", value: 0, severity: "critical" }]
    : [{ op: "<", value: body.probe.days ?? 14, severity: "warning" }];
}

/** The rule's expression, parsed and scoped to the environment's namespace; 422 naming the field otherwise. */
export function compileRule(body: AlertRuleBody, env: CompileEnv): string {
  const promLabel = env.prometheus?.namespaceLabel ?? "namespace";
  if (body.kind === "metric" && body.metric) {
    const { template, promql } = body.metric;
    if (promql !== undefined) {
      // Parsed (and confined to the namespace) first: a syntax error names its position whatever the backend.
      const expr = injectPromqlNamespace(promql, env.namespace, "metric.promql", promLabel);
      if (!env.prometheus)
        throw invalid("metric.promql", "Raw PromQL needs a Prometheus backend on this environment's cluster.");
      return expr;
    }
    const t = template ? findTemplate(template) : null;
    if (!template || !t) throw invalid("metric.template", "No such template.");
    const labels = template.labels ?? {};
    for (const key of Object.keys(labels))
      if (!t.labels.includes(key))
        throw invalid(`metric.template.labels.${key}`, `This template filters on ${t.labels.join(", ")} only.`);
    if (!t.embedded && !env.prometheus)
      throw invalid("metric.template", "This template needs a Prometheus backend on this environment's cluster.");
    const promLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [t.promLabels?.[k] ?? k, v]));
    return injectPromqlNamespace(t.promql, env.namespace, "metric.template", promLabel, promLabels);
  }
  if (body.kind === "log" && body.log) {
    assertSafeRegex(body.log.regex, "log.regex");
    if (!env.loki)
      for (const key of Object.keys(body.log.matchers))
        if (!(key in EMBEDDED_LOG_LABELS) && key !== "namespace")
          throw invalid(
            `log.matchers.${key}`,
            `Facet's log store filters on ${Object.keys(EMBEDDED_LOG_LABELS).join(", ")} only.`,
          );
    const label = env.loki?.namespaceLabel ?? "namespace";
    const other = body.log.matchers[label];
    if (other !== undefined && other !== env.namespace)
      throw invalid(`log.matchers.${label}`, `The rule may only read namespace "${env.namespace}".`);
    return injectLogqlNamespace(logqlOf(body.log, env.namespace, label), env.namespace, "log", label);
  }
  if (body.kind === "probe" && body.probe) {
    const { probe, condition, minutes, days } = body.probe;
    const selector = (metric: string) => `${metric}{job=${quoteString(probeJob(probe))}}`;
    if (condition === "failing") {
      if (!minutes) throw invalid("probe.minutes", "Say for how many minutes the probe must fail.");
      return injectPromqlNamespace(
        `max_over_time(${selector("probe_success")}[${minutes}m])`,
        env.namespace,
        "probe",
        promLabel,
      );
    }
    if (!days) throw invalid("probe.days", "Say how many days before expiry to alert.");
    return injectPromqlNamespace(
      `(min(${selector("probe_ssl_earliest_cert_expiry")}) - time()) / 86400`,
      env.namespace,
      "probe",
      promLabel,
    );
  }
  throw invalid(body.kind, `A ${body.kind} rule needs its ${body.kind} part.`);
}
