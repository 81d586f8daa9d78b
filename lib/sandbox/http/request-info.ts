// Maps a path below the sandbox's base URL onto what it asks for, as the API server's
// RequestInfoFactory does (k8s.io/apiserver/pkg/endpoints/request).

export type Route =
  | { kind: "root" }
  | { kind: "version" }
  | { kind: "health" }
  | { kind: "apiVersions" }
  | { kind: "apiGroups" }
  | { kind: "apiGroup"; group: string }
  | { kind: "resourceList"; group: string; version: string }
  | { kind: "openapiV2" }
  | { kind: "openapiV3" }
  | { kind: "openapiV3Spec"; group: string; version: string }
  | {
      kind: "resource";
      group: string;
      version: string;
      resource: string;
      /** "" when the request names no namespace. */
      namespace: string;
      name?: string;
      subresource?: string;
    }
  | { kind: "notFound" };

function resourceRoute(group: string, version: string, rest: string[]): Route {
  if (rest.length === 0) return { kind: "resourceList", group, version };
  // /namespaces/{ns} is the Namespace itself; /namespaces/{ns}/{resource}/… is namespaced content.
  if (
    group === "" &&
    rest[0] === "namespaces" &&
    rest.length <= 3 &&
    (rest.length < 3 || ["status", "finalize"].includes(rest[2]))
  ) {
    return {
      kind: "resource",
      group,
      version,
      resource: "namespaces",
      namespace: "",
      name: rest[1],
      subresource: rest[2],
    };
  }
  if (rest[0] === "namespaces" && rest.length >= 3) {
    const [, namespace, resource, name, subresource, ...extra] = rest;
    if (extra.length > 0) return { kind: "notFound" };
    return { kind: "resource", group, version, resource, namespace, name, subresource };
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length > 0) return { kind: "notFound" };
  return { kind: "resource", group, version, resource, namespace: "", name, subresource };
}

export function parseRoute(path: string[]): Route {
  const [head, ...rest] = path.filter((p) => p !== "");
  if (head === undefined) return { kind: "root" };
  if (head === "version" && rest.length === 0) return { kind: "version" };
  if (["healthz", "livez", "readyz"].includes(head)) return { kind: "health" };
  if (head === "api") {
    if (rest.length === 0) return { kind: "apiVersions" };
    if (rest[0] !== "v1") return { kind: "notFound" };
    return resourceRoute("", "v1", rest.slice(1));
  }
  if (head === "apis") {
    if (rest.length === 0) return { kind: "apiGroups" };
    if (rest.length === 1) return { kind: "apiGroup", group: rest[0] };
    return resourceRoute(rest[0], rest[1], rest.slice(2));
  }
  if (head === "openapi") {
    if (rest[0] === "v2" && rest.length === 1) return { kind: "openapiV2" };
    if (rest[0] === "v3" && rest.length === 1) return { kind: "openapiV3" };
    if (rest[0] === "v3" && rest[1] === "api" && rest[2] === "v1" && rest.length === 3)
      return { kind: "openapiV3Spec", group: "", version: "v1" };
    if (rest[0] === "v3" && rest[1] === "apis" && rest.length === 4)
      return { kind: "openapiV3Spec", group: rest[2], version: rest[3] };
  }
  return { kind: "notFound" };
}
