import "server-only";
import {
  idFromBytes,
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
import { OtlpTypes } from "./schema";

// Decoded protobufjs messages are walked with light structural types: absent proto3 fields
// read as their defaults from the message prototype, 64-bit integers as Long objects.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Msg = any;

const num = (v: Msg): number => (typeof v === "number" ? v : v ? v.toNumber() : 0);

function anyValue(v: Msg, depth = 0): AttrValue {
  if (!v) return null;
  if (depth > MAX_VALUE_DEPTH) throw new MalformedOtlp(`attribute values nest deeper than ${MAX_VALUE_DEPTH} levels`);
  switch (v.value) {
    case "stringValue":
      return v.stringValue;
    case "boolValue":
      return v.boolValue;
    case "intValue":
      return num(v.intValue);
    case "doubleValue":
      return v.doubleValue;
    case "arrayValue":
      return (v.arrayValue.values ?? []).map((item: Msg) => anyValue(item, depth + 1));
    case "kvlistValue":
      return attributes(v.kvlistValue.values, depth + 1);
    case "bytesValue":
      return Buffer.from(v.bytesValue).toString("base64");
    default:
      return null;
  }
}

function attributes(list: Msg[] | undefined, depth = 0): Attributes {
  const out: Attributes = {};
  if (list) for (const kv of list) out[kv.key] = anyValue(kv.value, depth);
  return out;
}

const scopeOf = (s: Msg): Scope => ({ name: s?.name ?? "", version: s?.version ?? "" });

function decode(type: (typeof OtlpTypes)[keyof typeof OtlpTypes], body: Buffer): Msg {
  try {
    return type.decode(body);
  } catch (error) {
    throw new MalformedOtlp(`not a valid ${type.name} protobuf message: ${(error as Error).message}`);
  }
}

function span(s: Msg): OtlpSpan {
  const traceId = idFromBytes(s.traceId, 16, "traceId");
  const spanId = idFromBytes(s.spanId, 8, "spanId");
  if (!traceId || !spanId) throw new MalformedOtlp("every span needs a non-zero traceId and spanId");
  return {
    traceId,
    spanId,
    parentSpanId: idFromBytes(s.parentSpanId, 8, "parentSpanId"),
    name: s.name,
    kind: s.kind,
    startNs: num(s.startTimeUnixNano),
    endNs: num(s.endTimeUnixNano),
    attributes: attributes(s.attributes),
    events: (s.events ?? []).map((e: Msg) => ({
      timeNs: num(e.timeUnixNano),
      name: e.name,
      attributes: attributes(e.attributes),
    })),
    links: (s.links ?? []).map((l: Msg) => ({
      traceId: Buffer.from(l.traceId).toString("hex"),
      spanId: Buffer.from(l.spanId).toString("hex"),
      attributes: attributes(l.attributes),
    })),
    statusCode: s.status?.code ?? 0,
    statusMessage: s.status?.message ?? "",
  };
}

export function decodeTracesProtobuf(body: Buffer): ResourceGroup<OtlpSpan>[] {
  const req = decode(OtlpTypes.traceRequest, body);
  return (req.resourceSpans ?? []).map((rs: Msg) => ({
    resource: attributes(rs.resource?.attributes),
    items: (rs.scopeSpans ?? []).flatMap((ss: Msg) =>
      (ss.spans ?? []).map((s: Msg) => ({ scope: scopeOf(ss.scope), item: span(s) })),
    ),
  }));
}

function logRecord(r: Msg): OtlpLogRecord {
  return {
    timeNs: num(r.timeUnixNano),
    observedNs: num(r.observedTimeUnixNano),
    severityNumber: r.severityNumber,
    severityText: r.severityText,
    body: anyValue(r.body),
    attributes: attributes(r.attributes),
    traceId: idFromBytes(r.traceId, 16, "traceId"),
    spanId: idFromBytes(r.spanId, 8, "spanId"),
    eventName: r.eventName ?? "",
  };
}

export function decodeLogsProtobuf(body: Buffer): ResourceGroup<OtlpLogRecord>[] {
  const req = decode(OtlpTypes.logsRequest, body);
  return (req.resourceLogs ?? []).map((rl: Msg) => ({
    resource: attributes(rl.resource?.attributes),
    items: (rl.scopeLogs ?? []).flatMap((sl: Msg) =>
      (sl.logRecords ?? []).map((r: Msg) => ({ scope: scopeOf(sl.scope), item: logRecord(r) })),
    ),
  }));
}

const numberPoint = (p: Msg): NumberPoint => ({
  attributes: attributes(p.attributes),
  timeNs: num(p.timeUnixNano),
  value: p.value === "asInt" ? num(p.asInt) : (p.asDouble ?? 0),
});

const histogramPoint = (p: Msg): HistogramPoint => ({
  attributes: attributes(p.attributes),
  timeNs: num(p.timeUnixNano),
  count: num(p.count),
  sum: p.sum === undefined || p.sum === null ? null : p.sum,
  bounds: [...(p.explicitBounds ?? [])],
  counts: (p.bucketCounts ?? []).map(num),
});

/** Exponential buckets become explicit ones (upper bounds base^(offset+i+1)), zeros first. */
function exponentialPoint(p: Msg): HistogramPoint {
  const base = 2 ** (2 ** -p.scale);
  const offset = p.positive?.offset ?? 0;
  const positive: number[] = (p.positive?.bucketCounts ?? []).map(num);
  return {
    attributes: attributes(p.attributes),
    timeNs: num(p.timeUnixNano),
    count: num(p.count),
    sum: p.sum === undefined || p.sum === null ? null : p.sum,
    bounds: [0, ...positive.map((_, i) => base ** (offset + i + 1))],
    counts: [num(p.zeroCount), ...positive, 0],
  };
}

function metric(m: Msg): OtlpMetric | null {
  const head = { name: m.name, description: m.description, unit: m.unit };
  switch (m.data) {
    case "gauge":
      return { ...head, type: "gauge", points: (m.gauge.dataPoints ?? []).map(numberPoint) };
    case "sum":
      return {
        ...head,
        type: "sum",
        temporality: m.sum.aggregationTemporality,
        monotonic: m.sum.isMonotonic,
        points: (m.sum.dataPoints ?? []).map(numberPoint),
      };
    case "histogram":
      return {
        ...head,
        type: "histogram",
        temporality: m.histogram.aggregationTemporality,
        points: (m.histogram.dataPoints ?? []).map(histogramPoint),
      };
    case "exponentialHistogram":
      return {
        ...head,
        type: "exponential_histogram",
        temporality: m.exponentialHistogram.aggregationTemporality,
        points: (m.exponentialHistogram.dataPoints ?? []).map(exponentialPoint),
      };
    case "summary":
      return {
        ...head,
        type: "summary",
        points: (m.summary.dataPoints ?? []).map((p: Msg) => ({
          attributes: attributes(p.attributes),
          timeNs: num(p.timeUnixNano),
          count: num(p.count),
          sum: p.sum,
          quantiles: (p.quantileValues ?? []).map((q: Msg) => [q.quantile, q.value] as [number, number]),
        })),
      };
    default:
      return null;
  }
}

export function decodeMetricsProtobuf(body: Buffer): ResourceGroup<OtlpMetric>[] {
  const req = decode(OtlpTypes.metricsRequest, body);
  return (req.resourceMetrics ?? []).map((rm: Msg) => ({
    resource: attributes(rm.resource?.attributes),
    items: (rm.scopeMetrics ?? []).flatMap((sm: Msg) =>
      (sm.metrics ?? []).flatMap((m: Msg) => {
        const decoded = metric(m);
        return decoded ? [{ scope: scopeOf(sm.scope), item: decoded }] : [];
      }),
    ),
  }));
}
