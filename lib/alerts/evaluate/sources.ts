import "server-only";
import type { TelemetryBackendRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getJson, type BackendConfig } from "@/lib/telemetry/backends/http";
import { EMBEDDED_LOG_LABELS, probeJob } from "../rules/compile";
import type { RuleSpec } from "../rules/rule-dto";
import { findTemplate } from "../templates";
import { apmByService, combine, countLogMatches, metricSeries, over, type SeriesPoints } from "./embedded";
import type { Sample } from "./lifecycle";

// Where a rule's samples come from: the cluster's Prometheus/Loki when it has one (the rule's
// compiled, namespace-scoped expression), else Facet's embedded store (the template's query).

export type Backend = TelemetryBackendRow & { allowPrivate: boolean };

export interface EvalEnv {
  nsId: number | null;
  namespace: string;
  prometheus: Backend | null;
  loki: Backend | null;
}

export interface EvalRule {
  kind: "metric" | "log" | "probe";
  spec: RuleSpec;
  expr: string;
}

/** Per-round memo: one embedded query per (namespace, query, window). */
export class RoundMemo {
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(readonly nowMs: number) {}
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }
}

interface VectorItem {
  metric: Record<string, string>;
  value: [number, string];
}

async function promInstant(b: Backend, expr: string, nowMs: number, rename: Record<string, string>): Promise<Sample[]> {
  const res = await getJson<{ data: { resultType: string; result: VectorItem[] | [number, string] } }>(
    b as BackendConfig,
    "api/v1/query",
    { query: expr, time: String(nowMs / 1000) },
  );
  const { resultType, result } = res.data;
  if (resultType === "scalar") return [{ labels: {}, value: Number((result as [number, string])[1]) }];
  if (resultType !== "vector") return [];
  return (result as VectorItem[]).map((item) => {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(item.metric))
      if (k !== "__name__" && k !== b.namespaceLabel) labels[rename[k] ?? k] = v;
    return { labels, value: Number(item.value[1]) };
  });
}

async function lokiInstant(b: Backend, expr: string, nowMs: number): Promise<Sample[]> {
  const res = await getJson<{ data: { resultType: string; result: VectorItem[] } }>(
    b as BackendConfig,
    "loki/api/v1/query",
    { query: expr, time: `${Math.floor(nowMs)}000000` },
  );
  const items = res.data.resultType === "vector" ? res.data.result : [];
  // An empty vector means no matching line: a count of zero, as the embedded store answers.
  if (!items.length) return [{ labels: {}, value: 0 }];
  return items.map((i) => ({ labels: {}, value: Number(i.value[1]) }));
}

const labelOf = (s: SeriesPoints, key: string) => s.labels[key] ?? "";

function groupSeries(
  series: SeriesPoints[],
  by: string[],
  how: "last" | "avg" | "increase" | "max",
  how2: "sum" | "max" | "avg",
  scale = 1,
): Sample[] {
  const groups = new Map<string, { labels: Record<string, string>; values: number[] }>();
  for (const s of series) {
    const labels = Object.fromEntries(by.map((k) => [k, labelOf(s, k)]));
    const key = JSON.stringify(labels);
    const g = groups.get(key) ?? { labels, values: [] };
    g.values.push(over(s.points, how));
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, value: combine(g.values, how2) * scale }));
}

const noData = (what: string) => new AppError("PRECONDITION_FAILED", what);

export async function samplesOf(rule: EvalRule, env: EvalEnv, memo: RoundMemo): Promise<Sample[]> {
  const now = memo.nowMs;
  if (rule.kind === "metric") {
    const template = rule.spec.metric?.template;
    const t = template ? findTemplate(template) : null;
    if (env.prometheus) {
      const rename = Object.fromEntries(Object.entries(t?.promLabels ?? {}).map(([k, v]) => [v, k]));
      return promInstant(env.prometheus, rule.expr, now, rename);
    }
    if (!t || !t.embedded) throw noData("This rule needs a Prometheus backend.");
    if (env.nsId === null) return [];
    const nsId = env.nsId;
    const filter = template?.labels ?? {};
    const keep = (s: Sample) => Object.entries(filter).every(([k, v]) => s.labels[k] === v);
    const e = t.embedded;
    if (e.kind === "apm") {
      const stats = await memo.get(`apm/${nsId}/${t.windowMs}`, () => apmByService(nsId, t.windowMs, now));
      return stats
        .filter((s) => s.calls > 0)
        .map((s) => ({ labels: { service: s.service }, value: e.stat === "p90Ms" ? (s.p90Ms ?? 0) : s[e.stat] }))
        .filter(keep);
    }
    const series = await memo.get(`m/${nsId}/${e.names.join(",")}/${t.windowMs}`, () =>
      metricSeries(nsId, e.names, t.windowMs, now),
    );
    return groupSeries(series, e.by, e.over, e.combine, e.scale).filter(keep);
  }
  if (rule.kind === "log") {
    if (env.loki) return lokiInstant(env.loki, rule.expr, now);
    const log = rule.spec.log;
    if (!log) throw noData("The rule has no log part.");
    if (env.nsId === null) return [{ labels: {}, value: 0 }];
    const filter = { service: null as string | null, pod: null as string | null };
    for (const [k, v] of Object.entries(log.matchers)) if (EMBEDDED_LOG_LABELS[k]) filter[EMBEDDED_LOG_LABELS[k]] = v;
    const n = await countLogMatches(env.nsId, filter, log.regex, log.windowSeconds * 1000, now);
    return [{ labels: {}, value: n }];
  }
  const probe = rule.spec.probe;
  if (!probe) throw noData("The rule has no probe part.");
  if (env.prometheus) return promInstant(env.prometheus, rule.expr, now, {});
  if (env.nsId === null) return [];
  const nsId = env.nsId;
  const job = probeJob(probe.probe);
  if (probe.condition === "failing") {
    const windowMs = (probe.minutes ?? 1) * 60_000;
    const series = await memo.get(`m/${nsId}/probe_success/${windowMs}`, () =>
      metricSeries(nsId, ["probe_success"], windowMs, now),
    );
    return groupSeries(
      series.filter((s) => s.labels.job === job),
      ["job", "instance"],
      "max",
      "max",
    );
  }
  const series = await memo.get(`m/${nsId}/probe_ssl_earliest_cert_expiry/600000`, () =>
    metricSeries(nsId, ["probe_ssl_earliest_cert_expiry"], 600_000, now),
  );
  return groupSeries(
    series.filter((s) => s.labels.job === job),
    ["job", "instance"],
    "last",
    "max",
  ).map((s) => ({ ...s, value: (s.value * 1000 - now) / 86_400_000 }));
}
