import "server-only";
import { getDb } from "@/lib/db/client";
import { notFound } from "../k8s-error";
import { readObject } from "../store/read";
import { toTable, wantsTable, type IncludeObject } from "../table";
import type { K8sObject } from "../types";
import { present, type ResourceRequest } from "./context";

export async function getOrNotFound(req: ResourceRequest): Promise<K8sObject> {
  const object = await readObject(getDb(), req.type, req.namespace, req.name!);
  if (!object) throw notFound(req.type, req.name!);
  return present(req, object);
}

export async function getObject(req: ResourceRequest): Promise<unknown> {
  const object = await getOrNotFound(req);
  if (wantsTable(req.request.headers.get("accept"))) {
    const include = (req.query.get("includeObject") as IncludeObject | null) ?? "Metadata";
    return toTable(req.type, [object], { resourceVersion: object.metadata.resourceVersion }, include);
  }
  return object;
}
