import "server-only";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "@/lib/core/parse-json-bounded";
import {
  idFromHex,
  MalformedOtlp,
  MAX_VALUE_DEPTH,
  type AttrValue,
  type Attributes,
  type HistogramPoint,
  type NumberPoint,
  type OtlpLogRecord,
  type OtlpMetric,
  type OtlpSpan,
  type ResourceGroup,
  type Scope,
} from "./model";

// OTLP/JSON (opentelemetry-proto's JSON mapping): lowerCamelCase keys, hex ids, 64-bit
// integers as decimal strings or numbers, enums as integers. Unknown keys are ignored.
/* eslint-disable @typescript-eslint/no-explicit-any */
type J = any;

/** The request body as JSON; too deep or not JSON → MalformedOtlp (400). */
export function parseOtlpJson(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw new MalformedOtlp(`the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedOtlp(`the body is not JSON: ${(error as Error).message}`);
  }
}

function num(v: J, field: string): number {
  if (v === undefined || v === null || v === "") return 0;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new MalformedOtlp(`${field} must be a number`);
  return n;
}

const list = (v: J, field: string): J[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MalformedOtlp(`${field} must be an array`);
  return v;
};

function anyValue(v: J, depth = 0): AttrValue {
  if (!v || typeof v !== "object") return null;
  if (depth > MAX_VALUE_DEPTH) throw new MalformedOtlp(`attribute values nest deeper than ${MAX_VALUE_DEPTH} levels`);
  if ("stringValue" in v) return String(v.stringValue);
  if ("boolValue" in v) return Boolean(v.boolValue);
  if ("intValue" in v) return num(v.intValue, "intValue");
  if ("doubleValue" in v) return num(v.doubleValue, "doubleValue");
  if ("arrayValue" in v)
    return list(v.arrayValue?.values, "arrayValue.values").map((item: J) => anyValue(item, depth + 1));
  if ("kvlistValue" in v) return attributes(v.kvlistValue?.values, depth + 1);
  if ("bytesValue" in v) return String(v.bytesValue);
  return null;
}

function attributes(v: J, depth = 0): Attributes {
  const out: Attributes = {};
  for (const kv of list(v, "attributes")) {
    if (!kv || typeof kv.key !== "string") throw new MalformedOtlp("every attribute needs a string key");
    out[kv.key] = anyValue(kv.value, depth);
  }
  return out;
}

const scopeOf = (s: J): Scope => ({
  name: typeof s?.name === "string" ? s.name : "",
  version: typeof s?.version === "string" ? s.version : "",
});

function groups<T>(resources: J, scopesKey: string, itemsKey: string, item: (v: J) => T | null): ResourceGroup<T>[] {
  return list(resources, "resource list").map((r: J) => ({
    resource: attributes(r?.resource?.attributes),
    items: list(r?.[scopesKey], scopesKey).flatMap((s: J) =>
      list(s?.[itemsKey], itemsKey).flatMap((raw: J) => {
        const decoded = item(raw);
        return decoded === null ? [] : [{ scope: scopeOf(s?.scope), item: decoded }];
      }),
    ),
  }));
}

function object(body: unknown, key: string): J {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new MalformedOtlp(`the body must be an object with "${key}"`);
  return (body as J)[key];
}

function span(s: J): OtlpSpan {
  const traceId = idFromHex(s?.traceId, 16, "traceId");
  const spanId = idFromHex(s?.spanId, 8, "spanId");
  if (!traceId || !spanId) throw new MalformedOtlp("every span needs a non-zero traceId and spanId");
  return {
    traceId,
    spanId,
    parentSpanId: idFromHex(s.parentSpanId, 8, "parentSpanId"),
    name: typeof s.name === "string" ? s.name : "",
    kind: num(s.kind, "kind"),
    startNs: num(s.startTimeUnixNano, "startTimeUnixNano"),
    endNs: num(s.endTimeUnixNano, "endTimeUnixNano"),
    attributes: attributes(s.attributes),
    events: list(s.events, "events").map((e: J) => ({
      timeNs: num(e?.timeUnixNano, "timeUnixNano"),
      name: String(e?.name ?? ""),
      attributes: attributes(e?.attributes),
    })),
    links: list(s.links, "links").map((l: J) => ({
      traceId: String(l?.traceId ?? "").toLowerCase(),
      spanId: String(l?.spanId ?? "").toLowerCase(),
      attributes: attributes(l?.attributes),
    })),
    statusCode: num(s.status?.code, "status.code"),
    statusMessage: typeof s.status?.message === "string" ? s.status.message : "",
  };
}

export const decodeTracesJson = (body: unknown): ResourceGroup<OtlpSpan>[] =>
  groups(object(body, "resourceSpans"), "scopeSpans", "spans", span);

function logRecord(r: J): OtlpLogRecord {
  return {
    timeNs: num(r?.timeUnixNano, "timeUnixNano"),
    observedNs: num(r?.observedTimeUnixNano, "observedTimeUnixNano"),
    severityNumber: num(r?.severityNumber, "severityNumber"),
    severityText: typeof r?.severityText === "string" ? r.severityText : "",
    body: anyValue(r?.body),
    attributes: attributes(r?.attributes),
    traceId: idFromHex(r?.traceId, 16, "traceId"),
    spanId: idFromHex(r?.spanId, 8, "spanId"),
    eventName: typeof r?.eventName === "string" ? r.eventName : "",
  };
}

export const decodeLogsJson = (body: unknown): ResourceGroup<OtlpLogRecord>[] =>
  groups(object(body, "resourceLogs"), "scopeLogs", "logRecords", logRecord);

const numberPoint = (p: J): NumberPoint => ({
  attributes: attributes(p?.attributes),
  timeNs: num(p?.timeUnixNano, "timeUnixNano"),
  value: p?.asInt !== undefined ? num(p.asInt, "asInt") : num(p?.asDouble, "asDouble"),
});

const histogramPoint = (p: J): HistogramPoint => ({
  attributes: attributes(p?.attributes),
  timeNs: num(p?.timeUnixNano, "timeUnixNano"),
  count: num(p?.count, "count"),
  sum: p?.sum === undefined || p?.sum === null ? null : num(p.sum, "sum"),
  bounds: list(p?.explicitBounds, "explicitBounds").map((b: J) => num(b, "explicitBounds")),
  counts: list(p?.bucketCounts, "bucketCounts").map((c: J) => num(c, "bucketCounts")),
});

function exponentialPoint(p: J): HistogramPoint {
  const base = 2 ** (2 ** -num(p?.scale, "scale"));
  const offset = num(p?.positive?.offset, "offset");
  const positive = list(p?.positive?.bucketCounts, "bucketCounts").map((c: J) => num(c, "bucketCounts"));
  return {
    attributes: attributes(p?.attributes),
    timeNs: num(p?.timeUnixNano, "timeUnixNano"),
    count: num(p?.count, "count"),
    sum: p?.sum === undefined || p?.sum === null ? null : num(p.sum, "sum"),
    bounds: [0, ...positive.map((_: number, i: number) => base ** (offset + i + 1))],
    counts: [num(p?.zeroCount, "zeroCount"), ...positive, 0],
  };
}

function metric(m: J): OtlpMetric | null {
  const head = { name: String(m?.name ?? ""), description: String(m?.description ?? ""), unit: String(m?.unit ?? "") };
  if (m?.gauge) return { ...head, type: "gauge", points: list(m.gauge.dataPoints, "dataPoints").map(numberPoint) };
  if (m?.sum)
    return {
      ...head,
      type: "sum",
      temporality: num(m.sum.aggregationTemporality, "aggregationTemporality"),
      monotonic: Boolean(m.sum.isMonotonic),
      points: list(m.sum.dataPoints, "dataPoints").map(numberPoint),
    };
  if (m?.histogram)
    return {
      ...head,
      type: "histogram",
      temporality: num(m.histogram.aggregationTemporality, "aggregationTemporality"),
      points: list(m.histogram.dataPoints, "dataPoints").map(histogramPoint),
    };
  if (m?.exponentialHistogram) {
    const e = m.exponentialHistogram;
    return {
      ...head,
      type: "exponential_histogram",
      temporality: num(e.aggregationTemporality, "aggregationTemporality"),
      points: list(e.dataPoints, "dataPoints").map(exponentialPoint),
    };
  }
  if (m?.summary) {
    const points = list(m.summary.dataPoints, "dataPoints").map((p: J) => ({
      attributes: attributes(p?.attributes),
      timeNs: num(p?.timeUnixNano, "timeUnixNano"),
      count: num(p?.count, "count"),
      sum: num(p?.sum, "sum"),
      quantiles: list(p?.quantileValues, "quantileValues").map(
        (q: J) => [num(q?.quantile, "quantile"), num(q?.value, "value")] as [number, number],
      ),
    }));
    return { ...head, type: "summary", points };
  }
  return null;
}

export const decodeMetricsJson = (body: unknown): ResourceGroup<OtlpMetric>[] =>
  groups(object(body, "resourceMetrics"), "scopeMetrics", "metrics", metric);
