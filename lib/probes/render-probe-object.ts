import "server-only";
import Ajv, { type ValidateFunction } from "ajv";
import { toJsonSchema } from "@/lib/logging/json-schemas";
import { AppError } from "@/lib/errors";
import type { ProbeRow } from "@/lib/db/schema";
import type { ProbeKind } from "./constants";
import crd from "./crds/probes.json";
import { probeJob } from "./uptime";

export const PROBE_GROUP = "monitoring.coreos.com";
export const PROBE_VERSION = "v1";
export const PROBE_PLURAL = "probes";

/** A real cluster's exporter has the standard modules, not Facet's per-probe ones. */
export const STANDARD_MODULES: Record<ProbeKind, string> = {
  http: "http_2xx",
  tcp: "tcp_connect",
  icmp: "icmp",
  dns: "dns",
};

/** Where the cluster's own blackbox exporter answers (host:port, in the cluster). */
export const clusterProberUrl = () =>
  process.env.FACET_PROBE_PROBER_URL ?? "prometheus-blackbox-exporter.monitoring.svc:9115";

export interface ProbeObject {
  apiVersion: string;
  kind: "Probe";
  metadata: { name: string; namespace: string; labels: Record<string, string>; resourceVersion?: string };
  spec: Record<string, unknown>;
}

export function renderProbeObject(row: ProbeRow, namespace: string): ProbeObject {
  return {
    apiVersion: `${PROBE_GROUP}/${PROBE_VERSION}`,
    kind: "Probe",
    metadata: {
      name: row.name,
      namespace,
      labels: { "app.kubernetes.io/managed-by": "facet", "facet.dev/probe": row.name },
    },
    spec: {
      jobName: probeJob(row.name),
      interval: `${row.intervalSeconds}s`,
      scrapeTimeout: `${row.timeoutSeconds}s`,
      module: STANDARD_MODULES[row.kind],
      prober: { url: clusterProberUrl(), path: "/probe", scheme: "http" },
      targets: { staticConfig: { static: [row.target], labels: { facet_probe: row.name } } },
    },
  };
}

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    const base = toJsonSchema(crd.openAPIV3Schema) as { properties: Record<string, unknown> };
    const { status: _status, ...properties } = base.properties;
    validator = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile({
      ...base,
      properties: {
        ...properties,
        apiVersion: { const: `${PROBE_GROUP}/${PROBE_VERSION}` },
        kind: { const: "Probe" },
        metadata: { type: "object", required: ["name", "namespace"] },
      },
      required: ["apiVersion", "kind", "metadata", "spec"],
    });
  }
  return validator;
}

/** Problems of a rendered object against the CRD's schema (none expected: a failure is Facet's bug). */
export function probeObjectIssues(object: unknown): string[] {
  const fn = validate();
  if (fn(object)) return [];
  return (fn.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is not valid"}`);
}

export function validProbeObject(row: ProbeRow, namespace: string): ProbeObject {
  const object = renderProbeObject(row, namespace);
  const issues = probeObjectIssues(object);
  if (issues.length) throw new AppError("INTERNAL", `rendered Probe object is invalid: ${issues.join("; ")}`);
  return object;
}
