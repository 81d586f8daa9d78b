import "server-only";
import { methodNotAllowed, resourceNotFound } from "../k8s-error";
import { resolveResourceType } from "../registry";
import type { ResourceRequest } from "../verbs/context";
import { getObject, getOrNotFound } from "../verbs/get";
import { listObjects } from "../verbs/list";
import { logsVerb } from "../verbs/logs";
import { metricsVerb } from "../verbs/metrics";
import { reviewVerb } from "../verbs/review";
import { getScale, writeScale } from "../verbs/scale";
import { watchVerb } from "../verbs/watch";
import { createVerb, deleteCollectionVerb, deleteVerb, patchVerb, updateVerb, type WriteResult } from "../verbs/write";
import { jsonResponse } from "./responses";
import type { Route } from "./request-info";

type ResourceRoute = Extract<Route, { kind: "resource" }>;

const isWatch = (query: URLSearchParams) => ["1", "true"].includes(query.get("watch") ?? "");
function written(result: WriteResult): Response {
  const response = jsonResponse(result.body, result.status);
  // Header values are ASCII: names in a warning come from the request.
  for (const warning of result.warnings ?? [])
    response.headers.append("warning", `299 - ${JSON.stringify(warning).replace(/[^\x20-\x7e]/g, "?")}`);
  return response;
}

async function subresource(req: ResourceRequest, method: string): Promise<Response> {
  const { type, subresource: sub } = req;
  if (sub === "log" && type.log && method === "GET") return logsVerb(req);
  if (sub === "scale" && type.scale) {
    if (method === "GET") return jsonResponse(await getScale(req));
    if (method === "PUT") return jsonResponse(await writeScale(req, "update"));
    if (method === "PATCH") return jsonResponse(await writeScale(req, "patch"));
    throw methodNotAllowed();
  }
  if (sub === "status" && type.status) {
    if (method === "GET") return jsonResponse(await getOrNotFound(req));
    if (method === "PUT") return written(await updateVerb(req));
    if (method === "PATCH") return written(await patchVerb(req));
    throw methodNotAllowed();
  }
  throw resourceNotFound();
}

/** Dispatches a request on /api/v1/… or /apis/{group}/{version}/… to its verb. */
export async function handleResource(
  route: ResourceRoute,
  request: Request,
  query: URLSearchParams,
): Promise<Response> {
  const type = await resolveResourceType(route.group, route.version, route.resource);
  if (!type) throw resourceNotFound();
  // Cluster-scoped kinds have no namespaced URL; namespaced objects are only addressable in one.
  if (!type.namespaced && route.namespace) throw resourceNotFound();
  if (type.namespaced && !route.namespace && route.name) throw resourceNotFound();
  const req: ResourceRequest = {
    type,
    version: route.version,
    namespace: route.namespace,
    name: route.name,
    subresource: route.subresource,
    query,
    request,
  };
  const method = request.method.toUpperCase();
  if (type.metrics) return jsonResponse(await metricsVerb(req, method));
  if (type.review) {
    if (method !== "POST" || route.name) throw methodNotAllowed();
    return written(await reviewVerb(req));
  }
  if (route.subresource) return subresource(req, method);
  if (route.name) {
    switch (method) {
      case "GET":
        return isWatch(query) ? watchVerb(req) : jsonResponse(await getObject(req));
      case "PUT":
        return written(await updateVerb(req));
      case "PATCH":
        return written(await patchVerb(req));
      case "DELETE":
        return written(await deleteVerb(req));
      default:
        throw methodNotAllowed();
    }
  }
  switch (method) {
    case "GET":
      return isWatch(query) ? watchVerb(req) : jsonResponse(await listObjects(req));
    case "POST":
      if (type.namespaced && !route.namespace) throw methodNotAllowed();
      return written(await createVerb(req));
    case "DELETE":
      return written(await deleteCollectionVerb(req));
    default:
      throw methodNotAllowed();
  }
}
