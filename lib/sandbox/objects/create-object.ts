import "server-only";
import { applyDefaults } from "../defaults";
import { alreadyExists, badRequest, invalid, fieldRequired } from "../k8s-error";
import type { Writer } from "../store/writer";
import { apiVersionOf, type K8sObject, type ResourceType } from "../types";
import { validateObject } from "../validation";
import { afterCreate, beforeCreate } from "./hooks";
import { prepareForCreate } from "./metadata";

/** Checks that a request body is an object of this resource (kind and apiVersion, when given). */
export function checkBodyKind(type: ResourceType, body: unknown, version: string): K8sObject {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw badRequest("the request body must be a JSON object");
  const object = body as K8sObject;
  object.metadata ??= {};
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw badRequest(
      `Object kind "${object.kind}" does not match the expected kind "${type.kind}" for ${apiVersionOf(type.group, version)}`,
    );
  }
  if (
    object.apiVersion !== undefined &&
    !type.versions.some((v) => apiVersionOf(type.group, v) === object.apiVersion)
  ) {
    throw badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(type.group, version)})`,
    );
  }
  return object;
}

/** The create path of the API server: metadata, defaults, validation, admission, store. */
export async function createObject(
  w: Writer,
  type: ResourceType,
  input: K8sObject,
  namespace: string,
): Promise<K8sObject> {
  const object = structuredClone(input);
  object.metadata ??= {};
  if (type.namespaced && object.metadata.namespace && object.metadata.namespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  if (!object.metadata.name && !object.metadata.generateName) {
    throw invalid(type, "", [fieldRequired("metadata.name", "name or generateName is required")]);
  }
  prepareForCreate(type, object, namespace);
  applyDefaults(type, object);
  validateObject(type, object);
  if (await w.get(type, namespace, object.metadata.name!)) throw alreadyExists(type, object.metadata.name!);
  await beforeCreate(w, type, object);
  await w.insert(type, object);
  await afterCreate(w, type, object);
  return object;
}
