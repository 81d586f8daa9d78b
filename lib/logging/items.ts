import "server-only";
import { stringify } from "yaml";
import type { LoggingObject } from "./cluster-objects";
import { APPLICATION_LABEL_KEYS, OUTPUT_TYPE_ANNOTATION, type LoggingKind } from "./constants";
import { applicationsOf, inlineSecrets } from "./rules";
import type { FlowItem, LastChange, OutputItem, RatePoint } from "./schemas";

type Json = Record<string, unknown>;

/** What a reader edits and diffs: no status, no server bookkeeping; never an inline secret. */
export function editableCopy(o: LoggingObject): LoggingObject {
  const copy = JSON.parse(JSON.stringify(o)) as LoggingObject;
  delete copy.status;
  for (const key of ["managedFields", "uid", "creationTimestamp", "generation", "selfLink"]) delete copy.metadata[key];
  for (const path of inlineSecrets(copy.spec, [])) {
    let node: Json = copy.spec as Json;
    for (const s of path.slice(0, -1)) node = node[s as string] as Json;
    node.value = "[hidden]";
  }
  return copy;
}

export const yamlOf = (o: LoggingObject | null) => (o ? stringify(editableCopy(o)) : "");

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function flowItem(
  o: LoggingObject,
  kind: LoggingKind,
  extra: { linesPerSecond: RatePoint[]; lastChange: LastChange | null },
): FlowItem {
  const spec = (o.spec ?? {}) as Json;
  return {
    name: o.metadata.name,
    kind: kind as FlowItem["kind"],
    active: typeof o.status?.active === "boolean" ? o.status.active : null,
    problems: strings(o.status?.problems),
    applications: applicationsOf(spec, APPLICATION_LABEL_KEYS),
    localOutputRefs: strings(spec.localOutputRefs),
    globalOutputRefs: strings(spec.globalOutputRefs),
    filters: (Array.isArray(spec.filters) ? spec.filters : []).flatMap((f) =>
      f && typeof f === "object" ? Object.keys(f as Json).slice(0, 1) : [],
    ),
    resourceVersion: o.metadata.resourceVersion ?? "",
    yaml: yamlOf(o),
    linesPerSecond: extra.linesPerSecond,
    lastChange: extra.lastChange,
  };
}

const PLUGIN_TARGET: Record<string, (p: Json) => string> = {
  loki: (p) => String(p.url ?? ""),
  elasticsearch: (p) =>
    p.hosts
      ? String(p.hosts)
      : `${String(p.scheme ?? "http")}://${String(p.host ?? "localhost")}:${String(p.port ?? 9200)}`,
  opensearch: (p) => `${String(p.scheme ?? "http")}://${String(p.host ?? "localhost")}:${String(p.port ?? 9200)}`,
  kafka: (p) => `${String(p.brokers ?? "")}${p.default_topic ? ` (${String(p.default_topic)})` : ""}`,
  http: (p) => String(p.endpoint ?? ""),
};

/** The url or host an output sends to, without credentials that may sit in a URL. */
function targetOf(plugin: string | undefined, settings: Json): string {
  const raw = plugin && PLUGIN_TARGET[plugin] ? PLUGIN_TARGET[plugin](settings) : "";
  return raw.replace(/\/\/[^/@\s]*@/g, "//");
}

export function outputItem(o: LoggingObject, kind: LoggingKind, lastChange: LastChange | null): OutputItem {
  const spec = (o.spec ?? {}) as Json;
  const plugin = Object.keys(spec).find((k) => k !== "loggingRef" && k !== "protected");
  const type = o.metadata.annotations?.[OUTPUT_TYPE_ANNOTATION] === "facet" ? "facet" : (plugin ?? "unknown");
  return {
    name: o.metadata.name,
    kind: kind as OutputItem["kind"],
    type,
    active: typeof o.status?.active === "boolean" ? o.status.active : null,
    problems: strings(o.status?.problems),
    resourceVersion: o.metadata.resourceVersion ?? "",
    yaml: yamlOf(o),
    target: targetOf(plugin, (plugin ? spec[plugin] : {}) as Json),
    lastChange,
  };
}
