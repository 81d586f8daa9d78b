import "server-only";
import type { JsonObject } from "../types";
import { isObject } from "../util";

// The fluentd filters of a Flow, in order, over the records of one tick. Filters the sandbox
// does not simulate pass records through unchanged, as a no-op plugin would.

export interface Origin {
  namespace: string;
  pod: string;
  container: string;
  host: string;
  labels: Record<string, string>;
  /** The application: label app, app.kubernetes.io/name or facet.dev/application. */
  application: string | null;
}

export interface LogRecord {
  /** Epoch milliseconds. */
  time: number;
  /** What fluentd holds: `message` and the `kubernetes` metadata fluent-bit adds. */
  record: JsonObject;
  origin: Origin;
}

/** Counters and buckets that live as long as the Flow. */
export interface FilterState {
  throttle: Map<string, { windowStart: number; count: number }>;
  /** prometheus filter counters: `name` + labels → value. */
  counters: Map<string, { name: string; labels: Record<string, string>; value: number }>;
}

export const newFilterState = (): FilterState => ({ throttle: new Map(), counters: new Map() });

/** fluentd's record accessor: `$.a.b`, `$['a']['b']` or a plain (possibly dotted) key. */
export function accessPath(key: string): string[] {
  const k = key.trim();
  if (k.startsWith("$[")) return [...k.matchAll(/\[['"]([^'"]*)['"]\]/g)].map((m) => m[1]);
  if (k.startsWith("$.")) return k.slice(2).split(".");
  return k.split(".");
}

export function access(record: JsonObject, key: string): unknown {
  if (key in record) return record[key];
  let at: unknown = record;
  for (const part of accessPath(key)) at = isObject(at) ? at[part] : undefined;
  return at;
}

const text = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** Ruby regexps are written `/…/flags` or bare; both become JS RegExps (null when invalid). */
function rubyRegex(pattern: unknown): RegExp | null {
  const p = String(pattern ?? "");
  const slashed = /^\/(.*)\/([imx]*)$/s.exec(p);
  try {
    if (slashed) return new RegExp(slashed[1], slashed[2].replace("x", ""));
    return new RegExp(p);
  } catch {
    return null;
  }
}

type Condition = { key?: unknown; pattern?: unknown };
const conditionHolds = (r: JsonObject, c: Condition) =>
  !!rubyRegex(c.pattern)?.test(text(access(r, String(c.key ?? "message"))));
const list = (v: unknown): Condition[] => (Array.isArray(v) ? (v as Condition[]) : isObject(v) ? [v] : []);

function grepKeeps(r: JsonObject, spec: JsonObject): boolean {
  if (!list(spec.regexp).every((c) => conditionHolds(r, c))) return false;
  if (list(spec.exclude).some((c) => conditionHolds(r, c))) return false;
  for (const block of list(spec.and) as JsonObject[]) {
    const keep = list(block.regexp).every((c) => conditionHolds(r, c));
    const drop = list(block.exclude).length > 0 && list(block.exclude).every((c) => conditionHolds(r, c));
    if (!keep || drop) return false;
  }
  for (const block of list(spec.or) as JsonObject[]) {
    const regexps = list(block.regexp);
    if (regexps.length && !regexps.some((c) => conditionHolds(r, c))) return false;
    if (list(block.exclude).some((c) => conditionHolds(r, c))) return false;
  }
  return true;
}

/** `${record["x"]}` and `${tag}` in record_modifier/record_transformer values. */
function placeholders(value: unknown, r: LogRecord): unknown {
  if (typeof value !== "string") return value;
  return value.replace(/\$\{\s*(?:record\[["']([^"']+)["']\]|(tag))\s*\}/g, (_m, key: string | undefined) =>
    key
      ? text(access(r.record, key))
      : `kubernetes.var.log.containers.${r.origin.pod}_${r.origin.namespace}_${r.origin.container}`,
  );
}

const commaList = (v: unknown) =>
  (Array.isArray(v) ? v.map(String) : String(v ?? "").split(",")).map((s) => s.trim()).filter(Boolean);

function modifyRecord(r: LogRecord, spec: JsonObject, transformer: boolean): LogRecord {
  let record: JsonObject = transformer && spec.renew_record === true ? {} : { ...r.record };
  for (const item of Array.isArray(spec.records) ? spec.records : [])
    if (isObject(item)) for (const [k, v] of Object.entries(item)) record[k] = placeholders(v, r);
  for (const key of commaList(spec.remove_keys)) delete record[key.replace(/^\$\./, "")];
  const keep = commaList(transformer ? spec.keep_keys : spec.whitelist_keys);
  if (keep.length) record = Object.fromEntries(Object.entries(record).filter(([k]) => keep.includes(k)));
  return { ...r, record };
}

/** fluentd's parser_nginx expression. */
const NGINX =
  /^(?<remote>[^ ]*) (?<host>[^ ]*) (?<user>[^ ]*) \[(?<time>[^\]]*)\] "(?<method>\S+)(?: +(?<path>[^"]*?)(?: +\S*)?)?" (?<code>[^ ]*) (?<size>[^ ]*)(?: "(?<referer>[^"]*)" "(?<agent>[^"]*)"(?:\s+(?<http_x_forwarded_for>[^ ]+))?)?$/;

function parse(r: LogRecord, spec: JsonObject): LogRecord | null {
  const key = String(spec.key_name ?? "message");
  const raw = access(r.record, key);
  const type = String((isObject(spec.parse) ? spec.parse.type : undefined) ?? "json");
  let values: JsonObject | null = null;
  if (typeof raw === "string") {
    if (type === "json") {
      try {
        const parsed: unknown = JSON.parse(raw);
        values = isObject(parsed) ? parsed : null;
      } catch {
        values = null;
      }
    } else if (type === "none") {
      values = { message: raw };
    } else if (type === "regexp" && isObject(spec.parse)) {
      const match = rubyRegex(String(spec.parse.expression ?? ""))?.exec(raw);
      values = match?.groups ? { ...match.groups } : null;
    } else if (type === "nginx") {
      const match = NGINX.exec(raw);
      values = match?.groups
        ? Object.fromEntries(Object.entries(match.groups).filter(([, v]) => v !== undefined))
        : null;
    } else if (type === "logfmt") {
      const pairs = [...raw.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)];
      values = pairs.length
        ? Object.fromEntries(pairs.map(([, k, v]) => [k, v.startsWith('"') ? v.slice(1, -1) : v]))
        : null;
    } else {
      // Other formats (nginx, apache2, logfmt…) are not simulated: the record goes on as it is.
      return r;
    }
  }
  // fluentd filter_parser: an unparsable record is dropped unless reserve_data keeps it.
  if (!values) return spec.reserve_data === true ? r : null;
  if (typeof spec.inject_key_prefix === "string")
    values = Object.fromEntries(Object.entries(values).map(([k, v]) => [`${spec.inject_key_prefix}${k}`, v]));
  if (typeof spec.hash_value_field === "string") values = { [spec.hash_value_field]: values };
  if (spec.reserve_data !== true) return { ...r, record: values };
  const record = { ...r.record };
  if (spec.remove_key_name_field === true) delete record[key];
  return { ...r, record: { ...record, ...values } };
}

function throttle(records: LogRecord[], spec: JsonObject, state: FilterState, scope: string): LogRecord[] {
  const keys = commaList(spec.group_key ?? "kubernetes.container_name");
  const periodMs = Math.max(1, Number(spec.group_bucket_period_s ?? 60)) * 1000;
  const limit = Number(spec.group_bucket_limit ?? 6000);
  if (spec.group_drop_logs === false) return records;
  return records.filter((r) => {
    const group = `${scope}\u0000${keys.map((k) => text(access(r.record, k))).join("\u0000")}`;
    let bucket = state.throttle.get(group);
    if (!bucket || r.time - bucket.windowStart >= periodMs) {
      bucket = { windowStart: r.time, count: 0 };
      state.throttle.set(group, bucket);
    }
    bucket.count++;
    return bucket.count <= limit;
  });
}

function prometheus(records: LogRecord[], spec: JsonObject, state: FilterState): void {
  const shared = isObject(spec.labels) ? spec.labels : {};
  for (const metric of Array.isArray(spec.metrics) ? spec.metrics : []) {
    if (!isObject(metric) || metric.type !== "counter" || typeof metric.name !== "string") continue;
    const own = isObject(metric.labels) ? metric.labels : {};
    for (const r of records) {
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...shared, ...own })) {
        const value = String(v);
        labels[k] = value.startsWith("$.") ? text(access(r.record, value)) : value;
      }
      const by = typeof metric.key === "string" ? Number(access(r.record, metric.key)) : 1;
      if (!Number.isFinite(by)) continue;
      const id = `${metric.name}\u0000${JSON.stringify(labels)}`;
      const counter = state.counters.get(id) ?? { name: metric.name, labels, value: 0 };
      counter.value += by;
      state.counters.set(id, counter);
    }
  }
}

interface GeoLookup {
  country: string;
  region: string;
  city: string;
  ll: [number, number];
}
type Lookup = (ip: string) => GeoLookup | null;
let geoip: Promise<Lookup> | null = null;
// geoip-lite reads its offline database on first use (tens of MB), so only Flows with a geoip filter pay for it.
const loadGeoip = () =>
  (geoip ??= import("geoip-lite").then((m) => {
    const mod = (m as { default?: { lookup: Lookup }; lookup?: Lookup }).default ?? (m as { lookup: Lookup });
    return (ip: string) => mod.lookup(ip);
  }));

async function geoipFilter(records: LogRecord[], spec: JsonObject): Promise<LogRecord[]> {
  const lookup = await loadGeoip();
  const keys = commaList(spec.geoip_lookup_keys ?? "host");
  const skipNull = spec.skip_adding_null_record !== false;
  return records.map((r) => {
    const record = { ...r.record };
    for (const key of keys) {
      const ip = access(r.record, key);
      const found = typeof ip === "string" ? lookup(ip) : null;
      if (!found && skipNull) continue;
      const prefix = keys.length > 1 ? `${key.replace(/^\$\./, "").replace(/\./g, "_")}_` : "";
      record[`${prefix}country`] = found?.country ?? null;
      record[`${prefix}region`] = found?.region || null;
      record[`${prefix}city`] = found?.city || null;
      record[`${prefix}location_array`] = found ? [found.ll[1], found.ll[0]] : null;
    }
    return { ...r, record };
  });
}

const EXCEPTION_START =
  /(^|\s)(Exception in thread|Traceback \(most recent call last\)|panic: |[A-Za-z_.$]*(Exception|Error)\b[^\n]*:)/;
const CONTINUATION = /^(\s+at |\tat |\s+File "|\s+\.\.\. \d+ more|Caused by: |\s+[a-z_]+\.go:\d+|goroutine \d+)/;

/** detectExceptions: continuation lines of a stack trace join the record that began it. */
function detectExceptions(records: LogRecord[], spec: JsonObject): LogRecord[] {
  const key = String(spec.message ?? "message");
  const open = new Map<string, LogRecord>();
  const out: LogRecord[] = [];
  for (const r of records) {
    const stream = `${r.origin.namespace}/${r.origin.pod}/${r.origin.container}`;
    const line = r.record[key];
    const head = open.get(stream);
    if (head && typeof line === "string" && CONTINUATION.test(line)) {
      head.record[key] = `${text(head.record[key])}\n${line}`;
      continue;
    }
    const copy = { ...r, record: { ...r.record } };
    out.push(copy);
    if (typeof line === "string" && EXCEPTION_START.test(line)) open.set(stream, copy);
    else open.delete(stream);
  }
  return out;
}

function dedot(records: LogRecord[], spec: JsonObject): LogRecord[] {
  const separator = String(spec.de_dot_separator ?? "_");
  const nested = spec.de_dot_nested === true;
  const fix = (value: JsonObject, deep: boolean): JsonObject =>
    Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.replace(/\./g, separator), deep && isObject(v) ? fix(v, deep) : v]),
    );
  return records.map((r) => ({ ...r, record: fix(r.record, nested) }));
}

/** Runs the filters in order; `scope` keeps throttle buckets of different Flows apart. */
export async function applyFilters(
  filters: unknown,
  input: LogRecord[],
  state: FilterState,
  scope: string,
): Promise<LogRecord[]> {
  let records = input;
  for (const [i, filter] of (Array.isArray(filters) ? filters : []).entries()) {
    if (!isObject(filter)) continue;
    const [name, raw] = Object.entries(filter)[0] ?? [];
    const spec = isObject(raw) ? raw : {};
    switch (name) {
      case "parser":
        records = records.map((r) => parse(r, spec)).filter((r): r is LogRecord => r !== null);
        break;
      case "grep":
        records = records.filter((r) => grepKeeps(r.record, spec));
        break;
      case "record_modifier":
      case "record_transformer":
        records = records.map((r) => modifyRecord(r, spec, name === "record_transformer"));
        break;
      case "throttle":
        records = throttle(records, spec, state, `${scope}#${i}`);
        break;
      case "prometheus":
        prometheus(records, spec, state);
        break;
      case "geoip":
        records = await geoipFilter(records, spec);
        break;
      case "detectExceptions":
        records = detectExceptions(records, spec);
        break;
      case "dedot":
        records = dedot(records, spec);
        break;
      default:
        break;
    }
  }
  return records;
}
