import "server-only";
import Ajv, { type ValidateFunction } from "ajv";
import { AppError } from "@/lib/errors";
import { toJsonSchema } from "@/lib/logging/json-schemas";
import alertmanagerConfigs from "./crds/alertmanagerconfigs.json";
import prometheusRules from "./crds/prometheusrules.json";
import type { AlertRuleDto, Severity } from "./schemas";
import { SEVERITIES } from "./schemas";

// A rule as Prometheus-Operator objects, for clusters that run Prometheus: a PrometheusRule with
// one alerting rule per level, and an AlertmanagerConfig that routes the rule's alerts to its
// receivers and inhibits a lower level while a higher one fires (as Facet's evaluator does).

export const MONITORING_GROUP = "monitoring.coreos.com";
// The CRDs' patterns are Go regexps; the one construct JavaScript lacks is (?i), read here as
// the whole pattern's flag (slightly wider than Go's, which is fine for checking our own output).
const goRegExp = (pattern: string, flags?: string) =>
  pattern.includes("(?i)") ? new RegExp(pattern.replaceAll("(?i)", ""), `${flags ?? ""}i`) : new RegExp(pattern, flags);
goRegExp.code = "new RegExp";
const ajv = new Ajv({ allErrors: true, strict: false, code: { optimize: false, regExp: goRegExp } });
const validators = new Map<string, ValidateFunction>();

function validate(kind: "PrometheusRule" | "AlertmanagerConfig", object: unknown): void {
  let fn = validators.get(kind);
  if (!fn) {
    const crd = kind === "PrometheusRule" ? prometheusRules : alertmanagerConfigs;
    fn = ajv.compile(toJsonSchema(crd.openAPIV3Schema) as object);
    validators.set(kind, fn);
  }
  if (!fn(object))
    throw new AppError("INTERNAL", `The rendered ${kind} does not match its schema.`, {
      cause: new Error(JSON.stringify(fn.errors?.slice(0, 5))),
    });
}

export const objectName = (rule: string) => `facet-alert-${rule}`;
const metadata = (rule: string, namespace: string) => ({
  name: objectName(rule),
  namespace,
  labels: { "app.kubernetes.io/managed-by": "facet", "facet.dev/alert-rule": rule },
});

export function renderPrometheusRule(rule: AlertRuleDto, namespace: string) {
  if (rule.kind === "log")
    throw new AppError(
      "PRECONDITION_FAILED",
      "Log rules are LogQL: they run in Facet (or Loki's ruler), not in a PrometheusRule.",
    );
  const object = {
    apiVersion: `${MONITORING_GROUP}/v1`,
    kind: "PrometheusRule",
    metadata: metadata(rule.name, namespace),
    spec: {
      groups: [
        {
          name: rule.name,
          rules: rule.levels.map((l) => ({
            alert: rule.name,
            expr: `(${rule.expr}) ${l.op} ${l.value}`,
            ...(rule.for ? { for: `${rule.for}s` } : {}),
            labels: { severity: l.severity, facet_rule: rule.name },
            annotations: { message: rule.message },
          })),
        },
      ],
    },
  };
  validate("PrometheusRule", object);
  return object;
}

const lower = (s: Severity) => SEVERITIES.slice(0, SEVERITIES.indexOf(s));

export function renderAlertmanagerConfig(rule: AlertRuleDto, namespace: string) {
  const match = [{ name: "alertname", value: rule.name, matchType: "=" }];
  const receivers = rule.receivers.length ? rule.receivers.map((r) => ({ name: r.channel })) : [{ name: "null" }];
  const severities = rule.levels.map((l) => l.severity);
  const object = {
    apiVersion: `${MONITORING_GROUP}/v1alpha1`,
    kind: "AlertmanagerConfig",
    metadata: metadata(rule.name, namespace),
    spec: {
      route: {
        receiver: receivers[0].name,
        groupBy: ["alertname"],
        matchers: match,
        ...(rule.receivers[0] ? { repeatInterval: `${rule.receivers[0].repeatIntervalSeconds}s` } : {}),
        routes: rule.receivers.slice(1).map((r) => ({
          receiver: r.channel,
          matchers: match,
          continue: true,
          repeatInterval: `${r.repeatIntervalSeconds}s`,
        })),
      },
      receivers,
      inhibitRules: severities.flatMap((high) =>
        lower(high)
          .filter((low) => severities.includes(low))
          .map((low) => ({
            sourceMatch: [...match, { name: "severity", value: high, matchType: "=" }],
            targetMatch: [...match, { name: "severity", value: low, matchType: "=" }],
            equal: ["alertname", "facet_rule"],
          })),
      ),
    },
  };
  validate("AlertmanagerConfig", object);
  return object;
}
