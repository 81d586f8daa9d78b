import "server-only";
import { AppError } from "@/lib/errors";
import { labelMatchers, stepFor } from "../query/embedded-metrics";
import { type Target, windowOf } from "../query/target";
import type { MetricLabelsResult, MetricNamesResult, MetricQuery, MetricQueryResult } from "../schemas";
import { getJson, labelName, quote, type BackendConfig } from "./http";

// Prometheus HTTP API (/api/v1). Facet writes the PromQL itself from the metric name and label
// matchers, always with the environment's namespace matcher, so no query can leave it.

interface Envelope<T> {
  status: "success" | "error";
  data: T;
  error?: string;
}
interface MatrixItem {
  metric: Record<string, string>;
  values: [number, string][];
}

function selector(b: BackendConfig, target: Target, metric: string | undefined, match: [string, string][]): string {
  const matchers = [`${labelName(b.namespaceLabel)}=${quote(target.namespace)}`];
  if (metric) matchers.unshift(`__name__=${quote(metric)}`);
  for (const [label, value] of match)
    if (label !== b.namespaceLabel) matchers.push(`${labelName(label)}=${quote(value)}`);
  return `{${matchers.join(", ")}}`;
}

const QUANTILES: Record<string, number> = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 };

export function promql(
  b: BackendConfig,
  target: Target,
  q: MetricQuery,
  stepMs: number,
): { expr: string; agg: string } {
  const range = `[${Math.max(60, Math.round(stepMs / 1000))}s]`;
  const agg = q.agg ?? (q.metric?.endsWith("_total") ? "rate" : "last");
  const sel = selector(b, target, q.metric, labelMatchers(q));
  if (agg in QUANTILES) {
    if (!q.metric)
      throw new AppError("VALIDATION", "Percentiles need a histogram metric.", {
        errors: [{ path: "query.metric", message: "Name the histogram." }],
      });
    return {
      expr: `histogram_quantile(${QUANTILES[agg]}, rate(${selector(b, target, `${q.metric}_bucket`, labelMatchers(q))}${range}))`,
      agg,
    };
  }
  const fn: Record<string, string> = {
    rate: `rate(${sel}${range})`,
    increase: `increase(${sel}${range})`,
    avg: `avg_over_time(${sel}${range})`,
    min: `min_over_time(${sel}${range})`,
    max: `max_over_time(${sel}${range})`,
    sum: `sum_over_time(${sel}${range})`,
    count: `count_over_time(${sel}${range})`,
    last: sel,
  };
  return { expr: fn[agg], agg };
}

export async function queryPrometheus(b: BackendConfig, target: Target, q: MetricQuery): Promise<MetricQueryResult> {
  const { startMs, endMs } = windowOf(q);
  const stepMs = stepFor(startMs, endMs, q.step);
  const { expr, agg } = promql(b, target, q, stepMs);
  const res = await getJson<Envelope<{ resultType: string; result: MatrixItem[] }>>(b, "api/v1/query_range", {
    query: expr,
    start: String(startMs / 1000),
    end: String(endMs / 1000),
    step: String(stepMs / 1000),
  });
  return {
    backend: "prometheus",
    agg,
    stepMs,
    startMs,
    endMs,
    series: res.data.result.slice(0, q.limit).map((item) => {
      const { __name__: name, ...labels } = item.metric;
      return {
        metric: name ?? q.metric ?? "",
        type: "unknown",
        unit: "",
        agg,
        labels,
        points: item.values.map(
          ([t, v]) => [Math.round(t * 1000), Number.isFinite(Number(v)) ? Number(v) : null] as [number, number | null],
        ),
      };
    }),
  };
}

export async function prometheusNames(b: BackendConfig, target: Target): Promise<MetricNamesResult> {
  const res = await getJson<Envelope<string[]>>(b, "api/v1/label/__name__/values", {
    "match[]": `{${labelName(b.namespaceLabel)}=${quote(target.namespace)}}`,
  });
  return {
    backend: "prometheus",
    metrics: res.data.map((name) => ({ name, type: "unknown", unit: "", description: "" })),
  };
}

export async function prometheusLabels(b: BackendConfig, target: Target, metric: string): Promise<MetricLabelsResult> {
  const end = Date.now() / 1000;
  const res = await getJson<Envelope<Record<string, string>[]>>(b, "api/v1/series", {
    "match[]": selector(b, target, metric, []),
    start: String(end - 6 * 3600),
    end: String(end),
  });
  const labels: Record<string, Set<string>> = {};
  for (const s of res.data)
    for (const [k, v] of Object.entries(s)) if (k !== "__name__") (labels[k] ??= new Set()).add(v);
  return {
    backend: "prometheus",
    metric,
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, [...v].sort()])),
  };
}
