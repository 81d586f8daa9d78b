import "server-only";
import { and, count, eq, max } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { sandboxObjects } from "@/lib/db/schema";
import { BUILTIN_RESOURCES, CRDS } from "./builtin-resources";
import { readObjects } from "./store/read";
import type { K8sObject, PrinterColumn, ResourceType } from "./types";

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  subresources?: {
    status?: object;
    scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  };
  additionalPrinterColumns?: PrinterColumn[];
  schema?: { openAPIV3Schema?: Record<string, unknown> };
}

interface CrdSpec {
  group: string;
  scope: "Namespaced" | "Cluster";
  names: {
    plural: string;
    singular?: string;
    kind: string;
    listKind?: string;
    shortNames?: string[];
    categories?: string[];
  };
  versions: CrdVersion[];
}

/** The resource a CustomResourceDefinition serves, or null while it is being deleted. */
export function crdResourceType(crd: K8sObject): ResourceType | null {
  if (crd.metadata.deletionTimestamp) return null;
  const spec = crd.spec as unknown as CrdSpec;
  const served = spec.versions.filter((v) => v.served !== false);
  if (served.length === 0) return null;
  const storage = served.find((v) => v.storage) ?? served[0];
  const ordered = [storage, ...served.filter((v) => v !== storage)];
  return {
    group: spec.group,
    versions: ordered.map((v) => v.name),
    resource: spec.names.plural,
    singular: spec.names.singular || spec.names.kind.toLowerCase(),
    kind: spec.names.kind,
    listKind: spec.names.listKind || `${spec.names.kind}List`,
    namespaced: spec.scope !== "Cluster",
    shortNames: spec.names.shortNames ?? [],
    categories: spec.names.categories ?? [],
    hasGeneration: true,
    status: Boolean(storage.subresources?.status),
    scale: storage.subresources?.scale,
    printerColumns: storage.additionalPrinterColumns,
    schema: storage.schema?.openAPIV3Schema,
    schemaKey: `${crd.metadata.uid}/${crd.metadata.resourceVersion}/${storage.name}`,
    custom: true,
  };
}

// CRDs can be large (the Logging Operator's schemas are hundreds of KB), and every custom
// request resolves its type, so the parsed list is kept until a CRD is added, changed or removed.
let cached: { stamp: string; types: ResourceType[] } | null = null;

export async function customResourceTypes(db: Executor = getDb()): Promise<ResourceType[]> {
  const [row] = await db
    .select({ n: count(), rv: max(sandboxObjects.resourceVersion) })
    .from(sandboxObjects)
    .where(and(eq(sandboxObjects.apiGroup, CRDS.group), eq(sandboxObjects.resource, CRDS.resource)));
  const stamp = `${row?.n ?? 0}/${row?.rv ?? 0}`;
  if (cached?.stamp === stamp) return [...cached.types];
  const crds = await readObjects(db, CRDS);
  const types = crds.map(crdResourceType).filter((t): t is ResourceType => t !== null);
  cached = { stamp, types };
  return [...types];
}

export async function allResourceTypes(db: Executor = getDb()): Promise<ResourceType[]> {
  return [...BUILTIN_RESOURCES, ...(await customResourceTypes(db))];
}

/** Finds the resource served at /api(s)/{group}/{version}/{resource}. */
export async function resolveResourceType(
  group: string,
  version: string,
  resource: string,
  db: Executor = getDb(),
): Promise<ResourceType | undefined> {
  const builtin = BUILTIN_RESOURCES.find(
    (r) => r.group === group && r.resource === resource && r.versions.includes(version),
  );
  if (builtin) return builtin;
  if (BUILTIN_RESOURCES.some((r) => r.group === group)) return undefined;
  return (await customResourceTypes(db)).find(
    (t) => t.group === group && t.resource === resource && t.versions.includes(version),
  );
}

/** The resource type of a stored object (garbage collection, namespace cleanup). */
export function typeForStored(types: ResourceType[], group: string, resource: string): ResourceType | undefined {
  return types.find((t) => t.group === group && t.resource === resource);
}
