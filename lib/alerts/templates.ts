import type { AlertTemplatesDto, TemplateRef } from "./schemas";

// The metric rule catalogue: scope → resource → rule, each with its unit, the labels its result
// carries, its PromQL for a Prometheus backend (the namespace matcher is added to every selector
// at save time) and its query on Facet's embedded store.

/** What a template reads in the embedded store; results are one value per label set. */
export type EmbeddedQuery =
  | { kind: "apm"; stat: "errorRate" | "p90Ms" | "rate" }
  | {
      kind: "metric";
      /** Series names, OTel's first (kubeletstats, k8scluster receivers), then Prometheus-style. */
      names: string[];
      /** Per series over the window. */
      over: "last" | "avg" | "increase" | "max";
      /** Across the series of one label set. */
      combine: "sum" | "max" | "avg";
      by: string[];
      scale?: number;
    };

export interface AlertTemplate {
  name: string;
  label: string;
  unit: string;
  labels: string[];
  /** Label names in PromQL where they differ from the template's. */
  promLabels?: Record<string, string>;
  promql: string;
  embedded: EmbeddedQuery | null;
  /** Window of the embedded query. */
  windowMs: number;
}

interface Resource {
  name: string;
  label: string;
  rules: AlertTemplate[];
}
interface Scope {
  name: string;
  label: string;
  resources: Resource[];
}

const FIVE_MIN = 5 * 60_000;

export const TEMPLATES: Scope[] = [
  {
    name: "containers",
    label: "Containers",
    resources: [
      {
        name: "container",
        label: "Container",
        rules: [
          {
            name: "cpu-usage",
            label: "CPU usage (cores)",
            unit: "cores",
            labels: ["pod"],
            promql: 'sum by (pod) (rate(container_cpu_usage_seconds_total{container!=""}[5m]))',
            embedded: {
              kind: "metric",
              names: ["container.cpu.usage", "k8s.pod.cpu.usage", "container_cpu_usage"],
              over: "avg",
              combine: "sum",
              by: ["pod"],
            },
            windowMs: FIVE_MIN,
          },
          {
            name: "memory-usage",
            label: "Memory working set (MiB)",
            unit: "MiB",
            labels: ["pod"],
            promql: 'sum by (pod) (container_memory_working_set_bytes{container!=""}) / 1048576',
            embedded: {
              kind: "metric",
              names: [
                "container.memory.working_set",
                "k8s.pod.memory.working_set",
                "container_memory_working_set_bytes",
              ],
              over: "last",
              combine: "sum",
              by: ["pod"],
              scale: 1 / 1048576,
            },
            windowMs: FIVE_MIN,
          },
          {
            name: "restarts",
            label: "Restarts in 10 minutes",
            unit: "restarts",
            labels: ["pod"],
            promql: "sum by (pod) (increase(kube_pod_container_status_restarts_total[10m]))",
            embedded: {
              kind: "metric",
              names: ["k8s.container.restarts", "kube_pod_container_status_restarts_total"],
              over: "increase",
              combine: "sum",
              by: ["pod"],
            },
            windowMs: 2 * FIVE_MIN,
          },
        ],
      },
    ],
  },
  {
    name: "apm",
    label: "Application performance",
    resources: [
      {
        name: "service",
        label: "Service",
        rules: [
          {
            name: "error-rate",
            label: "HTTP error rate (%)",
            unit: "%",
            labels: ["service"],
            promLabels: { service: "service_name" },
            promql:
              'sum by (service_name) (rate(traces_span_metrics_calls_total{span_kind="SPAN_KIND_SERVER", status_code="STATUS_CODE_ERROR"}[5m])) / sum by (service_name) (rate(traces_span_metrics_calls_total{span_kind="SPAN_KIND_SERVER"}[5m])) * 100',
            embedded: { kind: "apm", stat: "errorRate" },
            windowMs: FIVE_MIN,
          },
          {
            name: "p90-latency",
            label: "p90 latency (ms)",
            unit: "ms",
            labels: ["service"],
            promLabels: { service: "service_name" },
            promql:
              'histogram_quantile(0.9, sum by (service_name, le) (rate(traces_span_metrics_duration_milliseconds_bucket{span_kind="SPAN_KIND_SERVER"}[5m])))',
            embedded: { kind: "apm", stat: "p90Ms" },
            windowMs: FIVE_MIN,
          },
          {
            name: "request-rate",
            label: "Requests per second",
            unit: "req/s",
            labels: ["service"],
            promLabels: { service: "service_name" },
            promql: 'sum by (service_name) (rate(traces_span_metrics_calls_total{span_kind="SPAN_KIND_SERVER"}[5m]))',
            embedded: { kind: "apm", stat: "rate" },
            windowMs: FIVE_MIN,
          },
        ],
      },
    ],
  },
  {
    name: "probes",
    label: "Probes",
    resources: [
      {
        name: "probe",
        label: "Probe",
        rules: [
          {
            name: "success",
            label: "Success ratio over 5 minutes",
            unit: "ratio",
            labels: ["job", "instance"],
            promql: "avg by (job, instance) (avg_over_time(probe_success[5m]))",
            embedded: {
              kind: "metric",
              names: ["probe_success"],
              over: "avg",
              combine: "avg",
              by: ["job", "instance"],
            },
            windowMs: FIVE_MIN,
          },
          {
            name: "duration",
            label: "Probe duration (s)",
            unit: "s",
            labels: ["job", "instance"],
            promql: "max by (job, instance) (max_over_time(probe_duration_seconds[5m]))",
            embedded: {
              kind: "metric",
              names: ["probe_duration_seconds"],
              over: "max",
              combine: "max",
              by: ["job", "instance"],
            },
            windowMs: FIVE_MIN,
          },
        ],
      },
    ],
  },
];

export function findTemplate(ref: Pick<TemplateRef, "scope" | "resource" | "rule">): AlertTemplate | null {
  return (
    TEMPLATES.find((s) => s.name === ref.scope)
      ?.resources.find((r) => r.name === ref.resource)
      ?.rules.find((r) => r.name === ref.rule) ?? null
  );
}

export const templatesDto = (): AlertTemplatesDto => ({
  scopes: TEMPLATES.map((s) => ({
    name: s.name,
    label: s.label,
    resources: s.resources.map((r) => ({
      name: r.name,
      label: r.label,
      rules: r.rules.map((t) => ({
        name: t.name,
        label: t.label,
        unit: t.unit,
        labels: t.labels,
        promql: t.promql,
        embedded: t.embedded !== null,
      })),
    })),
  })),
});
