import "server-only";
import { logger } from "@/lib/observability/logger";
import { ensureClusterSeeded } from "../controllers/bootstrap";
import { leadSandboxControllers } from "../controllers/leader";
import { verifySandboxToken } from "../credentials";
import { apiGroup, apiGroupList, apiResourceList, apiVersions, rootPaths, SERVER_VERSION } from "../discovery";
import { K8sError, resourceNotFound, unauthorized } from "../k8s-error";
import { openApiV3Root, openApiV3Spec } from "../openapi";
import { allResourceTypes } from "../registry";
import { parseRoute, type Route } from "./request-info";
import { handleResource } from "./resource-handler";
import { errorResponse, jsonResponse } from "./responses";

const orNotFound = (body: unknown) => {
  if (!body) throw resourceNotFound();
  return jsonResponse(body);
};

/** The URL path the sandbox is mounted at (e.g. /sandbox/k8s), from the request and the matched segments. */
function basePath(url: URL, path: string[]): string {
  const pathname = url.pathname.replace(/\/+$/, "");
  const suffix = path.map(encodeURIComponent).join("/");
  if (!suffix) return pathname;
  return pathname.endsWith(`/${suffix}`) ? pathname.slice(0, -suffix.length - 1) : "/sandbox/k8s";
}

/** The sandbox token from `Bearer <token>`, or from Basic auth's password (kubectl over plain http). */
function tokenFrom(headers: Headers): string | null {
  const header = headers.get("authorization") ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  return decoded.includes(":") ? decoded.slice(decoded.indexOf(":") + 1) : null;
}

/** The caller holds a sandbox token (also used by WebSocket upgrades, which have no Request). */
export async function authenticated(headers: Headers): Promise<boolean> {
  const token = tokenFrom(headers);
  return !!token && (await verifySandboxToken(token));
}

async function dispatch(route: Route, request: Request, url: URL, path: string[]): Promise<Response> {
  switch (route.kind) {
    case "version":
      return jsonResponse(SERVER_VERSION);
    case "health":
      return new Response("ok", { headers: { "content-type": "text/plain" } });
    case "root":
      return jsonResponse(rootPaths(await allResourceTypes()));
    case "apiVersions":
      return jsonResponse(apiVersions());
    case "apiGroups":
      return jsonResponse(apiGroupList(await allResourceTypes()));
    case "apiGroup":
      return orNotFound(apiGroup(await allResourceTypes(), route.group));
    case "resourceList":
      return orNotFound(apiResourceList(await allResourceTypes(), route.group, route.version));
    case "openapiV3":
      return jsonResponse(openApiV3Root(await allResourceTypes(), basePath(url, path)));
    case "openapiV3Spec":
      return orNotFound(openApiV3Spec(await allResourceTypes(), route.group, route.version));
    case "resource":
      return handleResource(route, request, url.searchParams);
    case "openapiV2":
    case "notFound":
      throw resourceNotFound();
  }
}

/**
 * The sandbox cluster's Kubernetes API. `path` is what follows the mount point
 * (`/sandbox/k8s`). Starts the simulated controllers on first use.
 */
export async function handleSandboxRequest(request: Request, path: string[]): Promise<Response> {
  try {
    if (!(await authenticated(request.headers))) throw unauthorized();
    await ensureClusterSeeded();
    leadSandboxControllers();
    const url = new URL(request.url);
    return await dispatch(parseRoute(path), request, url, path);
  } catch (error) {
    if (!(error instanceof K8sError))
      logger.error({ err: error, method: request.method, path: path.join("/") }, "sandbox request failed");
    return errorResponse(error);
  }
}
