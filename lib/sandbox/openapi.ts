import { createHash } from "node:crypto";
import type { JsonObject, ResourceType } from "./types";

// Minimal OpenAPI v3 per group-version (operations, no schemas): what kubectl 1.32 `apply` needs,
// PATCH operations naming their GVK and taking fieldValidation (validation is left to the server).
// Strategic merge is not advertised, so kubectl builds those patches from its compiled-in types.

const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);

const queryParam = (name: string) => ({ name, in: "query", schema: { type: "string" }, description: "" });

function operations(type: ResourceType, version: string, item: boolean): JsonObject {
  const gvk = { group: type.group, version, kind: type.kind };
  const op = (action: string, extra: JsonObject = {}) => ({
    operationId: `${action}${type.kind}`,
    responses: { "200": { description: "OK" } },
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": gvk,
    ...extra,
  });
  const body = (types: string[]) => ({
    requestBody: { content: Object.fromEntries(types.map((t) => [t, { schema: { type: "object" } }])) },
  });
  const write = { parameters: [queryParam("dryRun"), queryParam("fieldManager"), queryParam("fieldValidation")] };
  if (type.review) return item ? {} : { post: op("post", { ...write, ...body(["application/json"]) }) };
  if (type.metrics) return { get: op(item ? "get" : "list") };
  if (!item) {
    return {
      get: op("list"),
      post: op("post", { ...write, ...body(["application/json"]) }),
      delete: op("deletecollection"),
    };
  }
  return {
    get: op("get"),
    put: op("put", { ...write, ...body(["application/json"]) }),
    patch: op("patch", {
      ...write,
      ...body(["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]),
    }),
    delete: op("delete"),
  };
}

export function openApiV3Spec(types: ResourceType[], group: string, version: string): JsonObject | null {
  const served = types.filter((t) => t.group === group && t.versions.includes(version));
  if (served.length === 0) return null;
  const paths: JsonObject = {};
  for (const type of served) {
    const base = `/${gvPath(group, version)}${type.namespaced ? "/namespaces/{namespace}" : ""}/${type.resource}`;
    paths[base] = operations(type, version, false);
    paths[`${base}/{name}`] = operations(type, version, true);
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.0" },
    paths,
    components: { schemas: {} },
  };
}

/** The /openapi/v3 index; URLs carry the base path because clients resolve them from the host root. */
export function openApiV3Root(types: ResourceType[], basePath: string): JsonObject {
  const groupVersions = new Map<string, [string, string]>();
  for (const t of types) for (const v of t.versions) groupVersions.set(gvPath(t.group, v), [t.group, v]);
  const paths: JsonObject = {};
  for (const [path, [group, version]] of groupVersions) {
    const hash = createHash("sha512")
      .update(JSON.stringify(openApiV3Spec(types, group, version)))
      .digest("hex")
      .slice(0, 64)
      .toUpperCase();
    paths[path] = { serverRelativeURL: `${basePath}/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}
