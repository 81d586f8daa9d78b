import "server-only";
import { egressFetch } from "@/lib/net/egress";
import { ingestLogs } from "@/lib/telemetry/ingest/ingest-logs";
import { authenticateIngestToken } from "@/lib/telemetry/ingest/token-auth";
import type { Attributes, AttrValue, OtlpLogRecord, ResourceGroup } from "@/lib/telemetry/otlp/model";
import type { JsonObject, K8sObject } from "../types";
import { isObject } from "../util";
import { access, type LogRecord } from "./filters";

// Where a Flow's records go. A Loki output addressed to this Facet is delivered in-process
// (authenticated by the ingest token in its Secret, as the push endpoint would); other Loki and
// HTTP outputs are really POSTed through the egress policy; other plugins are not simulated.

/** Either annotation with the value "facet" marks an output as this Facet's (the API writes the second). */
export const FACET_OUTPUT_ANNOTATIONS = ["facet.dev/output", "facet.dev/output-type"];
const LOKI_PUSH_PATH = "/loki/api/v1/push";
const POST_TIMEOUT_MS = Number(process.env.SANDBOX_LOGGING_POST_TIMEOUT_MS ?? 5_000);
const SIMULATED = new Set(["loki", "http"]);
const NOT_PLUGINS = new Set(["loggingRef", "protected", "enabledNamespaces"]);

export type SecretReader = (namespace: string, name: string) => Promise<K8sObject | null>;

export function outputType(output: K8sObject): string {
  return Object.keys(output.spec ?? {}).find((k) => !NOT_PLUGINS.has(k)) ?? "(none)";
}

const pluginOf = (output: K8sObject) => (output.spec?.[outputType(output)] ?? {}) as JsonObject;

/** A secret-typed field: `{value}` or `{valueFrom: {secretKeyRef: {name, key}}}` (mountFrom alike). */
async function secretValue(field: unknown, namespace: string, read: SecretReader): Promise<string | null> {
  if (field === undefined || field === null) return null;
  if (typeof field === "string") return field;
  if (!isObject(field)) throw new Error("a secret field must be {value} or {valueFrom: {secretKeyRef}}");
  if (typeof field.value === "string") return field.value;
  const from = (
    isObject(field.valueFrom) ? field.valueFrom : isObject(field.mountFrom) ? field.mountFrom : {}
  ) as JsonObject;
  const ref = isObject(from.secretKeyRef) ? from.secretKeyRef : null;
  if (!ref?.name || !ref.key) throw new Error("a secret field names no secretKeyRef {name, key}");
  const secret = await read(namespace, String(ref.name));
  if (!secret) throw new Error(`Secret "${String(ref.name)}" not found in namespace "${namespace}"`);
  const encoded = (secret.data as Record<string, string> | undefined)?.[String(ref.key)];
  if (encoded === undefined) throw new Error(`Secret "${String(ref.name)}" has no key "${String(ref.key)}"`);
  return Buffer.from(encoded, "base64").toString("utf8");
}

/** fluent-plugin-grafana-loki appends the push path to `url`; a url that already ends in it is taken as is. */
export function lokiPushUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return trimmed.endsWith(LOKI_PUSH_PATH) ? trimmed : `${trimmed}${LOKI_PUSH_PATH}`;
}

/** The origins this Facet answers at: AUTH_URL, FACET_INTERNAL_URL and its own port on loopback. */
function ownOrigins(): Set<string> {
  const port = process.env.PORT || "3000";
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  for (const raw of [process.env.AUTH_URL, process.env.FACET_INTERNAL_URL]) {
    try {
      if (raw) origins.add(new URL(raw).origin);
    } catch {
      // not a URL; ignored
    }
  }
  return origins;
}

export function isFacetOutput(output: K8sObject): boolean {
  if (outputType(output) !== "loki") return false;
  if (FACET_OUTPUT_ANNOTATIONS.some((a) => output.metadata.annotations?.[a] === "facet")) return true;
  const url = pluginOf(output).url;
  if (typeof url !== "string") return false;
  try {
    return ownOrigins().has(new URL(lokiPushUrl(url)).origin);
  } catch {
    return false;
  }
}

/** What is wrong with an output before anything is sent (null when it can be used). */
export function configurationProblem(output: K8sObject): string | null {
  const type = outputType(output);
  if (!SIMULATED.has(type)) return `output type ${type} is not simulated by the sandbox`;
  const plugin = pluginOf(output);
  if (type === "loki" && typeof plugin.url !== "string") return "loki output has no url";
  if (type === "http" && typeof plugin.endpoint !== "string") return "http output has no endpoint";
  return null;
}

/** The line fluentd would send: drop_single_key, then json or key_value. */
function lokiLine(record: JsonObject, plugin: JsonObject): string {
  const rest = { ...record };
  for (const key of Array.isArray(plugin.remove_keys) ? plugin.remove_keys : []) delete rest[String(key)];
  const keys = Object.keys(rest);
  if (plugin.drop_single_key === true && keys.length === 1) {
    const only = rest[keys[0]];
    return typeof only === "string" ? only : JSON.stringify(only);
  }
  if (plugin.line_format === "json") return JSON.stringify(rest);
  const value = (v: unknown) => (typeof v === "string" && /^[^\s"=]*$/.test(v) ? v : JSON.stringify(v));
  return keys.map((k) => `${k}=${value(rest[k])}`).join(" ");
}

function lokiStreams(records: LogRecord[], plugin: JsonObject) {
  const streams = new Map<string, { stream: Record<string, string>; values: [string, string][] }>();
  for (const r of records) {
    const stream: Record<string, string> = {
      namespace: r.origin.namespace,
      pod: r.origin.pod,
      container: r.origin.container,
      ...(r.origin.application ? { app: r.origin.application } : {}),
    };
    if (plugin.extract_kubernetes_labels === true)
      for (const [k, v] of Object.entries(r.origin.labels)) stream[k.replace(/[^A-Za-z0-9_]/g, "_")] = v;
    if (isObject(plugin.labels))
      for (const [label, accessor] of Object.entries(plugin.labels)) {
        const value = access(r.record, String(accessor));
        if (value !== undefined && value !== null) stream[label] = String(value);
      }
    if (isObject(plugin.extra_labels)) for (const [k, v] of Object.entries(plugin.extra_labels)) stream[k] = String(v);
    const key = JSON.stringify(Object.entries(stream).sort());
    const entry = streams.get(key) ?? { stream, values: [] };
    entry.values.push([`${BigInt(r.time) * 1_000_000n}`, lokiLine(r.record, plugin)]);
    streams.set(key, entry);
  }
  return { streams: [...streams.values()] };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

async function post(url: string, headers: Record<string, string>, body: string, what: string): Promise<string | null> {
  try {
    const res = await egressFetch(
      url,
      { method: "POST", headers, body, upstream: what, signal: AbortSignal.timeout(POST_TIMEOUT_MS) },
      {},
    );
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return null;
    return `${what}: ${new URL(url).host} answered ${res.status}`;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError") return `${what}: ${new URL(url).host} did not answer in time`;
    return `${what}: ${(error as Error).message ?? "request failed"}`;
  }
}

function otlpValue(value: unknown): AttrValue {
  if (value === undefined) return null;
  return value as AttrValue;
}

const SEVERITY = /\b(ERROR|FATAL|CRITICAL)\b|\[(error|crit|alert|emerg)\]|^\S*(Exception|Error)\b|Exception in thread/;
const WARNING = /\bWARN(ING)?\b|\[warn\]/;

function severityOf(record: JsonObject, body: string): string {
  const level = record.level ?? record.severity ?? record.loglevel;
  if (typeof level === "string" && level) return level.toUpperCase();
  if (SEVERITY.test(body)) return "ERROR";
  if (WARNING.test(body)) return "WARN";
  return "INFO";
}

/** ResourceGroups for ingestLogs: one per container, with the pod's labels as resource attributes. */
export function facetGroups(records: LogRecord[], nowMs = Date.now()): ResourceGroup<OtlpLogRecord>[] {
  const groups = new Map<string, ResourceGroup<OtlpLogRecord>>();
  for (const r of records) {
    const o = r.origin;
    const id = `${o.namespace}/${o.pod}/${o.container}`;
    let group = groups.get(id);
    if (!group) {
      const resource: Attributes = {
        "k8s.namespace.name": o.namespace,
        "k8s.pod.name": o.pod,
        "k8s.container.name": o.container,
        "k8s.node.name": o.host,
        "service.name": o.application ?? o.container,
      };
      for (const [k, v] of Object.entries(o.labels)) resource[`k8s.pod.label.${k}`] = v;
      group = { resource, items: [] };
      groups.set(id, group);
    }
    const { kubernetes: _k, ...fields } = r.record;
    const main = ["message", "log", "msg"].find((k) => typeof fields[k] === "string");
    const body = main ? String(fields[main]) : JSON.stringify(fields);
    const attributes: Attributes = {};
    for (const [k, v] of Object.entries(fields)) if (k !== main) attributes[k] = otlpValue(v);
    group.items.push({
      scope: { name: "logging-operator", version: "" },
      item: {
        timeNs: r.time * 1e6,
        observedNs: nowMs * 1e6,
        severityNumber: 0,
        severityText: severityOf(fields, body),
        body,
        attributes,
        traceId: null,
        spanId: null,
        eventName: "",
      },
    });
  }
  return [...groups.values()];
}

/** Sends the records to one output; answers the problem to report, or null when they arrived. */
export async function deliver(
  output: K8sObject,
  records: LogRecord[],
  readSecret: SecretReader,
): Promise<string | null> {
  const problem = configurationProblem(output);
  if (problem) return problem;
  const namespace = output.metadata.namespace ?? "";
  const plugin = pluginOf(output);
  const type = outputType(output);
  try {
    if (isFacetOutput(output)) {
      const token = await secretValue(plugin.password, namespace, readSecret);
      if (!token) return "the Facet output has no password (the ingest token)";
      const principal = await authenticateIngestToken(`Bearer ${token}`);
      if (!principal) return "Facet refused the ingest token in the output's password (401)";
      if (records.length === 0) return null;
      const result = await ingestLogs(principal, facetGroups(records));
      return result.rejected ? `Facet refused ${result.rejected} lines: ${result.message}` : null;
    }
    if (records.length === 0) return null;
    if (type === "loki") {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const user = await secretValue(plugin.username, namespace, readSecret);
      const password = await secretValue(plugin.password, namespace, readSecret);
      if (user !== null || password !== null) headers.authorization = basic(user ?? "", password ?? "");
      if (typeof plugin.tenant === "string" && plugin.tenant) headers["x-scope-orgid"] = plugin.tenant;
      return await post(
        lokiPushUrl(String(plugin.url)),
        headers,
        JSON.stringify(lokiStreams(records, plugin)),
        "loki output",
      );
    }
    const headers: Record<string, string> = isObject(plugin.headers)
      ? Object.fromEntries(Object.entries(plugin.headers).map(([k, v]) => [k, String(v)]))
      : {};
    const auth = isObject(plugin.auth) ? plugin.auth : null;
    if (auth) {
      const user = await secretValue(auth.username, namespace, readSecret);
      const password = await secretValue(auth.password, namespace, readSecret);
      headers.authorization = basic(user ?? "", password ?? "");
    }
    const array = plugin.json_array === true;
    headers["content-type"] ??=
      typeof plugin.content_type === "string"
        ? plugin.content_type
        : array
          ? "application/json"
          : "application/x-ndjson";
    const body = array
      ? JSON.stringify(records.map((r) => r.record))
      : records.map((r) => JSON.stringify(r.record)).join("\n") + "\n";
    return await post(String(plugin.endpoint), headers, body, "http output");
  } catch (error) {
    return (error as Error).message;
  }
}
