import { badRequest } from "../k8s-error";
import type { JsonObject } from "../types";

// Strategic merge patch for the built-in kinds (k8s.io/apimachinery/pkg/util/strategicpatch).
// The patch metadata (which lists merge by which key) comes from the Go struct tags of the
// core and apps types; only the fields those kinds carry are listed.

const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  env: "name",
  imagePullSecrets: "name",
  secrets: "name",
  resourceClaims: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  hostAliases: "ip",
  ownerReferences: "uid",
  conditions: "type",
  topologySpreadConstraints: "topologyKey",
};

/** Lists of scalars that merge as sets instead of being replaced. */
const PRIMITIVE_SET_LISTS = new Set(["finalizers"]);

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

function mergeKeyFor(path: string[]): string | undefined {
  const field = path[path.length - 1];
  // Container ports merge by containerPort, Service ports by port.
  if (field === "ports") return path.some((p) => CONTAINER_LISTS.has(p)) ? "containerPort" : "port";
  return MERGE_KEYS[field];
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith("$")) continue;
    out[k] = stripDirectives(v);
  }
  return out;
}

function mergeList(original: unknown, patch: unknown[], path: string[]): unknown[] {
  const field = path[path.length - 1];
  const current = Array.isArray(original) ? structuredClone(original) : [];
  const key = mergeKeyFor(path);
  if (key && patch.every(isObject)) {
    const items = patch as JsonObject[];
    if (items.some((i) => i.$patch === "replace"))
      return items.filter((i) => i.$patch !== "replace").map((i) => stripDirectives(i));
    for (const item of items) {
      const index = current.findIndex((c) => isObject(c) && c[key] === item[key]);
      if (item.$patch === "delete") {
        if (index >= 0) current.splice(index, 1);
        continue;
      }
      if (index >= 0) current[index] = mergeMap(current[index], item, path);
      else current.push(mergeMap({}, item, path));
    }
    return current;
  }
  if (PRIMITIVE_SET_LISTS.has(field)) {
    for (const item of patch) if (!current.includes(item)) current.push(item);
    return current;
  }
  return stripDirectives(patch) as unknown[];
}

/** Reorders a merged list as `$setElementOrder/<field>` asks; unlisted items keep their order after it. */
function applyOrder(list: unknown, order: unknown, path: string[]): unknown {
  if (!Array.isArray(list) || !Array.isArray(order)) return list;
  const key = mergeKeyFor(path);
  const identity = (v: unknown) => (key && isObject(v) ? v[key] : v);
  const wanted = order.map(identity);
  const rank = (v: unknown) => {
    const i = wanted.indexOf(identity(v));
    return i < 0 ? wanted.length : i;
  };
  return list
    .map((v, i) => ({ v, i }))
    .sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i)
    .map((x) => x.v);
}

function mergeMap(original: unknown, patch: JsonObject, path: string[]): JsonObject {
  if (patch.$patch === "replace") return stripDirectives(patch) as JsonObject;
  if (patch.$patch !== undefined && patch.$patch !== "merge" && patch.$patch !== "delete") {
    throw badRequest(`Unknown patch type: ${String(patch.$patch)}`);
  }
  const result: JsonObject = isObject(original) ? { ...original } : {};
  const orders: [string, unknown][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === "$patch" || key === "$retainKeys") continue;
    if (key.startsWith("$setElementOrder/")) {
      orders.push([key.slice("$setElementOrder/".length), value]);
      continue;
    }
    if (key.startsWith("$deleteFromPrimitiveList/")) {
      const field = key.slice("$deleteFromPrimitiveList/".length);
      const remove = Array.isArray(value) ? value : [];
      if (Array.isArray(result[field])) result[field] = (result[field] as unknown[]).filter((v) => !remove.includes(v));
      continue;
    }
    if (value === null) {
      delete result[key];
    } else if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, [...path, key]);
    } else if (isObject(value)) {
      if (value.$patch === "delete") delete result[key];
      else result[key] = mergeMap(result[key], value, [...path, key]);
    } else {
      result[key] = value;
    }
  }
  for (const [field, order] of orders) {
    if (field in result) result[field] = applyOrder(result[field], order, [...path, field]);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(result)) if (!keep.has(key)) delete result[key];
  }
  return result;
}

export function applyStrategicMergePatch(original: JsonObject, patch: unknown): JsonObject {
  if (!isObject(patch)) throw badRequest("strategic merge patch must be a JSON object");
  return mergeMap(original, patch, []);
}
