import "server-only";
import clusterFlows from "@/lib/logging/crds/clusterflows.json";
import clusterOutputs from "@/lib/logging/crds/clusteroutputs.json";
import flows from "@/lib/logging/crds/flows.json";
import outputs from "@/lib/logging/crds/outputs.json";
import { CONTROL_NAMESPACE, LOGGING_API_VERSION, LOGGING_GROUP, LOGGING_VERSION } from "@/lib/logging/constants";
import type { CrdFile as LoggingCrdFile } from "@/lib/logging/json-schemas";
import { CRDS, NAMESPACES } from "../builtin-resources";
import { K8sError } from "../k8s-error";
import { createObject } from "../objects/create-object";
import { updateObject } from "../objects/update-object";
import { crdResourceType } from "../registry";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject, ResourceType } from "../types";
import { deepEqual } from "../util";

// The Logging Operator as a real cluster has it installed: its CRDs, the control namespace and
// one Logging resource naming that namespace, so Facet's detection finds an operator here.

export const LOGGING_NAME = "facet";

/** A file of lib/logging/crds, its schema and columns typed as the sandbox stores objects. */
type CrdFile = Omit<LoggingCrdFile, "categories" | "printerColumns" | "openAPIV3Schema"> & {
  categories?: string[];
  printerColumns: JsonObject[];
  openAPIV3Schema: JsonObject;
};

function crd(file: CrdFile): K8sObject {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: {
      name: `${file.plural}.${file.group}`,
      labels: { "app.kubernetes.io/managed-by": "facet-sandbox", "app.kubernetes.io/name": "logging-operator" },
    },
    spec: {
      group: file.group,
      names: {
        kind: file.kind,
        listKind: `${file.kind}List`,
        plural: file.plural,
        singular: file.kind.toLowerCase(),
        ...(file.shortNames.length ? { shortNames: file.shortNames } : {}),
        ...(file.categories?.length ? { categories: file.categories } : {}),
      },
      scope: file.scope,
      versions: [
        {
          name: file.version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: file.openAPIV3Schema },
          subresources: { status: {} },
          additionalPrinterColumns: file.printerColumns,
        },
      ],
    },
  };
}

const LOGGINGS_CRD: CrdFile = {
  group: LOGGING_GROUP,
  kind: "Logging",
  plural: "loggings",
  scope: "Cluster",
  version: LOGGING_VERSION,
  shortNames: [],
  categories: ["logging-all"],
  printerColumns: [
    { name: "LoggingRef", type: "string", jsonPath: ".spec.loggingRef" },
    { name: "ControlNamespace", type: "string", jsonPath: ".spec.controlNamespace" },
  ],
  openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
};

export const LOGGING_CRDS: K8sObject[] = [flows, clusterFlows, outputs, clusterOutputs, LOGGINGS_CRD].map((f) =>
  crd(f as CrdFile),
);

const LOGGING: K8sObject = {
  apiVersion: LOGGING_API_VERSION,
  kind: "Logging",
  metadata: { name: LOGGING_NAME, labels: { "app.kubernetes.io/managed-by": "facet-sandbox" } },
  spec: { controlNamespace: CONTROL_NAMESPACE, fluentd: {}, fluentbit: {} },
};

const ignoreAlreadyExists = (error: unknown) => {
  const duplicate = (error as { cause?: { code?: string } })?.cause?.code === "ER_DUP_ENTRY";
  if (!(error instanceof K8sError && error.reason === "AlreadyExists") && !duplicate) throw error;
};

/** Installs what is missing, and brings our own CRDs up to date when the shipped schemas change. */
export async function seedLoggingOperator(): Promise<void> {
  const types: Record<string, ResourceType> = {};
  for (const definition of LOGGING_CRDS) {
    const installed = await Writer.run(async (w) => {
      const current = await w.get(CRDS, "", definition.metadata.name!);
      if (!current) return createObject(w, CRDS, definition, "");
      if (deepEqual(current.spec, { ...current.spec, ...definition.spec })) return current;
      return updateObject(w, CRDS, { ...current, spec: { ...current.spec, ...definition.spec } }, current);
    }).catch(async (error: unknown) => {
      ignoreAlreadyExists(error);
      return (await Writer.run((w) => w.get(CRDS, "", definition.metadata.name!)))!;
    });
    const type = crdResourceType(installed);
    if (type) types[type.kind] = type;
  }
  const seed: [ResourceType | undefined, string, K8sObject][] = [
    [NAMESPACES, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: CONTROL_NAMESPACE } }],
    [types.Logging, "", LOGGING],
  ];
  for (const [type, namespace, object] of seed) {
    if (!type) continue;
    await Writer.run(async (w) => {
      if (await w.get(type, namespace, object.metadata.name!)) return;
      await createObject(w, type, object, namespace);
    }).catch(ignoreAlreadyExists);
  }
}
