import jsonpatch, { type Operation } from "fast-json-patch";
import { badRequest, K8sError, unsupportedMediaType } from "../k8s-error";
import type { JsonObject, K8sObject, ResourceType } from "../types";
import { applyMergePatch } from "./merge-patch";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

export const JSON_PATCH = "application/json-patch+json";
export const MERGE_PATCH = "application/merge-patch+json";
export const STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
export const APPLY_PATCH = "application/apply-patch+yaml";

export function acceptedPatchTypes(type: ResourceType): string[] {
  return type.custom
    ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH]
    : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];
}

function parseBody(text: string, contentType: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (contentType === APPLY_PATCH)
      throw badRequest("the sandbox accepts apply patches in JSON form only (YAML is a superset; send JSON)");
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
}

/** Applies a PATCH body of the given media type to the current object. */
export function applyPatch(type: ResourceType, current: K8sObject, contentType: string, text: string): K8sObject {
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (!acceptedPatchTypes(type).includes(mediaType)) throw unsupportedMediaType(mediaType, acceptedPatchTypes(type));
  const body = parseBody(text, mediaType);
  if (mediaType === JSON_PATCH) {
    if (!Array.isArray(body)) throw badRequest("json patch must be an array of operations");
    try {
      return jsonpatch.applyPatch(structuredClone(current), body as Operation[], true, false).newDocument as K8sObject;
    } catch (error) {
      throw new K8sError(
        422,
        "Invalid",
        `the server rejected our request due to an error in our request: ${(error as Error).message.split("\n")[0]}`,
      );
    }
  }
  if (mediaType === MERGE_PATCH) return applyMergePatch(current, body) as K8sObject;
  // Server-side apply is approximated by a strategic merge (custom kinds: merge) without field ownership.
  if (mediaType === APPLY_PATCH && type.custom) return applyMergePatch(current, body) as K8sObject;
  return applyStrategicMergePatch(current as unknown as JsonObject, body) as unknown as K8sObject;
}
