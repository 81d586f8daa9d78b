import "server-only";
import { AppError } from "@/lib/errors";
import type { LoggingObject } from "./cluster-objects";
import {
  COLLECT_ALL_FLOW,
  FLOW_LINES_METRIC,
  LOGGING_API_VERSION,
  MANAGED_BY_LABEL,
  OUTPUT_TYPE_ANNOTATION,
  secretNameFor,
} from "./constants";
import type { FlowForm, OutputForm } from "./schemas";

const counterFilter = {
  prometheus: {
    metrics: [
      {
        name: FLOW_LINES_METRIC,
        type: "counter",
        desc: "Log lines this flow collected",
      },
    ],
  },
};

/** The application form as a Flow: one select per application, filters in the form's order. */
export function flowFromForm(form: FlowForm, namespace: string): LoggingObject {
  const f = form.filters;
  const filters: Record<string, unknown>[] = [];
  if (f.detectExceptions) filters.push({ detectExceptions: {} });
  if (f.parser) filters.push({ parser: { key_name: f.parser.keyName, parse: { type: "json" } } });
  if (f.grep?.include || f.grep?.exclude)
    filters.push({
      grep: {
        ...(f.grep.include && { regexp: [{ key: "message", pattern: f.grep.include }] }),
        ...(f.grep.exclude && { exclude: [{ key: "message", pattern: f.grep.exclude }] }),
      },
    });
  if (f.geoip) filters.push({ geoip: { geoip_lookup_keys: f.geoip.keys.join(",") } });
  if (f.throttle)
    filters.push({
      throttle: {
        group_key: "kubernetes.pod_name",
        group_bucket_period_s: 60,
        group_bucket_limit: f.throttle.linesPerMinute,
      },
    });
  if (f.counter) filters.push(counterFilter);
  return {
    apiVersion: LOGGING_API_VERSION,
    kind: "Flow",
    metadata: { name: form.name, namespace, labels: { [MANAGED_BY_LABEL]: "facet" } },
    spec: {
      match: form.applications.map((a) => ({ select: { labels: { [a.labelKey]: a.name } } })),
      ...(filters.length && { filters }),
      ...(form.outputs.length && { localOutputRefs: form.outputs }),
      ...(form.clusterOutputs.length && { globalOutputRefs: form.clusterOutputs }),
    },
  };
}

/** The one-click Flow: the whole namespace, counted, to the cluster's Facet output. */
export function collectAllFlow(namespace: string, clusterOutput: string): LoggingObject {
  return {
    apiVersion: LOGGING_API_VERSION,
    kind: "Flow",
    metadata: { name: COLLECT_ALL_FLOW, namespace, labels: { [MANAGED_BY_LABEL]: "facet" } },
    spec: { filters: [counterFilter], globalOutputRefs: [clusterOutput] },
  };
}

const secretRef = (output: string, key: string) => ({
  valueFrom: { secretKeyRef: { name: secretNameFor(output), key } },
});

/** A Loki output pushing to this Facet, its password (an ingest token) kept in a Secret. */
export function facetLokiSpec(output: string, url: string): Record<string, unknown> {
  return {
    loki: {
      url,
      username: secretRef(output, "username"),
      password: secretRef(output, "password"),
      extract_kubernetes_labels: true,
      configure_kubernetes_labels: true,
      buffer: { timekey: "1m", timekey_wait: "10s", flush_interval: "5s" },
    },
  };
}

/**
 * An output form as an Output plus the Secret data it references (stored only in the cluster,
 * never echoed). `pushUrl` and `token` are used by the "facet" type.
 */
export function outputFromForm(
  form: OutputForm,
  kind: "Output" | "ClusterOutput",
  namespace: string,
  facet?: { url: string; token: string },
): { object: LoggingObject; secret: Record<string, string> } {
  const name = form.name;
  const secrets = (form.secrets ?? {}) as Record<string, string | undefined>;
  const secret: Record<string, string> = {};
  const ref = (key: string) => {
    const value = secrets[key];
    if (!value) return undefined;
    secret[key] = value;
    return secretRef(name, key);
  };
  let spec: Record<string, unknown>;
  switch (form.type) {
    case "loki":
      spec = { loki: { url: form.settings.url, username: ref("username"), password: ref("password") } };
      break;
    case "elasticsearch":
      spec = {
        elasticsearch: {
          host: form.settings.host,
          port: form.settings.port,
          scheme: form.settings.scheme,
          ...(form.settings.index && { index_name: form.settings.index }),
          ...((form.settings.user || form.secrets?.username) && { user: form.settings.user ?? form.secrets?.username }),
          password: ref("password"),
        },
      };
      break;
    case "kafka":
      spec = {
        kafka: {
          brokers: form.settings.brokers,
          default_topic: form.settings.topic,
          format: { type: "json" },
          username: ref("username"),
          password: ref("password"),
        },
      };
      break;
    case "http": {
      if (Boolean(secrets.username) !== Boolean(secrets.password))
        throw new AppError("VALIDATION", "HTTP basic auth needs both a username and a password.", {
          errors: [
            { path: `body.secrets.${secrets.username ? "password" : "username"}`, message: "Enter both or neither." },
          ],
        });
      const username = ref("username");
      const password = ref("password");
      spec = {
        http: {
          endpoint: form.settings.endpoint,
          ...((username || password) && { auth: { username, password } }),
        },
      };
      break;
    }
    case "facet":
      if (!facet) throw new Error("facet output needs its push URL and token");
      secret.username = "facet";
      secret.password = facet.token;
      spec = facetLokiSpec(name, facet.url);
      break;
  }
  return {
    object: JSON.parse(
      JSON.stringify({
        apiVersion: LOGGING_API_VERSION,
        kind,
        metadata: {
          name,
          namespace,
          labels: { [MANAGED_BY_LABEL]: "facet" },
          annotations: { [OUTPUT_TYPE_ANNOTATION]: form.type },
        },
        spec,
      }),
    ) as LoggingObject,
    secret,
  };
}
