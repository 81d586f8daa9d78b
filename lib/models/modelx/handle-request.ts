import "server-only";
import type { RequestContext } from "@/lib/core/context";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";
import { withRequestEpochs } from "@/lib/db/epochs";
import { logger } from "@/lib/observability/logger";
import { withSpan } from "@/lib/observability/tracer";
import { modelxActor, repositoryAccess } from "./access";
import { deleteManifest } from "./delete-manifest";
import { deleteModel } from "./delete-model";
import { ModelxError, modelxErrorResponse } from "./errors";
import { garbageCollect } from "./garbage-collect";
import { getBlob } from "./get-blob";
import { getGlobalIndex } from "./get-global-index";
import { getManifest } from "./get-manifest";
import { getModelIndex } from "./get-model-index";
import { isModelName } from "./names";
import { putBlob } from "./put-blob";
import { putManifest } from "./put-manifest";

const ER_REGEXP_ERROR = 1139;

async function dispatch(request: Request, path: string[], base: RequestContext): Promise<Response> {
  const method = request.method;
  const search = new URL(request.url).searchParams.get("search");
  if (path.length === 1 && path[0] === "healthz" && method === "GET") return new Response("ok");
  const actor = await modelxActor(request);
  if (path.length === 0 && method === "GET") return getGlobalIndex(actor, search);
  const [repository, model, kind, arg, extra, purpose] = path;
  if (!repository || !model || !kind)
    throw new ModelxError("UNSUPPORTED", `no modelx endpoint ${method} /${path.join("/")}`);
  if (!isModelName(model)) throw new ModelxError("NAME_INVALID", `${model} is not a valid model name`);
  const reads = method === "GET" || method === "HEAD";
  const access = await repositoryAccess(base, actor, repository, reads ? "pull" : "push");
  if (kind === "index" && path.length === 3) {
    if (method === "GET") return getModelIndex(access, model, search);
    if (method === "DELETE") return deleteModel(access, model);
  }
  if (kind === "manifests" && arg && path.length === 4) {
    if (method === "GET") return getManifest(access, model, arg);
    if (method === "PUT") return putManifest(access, model, arg, request);
    if (method === "DELETE") return deleteManifest(access, model, arg);
  }
  if (kind === "blobs" && arg) {
    if (path.length === 4 && reads) return getBlob(access, model, arg, method === "HEAD");
    if (path.length === 4 && method === "PUT") return putBlob(access, model, arg, request);
    // Presigned locations exist only for object stores; clients fall back to plain GET/PUT.
    if (extra === "locations" && purpose && path.length === 6)
      throw new ModelxError("UNSUPPORTED", "this registry stores blobs itself: use GET/PUT on the blob");
  }
  if (kind === "garbage-collect" && path.length === 3 && method === "POST") return garbageCollect(access, model);
  throw new ModelxError("UNSUPPORTED", `no modelx endpoint ${method} /${path.join("/")}`);
}

/** The modelx registry's HTTP API (PROTOCOLS §9) under /modelx, authenticated with Facet tokens. */
export async function handleModelxRequest(request: Request, path: string[]): Promise<Response> {
  const base: RequestContext = {
    actor: null,
    scope: {},
    requestId: requestIdFrom(request.headers),
    clientAddress: clientAddressFrom(request.headers),
  };
  return withSpan(`${request.method} /modelx`, { "facet.request_id": base.requestId }, async () => {
    try {
      return await withRequestEpochs(() => dispatch(request, path, base));
    } catch (error) {
      if (error instanceof ModelxError) return modelxErrorResponse(error);
      if ((error as { errno?: number }).errno === ER_REGEXP_ERROR)
        return modelxErrorResponse(new ModelxError("INVALID_PARAMETER", "search is not a valid regular expression"));
      logger.error({ err: error, request_id: base.requestId }, "modelx request failed");
      return modelxErrorResponse(new ModelxError("INTERNAL", "the registry failed; see the server log"));
    }
  });
}
