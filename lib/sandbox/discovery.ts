import { BUILTIN_GROUPS } from "./builtin-resources";
import { ALL_VERBS, apiVersionOf, type JsonObject, type ResourceType } from "./types";

// Discovery documents (meta/v1 APIVersions, APIGroupList, APIResourceList) in the legacy,
// unaggregated form; kubectl falls back to it when the server does not aggregate.

export const SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.0",
  gitCommit: "facet-sandbox",
  gitTreeState: "clean",
  buildDate: "2024-12-11T00:00:00Z",
  goVersion: "go1.23.3",
  compiler: "gc",
  platform: "linux/amd64",
};

export function apiVersions(): JsonObject {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:6443" }],
  };
}

function groupOrder(types: ResourceType[]): string[] {
  const custom = [...new Set(types.filter((t) => t.custom).map((t) => t.group))]
    .filter((g) => !BUILTIN_GROUPS.includes(g))
    .sort();
  return [...BUILTIN_GROUPS.filter((g) => g !== ""), ...custom];
}

export function apiGroup(types: ResourceType[], group: string): JsonObject | null {
  const versions = [...new Set(types.filter((t) => t.group === group).flatMap((t) => t.versions))];
  if (versions.length === 0) return null;
  const toEntry = (version: string) => ({ groupVersion: apiVersionOf(group, version), version });
  return {
    kind: "APIGroup",
    apiVersion: "v1",
    name: group,
    versions: versions.map(toEntry),
    preferredVersion: toEntry(versions[0]),
  };
}

export function apiGroupList(types: ResourceType[]): JsonObject {
  const groups = groupOrder(types).map((g) => {
    const { kind: _k, apiVersion: _a, ...rest } = apiGroup(types, g)!;
    return rest;
  });
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

function resourceEntries(type: ResourceType): JsonObject[] {
  const base = { namespaced: type.namespaced, kind: type.kind };
  const entries: JsonObject[] = [
    {
      name: type.resource,
      singularName: type.singular,
      ...base,
      verbs: type.review ? ["create"] : type.metrics ? ["get", "list"] : ALL_VERBS,
      ...(type.shortNames.length ? { shortNames: type.shortNames } : {}),
      ...(type.categories.length ? { categories: type.categories } : {}),
    },
  ];
  if (type.log) entries.push({ name: `${type.resource}/log`, singularName: "", ...base, verbs: ["get"] });
  if (type.scale) {
    entries.push({
      name: `${type.resource}/scale`,
      singularName: "",
      namespaced: type.namespaced,
      group: "autoscaling",
      version: "v1",
      kind: "Scale",
      verbs: ["get", "patch", "update"],
    });
  }
  if (type.status)
    entries.push({ name: `${type.resource}/status`, singularName: "", ...base, verbs: ["get", "patch", "update"] });
  return entries;
}

export function apiResourceList(types: ResourceType[], group: string, version: string): JsonObject | null {
  const served = types.filter((t) => t.group === group && t.versions.includes(version));
  if (served.length === 0) return null;
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: apiVersionOf(group, version),
    resources: served.flatMap(resourceEntries),
  };
}

export function rootPaths(types: ResourceType[]): JsonObject {
  const groupVersions = [
    ...new Set(types.filter((t) => t.group).flatMap((t) => t.versions.map((v) => `/apis/${t.group}/${v}`))),
  ];
  return {
    paths: ["/api", "/api/v1", "/apis", ...groupVersions, "/healthz", "/livez", "/openapi/v3", "/readyz", "/version"],
  };
}
