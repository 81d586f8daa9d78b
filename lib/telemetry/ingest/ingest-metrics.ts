import "server-only";
import type { Attributes, OtlpMetric, ResourceGroup } from "../otlp/model";
import { seriesIds, type SeriesKey } from "../store/dictionary";
import { queues } from "../store/queues";
import { tsvLine } from "../store/tsv";
import { acceptedGroups } from "./accepted-groups";
import { canonicalJson, type IngestPrincipal } from "./resource";
import type { IngestResult } from "./result";
import { nanosToMillis } from "./nanos";

/** Metric labels are strings, as in Prometheus. */
function labels(attributes: Attributes): string {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
  return canonicalJson(out);
}

interface PointRow {
  key: SeriesKey;
  timeMs: number;
  value: number | null;
  count: number | null;
  buckets: string | null;
}

function pointRows(
  m: OtlpMetric,
  head: Omit<SeriesKey, "labelsJson" | "lastMs" | "type" | "temporality" | "monotonic">,
): PointRow[] {
  const temporality = "temporality" in m ? m.temporality : 0;
  const monotonic = m.type === "sum" ? m.monotonic : m.type !== "gauge";
  const key = (attributes: Attributes, timeMs: number): SeriesKey => ({
    ...head,
    type: m.type,
    temporality,
    monotonic,
    labelsJson: labels(attributes),
    lastMs: timeMs,
  });
  const ms = (ns: number) => nanosToMillis(ns) || Date.now();
  switch (m.type) {
    case "gauge":
    case "sum":
      return m.points.map((p) => ({
        key: key(p.attributes, ms(p.timeNs)),
        timeMs: ms(p.timeNs),
        value: p.value,
        count: null,
        buckets: null,
      }));
    case "histogram":
    case "exponential_histogram":
      return m.points.map((p) => ({
        key: key(p.attributes, ms(p.timeNs)),
        timeMs: ms(p.timeNs),
        value: p.sum,
        count: p.count,
        buckets: JSON.stringify([p.bounds, p.counts]),
      }));
    case "summary":
      return m.points.map((p) => ({
        key: key(p.attributes, ms(p.timeNs)),
        timeMs: ms(p.timeNs),
        value: p.sum,
        count: p.count,
        buckets: JSON.stringify(p.quantiles),
      }));
  }
}

/** Checks, maps and queues the data points of one request; resolves once they are committed. */
export async function ingestMetrics(
  principal: IngestPrincipal,
  groups: ResourceGroup<OtlpMetric>[],
): Promise<IngestResult> {
  const rows: PointRow[] = [];
  const points = (items: ResourceGroup<OtlpMetric>["items"]) =>
    items.reduce((n, { item }) => n + item.points.length, 0);
  const split = await acceptedGroups(principal, groups, points);
  let rejected = split.rejected;
  const reasons = split.reasons;
  for (const { resource: r, items } of split.accepted) {
    for (const { item } of items) {
      if (!item.name) {
        rejected += item.points.length;
        reasons.add("a metric has no name");
        continue;
      }
      rows.push(
        ...pointRows(item, {
          nsId: r.nsId,
          name: item.name,
          unit: item.unit,
          description: item.description,
          service: r.service,
          pod: r.pod,
        }),
      );
    }
  }
  const ids = rows.length ? await seriesIds(rows.map((r) => r.key)) : [];
  const lines = rows.map((r, i) => tsvLine([ids[i], r.timeMs, r.value, r.count, r.buckets]));
  await queues().points.enqueue({ lines });
  return { accepted: lines.length, rejected, message: [...reasons].join("; ") };
}
