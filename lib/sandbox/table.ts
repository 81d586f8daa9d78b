import { customPrinter, PRINTERS } from "./table-columns";
import type { JsonObject, K8sObject, ResourceType } from "./types";

// meta.k8s.io/v1 Table responses, which kubectl asks for with `Accept: application/json;as=Table`.

export type IncludeObject = "None" | "Metadata" | "Object";

export function wantsTable(accept: string | null): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

function rowObject(object: K8sObject, include: IncludeObject): JsonObject | undefined {
  if (include === "None") return undefined;
  if (include === "Object") return object;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
}

export function toTable(
  type: ResourceType,
  objects: K8sObject[],
  listMeta: JsonObject,
  include: IncludeObject = "Metadata",
): JsonObject {
  const printer = (!type.custom && PRINTERS[type.kind]) || customPrinter(type.printerColumns);
  const now = Date.now();
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMeta,
    columnDefinitions: printer.columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? "",
      description: "",
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => ({ cells: printer.cells(o, now), object: rowObject(o, include) })),
  };
}
