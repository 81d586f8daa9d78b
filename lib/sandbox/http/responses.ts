import { K8sError, internalError } from "../k8s-error";

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-cache, private" };

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

export function errorResponse(error: unknown): Response {
  const k8s = error instanceof K8sError ? error : internalError("the sandbox failed to handle the request");
  return jsonResponse(k8s.toStatus(), k8s.code);
}

export function successStatus(details: Record<string, unknown>): Record<string, unknown> {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details };
}
