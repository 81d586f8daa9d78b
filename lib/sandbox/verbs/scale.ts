import "server-only";
import { fieldInvalid, invalid, notFound } from "../k8s-error";
import { updateObject } from "../objects/update-object";
import { applyPatch } from "../patch";
import { formatLabelSelector, fromStructured } from "../selectors/labels";
import { fieldValue } from "../selectors/fields";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject, ResourceType } from "../types";
import { isDryRun, readJsonBody, type ResourceRequest } from "./context";
import { getOrNotFound } from "./get";

// The scale subresource (autoscaling/v1 Scale) of workloads and of custom resources that declare one.

const SCALE_TYPE: ResourceType = {
  group: "autoscaling",
  versions: ["v1"],
  resource: "scale",
  singular: "scale",
  kind: "Scale",
  listKind: "ScaleList",
  namespaced: true,
  shortNames: [],
  categories: [],
  hasGeneration: false,
  status: false,
  custom: false,
};

const pathOf = (jsonPath: string) => jsonPath.replace(/^\./, "").split(".");

function readPath(object: JsonObject, jsonPath: string): unknown {
  return pathOf(jsonPath).reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as JsonObject)[key] : undefined),
    object,
  );
}

function writePath(object: JsonObject, jsonPath: string, value: unknown) {
  const keys = pathOf(jsonPath);
  let node = object;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as JsonObject;
  node[keys[keys.length - 1]] = value;
}

export function toScale(type: ResourceType, object: K8sObject): JsonObject {
  const scale = type.scale!;
  const selector = type.custom
    ? scale.labelSelectorPath
      ? fieldValue(object, scale.labelSelectorPath.replace(/^\./, ""))
      : ""
    : formatLabelSelector(fromStructured(object.spec?.selector as JsonObject | undefined));
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: Number(readPath(object, scale.specReplicasPath) ?? 0) },
    status: { replicas: Number(readPath(object, scale.statusReplicasPath) ?? 0), ...(selector ? { selector } : {}) },
  };
}

export async function getScale(req: ResourceRequest): Promise<JsonObject> {
  return toScale(req.type, await getOrNotFound(req));
}

/** PUT or PATCH on /scale: the new spec.replicas lands on the parent object. */
export async function writeScale(req: ResourceRequest, mode: "update" | "patch"): Promise<JsonObject> {
  const contentType = req.request.headers.get("content-type") ?? "";
  const payload = mode === "update" ? await readJsonBody(req.request) : await req.request.text();
  const updated = await Writer.run(
    async (w) => {
      const current = await w.get(req.type, req.namespace, req.name!);
      if (!current) throw notFound(req.type, req.name!);
      const scale = toScale(req.type, current);
      const next = (
        mode === "update"
          ? payload
          : applyPatch(SCALE_TYPE, scale as unknown as K8sObject, contentType, payload as string)
      ) as JsonObject;
      const replicas = (next.spec as JsonObject | undefined)?.replicas;
      if (typeof replicas !== "number" || replicas < 0 || !Number.isInteger(replicas)) {
        throw invalid(SCALE_TYPE, req.name!, [
          fieldInvalid("spec.replicas", replicas ?? null, "must be greater than or equal to 0"),
        ]);
      }
      const target = structuredClone(current);
      writePath(target as unknown as JsonObject, req.type.scale!.specReplicasPath, replicas);
      target.metadata.resourceVersion =
        ((next.metadata as JsonObject | undefined)?.resourceVersion as string | undefined) ??
        current.metadata.resourceVersion;
      return updateObject(w, req.type, target, current);
    },
    { dryRun: isDryRun(req.query) },
  );
  return toScale(req.type, updated);
}
