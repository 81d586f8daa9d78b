// What the receiver works with once an OTLP request is decoded, whatever its encoding:
// ids as Buffers, times as nanoseconds in a double (µs precision is all the store keeps),
// attribute values as plain JSON values.

export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

export interface Scope {
  name: string;
  version: string;
}

export interface OtlpSpan {
  traceId: Buffer;
  spanId: Buffer;
  parentSpanId: Buffer | null;
  name: string;
  kind: number;
  startNs: number;
  endNs: number;
  attributes: Attributes;
  events: { timeNs: number; name: string; attributes: Attributes }[];
  links: { traceId: string; spanId: string; attributes: Attributes }[];
  statusCode: number;
  statusMessage: string;
}

export interface OtlpLogRecord {
  timeNs: number;
  observedNs: number;
  severityNumber: number;
  severityText: string;
  body: AttrValue;
  attributes: Attributes;
  traceId: Buffer | null;
  spanId: Buffer | null;
  eventName: string;
}

export interface NumberPoint {
  attributes: Attributes;
  timeNs: number;
  value: number;
}

export interface HistogramPoint {
  attributes: Attributes;
  timeNs: number;
  count: number;
  sum: number | null;
  bounds: number[];
  counts: number[];
}

export interface SummaryPoint {
  attributes: Attributes;
  timeNs: number;
  count: number;
  sum: number;
  quantiles: [number, number][];
}

export type OtlpMetric = { name: string; description: string; unit: string } & (
  | { type: "gauge"; points: NumberPoint[] }
  | { type: "sum"; temporality: number; monotonic: boolean; points: NumberPoint[] }
  | { type: "histogram"; temporality: number; points: HistogramPoint[] }
  | { type: "exponential_histogram"; temporality: number; points: HistogramPoint[] }
  | { type: "summary"; points: SummaryPoint[] }
);

export interface ResourceGroup<T> {
  resource: Attributes;
  items: { scope: Scope; item: T }[];
}

export type Signal = "traces" | "logs" | "metrics";

export interface DecodedRequest {
  traces: ResourceGroup<OtlpSpan>[];
  logs: ResourceGroup<OtlpLogRecord>[];
  metrics: ResourceGroup<OtlpMetric>[];
}

export const SPAN_KINDS = ["unspecified", "internal", "server", "client", "producer", "consumer"] as const;
export const STATUS_CODES = ["unset", "ok", "error"] as const;

/** Deepest nesting of array/kvlist attribute values; real SDKs send a level or two. */
export const MAX_VALUE_DEPTH = 16;

/** Thrown for bodies that are not valid OTLP; the receiver answers 400. */
export class MalformedOtlp extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedOtlp";
  }
}

/** A trace or span id from OTLP/JSON (hex; empty means absent). */
export function idFromHex(value: unknown, bytes: number, field: string): Buffer | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || value.length !== bytes * 2)
    throw new MalformedOtlp(`${field} must be ${bytes * 2} hex characters`);
  // Buffer.from stops at the first pair that is not hex, so a short result is the validation.
  const id = Buffer.from(value, "hex");
  if (id.length !== bytes) throw new MalformedOtlp(`${field} must be ${bytes * 2} hex characters`);
  return id.every((b) => b === 0) ? null : id;
}

/** A protobuf bytes id; all-zero or empty means absent. */
export function idFromBytes(value: Uint8Array | undefined | null, bytes: number, field: string): Buffer | null {
  if (!value || value.length === 0) return null;
  if (value.length !== bytes) throw new MalformedOtlp(`${field} must be ${bytes} bytes`);
  if (value.every((b) => b === 0)) return null;
  return Buffer.from(value.buffer, value.byteOffset, value.length);
}
