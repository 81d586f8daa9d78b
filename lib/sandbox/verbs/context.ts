import { badRequest, K8sError } from "../k8s-error";
import { decodeKubernetesProtobuf, PROTOBUF } from "../protobuf/decode";
import { apiVersionOf, type K8sObject, type ResourceType } from "../types";

// The API server's limit on request bodies.
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** One resolved request against a resource. */
export interface ResourceRequest {
  type: ResourceType;
  version: string;
  /** "" for cluster-scoped kinds and all-namespace lists. */
  namespace: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  request: Request;
}

/** Objects are stored at the storage version; custom resources are served at any served version. */
export function present(req: Pick<ResourceRequest, "type" | "version">, object: K8sObject): K8sObject {
  const apiVersion = apiVersionOf(req.type.group, req.version);
  return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
}

/** The request body as JSON; kubectl's typed clients send protobuf, which is decoded for the kinds they create. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if ((request.headers.get("content-type") ?? "").startsWith(PROTOBUF)) {
    return decodeKubernetesProtobuf(new Uint8Array(await request.arrayBuffer()));
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    throw new K8sError(413, "RequestEntityTooLarge", `Request entity too large: limit is ${MAX_BODY_BYTES}`);
  if (text.trim() === "") throw badRequest("the request body is empty");
  return parseJsonText(text);
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`the body of the request could not be decoded: ${(error as Error).message}`);
  }
}

export const isDryRun = (query: URLSearchParams) => query.getAll("dryRun").includes("All");
